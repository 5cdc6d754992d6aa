package dev.byron.runtime.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;

class ValidateFieldsTest {
	private final EntityDescriptor book = new EntityDescriptor("Book", "Books", List.of(new FieldDescriptor("tags",
			new FieldType(FieldType.Kind.SCALAR, "String", null, true, true, false), FieldRules.NONE)));
	private final ValidateFields validate = new ValidateFields(new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, "s",
			"library", "per-operation", List.of(book), List.of(), List.of(), List.of(), List.of(), List.of()));

	private CommandContext creating(List<String> tags) {
		CommandContext context = new CommandContext(CommandKind.CREATE, book, "b1", Map.of("tags", tags), null, null, false);
		context.state.put("tags", tags);
		return context;
	}

	@Test
	void aListFieldHoldsAThousandItemsAndNoMore() {
		validate.apply(creating(Collections.nCopies(1_000, "fiction")));
		assertThatThrownBy(() -> validate.apply(creating(Collections.nCopies(50_000, "fiction")))).isInstanceOfSatisfying(ByronException.class,
				e -> {
					assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
					assertThat(e.getMessage()).contains("'tags' has 50,000 items; a list field holds at most 1,000");
				});
	}
}
