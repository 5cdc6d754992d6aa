package dev.byron.runtime;

import java.math.BigDecimal;
import java.util.List;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.descriptor.ReactionDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;

/** The microblog's components, built in Java as the generator will write them. */
public final class TestDescriptors {
	private TestDescriptors() {
	}

	static final FieldDescriptor HANDLE = new FieldDescriptor("handle", FieldType.scalar("String", true),
			FieldRules.NONE.withUnique().withPattern("^[a-z0-9_]{3,15}$"));
	static final FieldDescriptor NAME = new FieldDescriptor("name", FieldType.scalar("String", true),
			FieldRules.NONE.withLength(1, 50));

	public static ComponentDescriptor accounts(String system, HookDescriptor... hooks) {
		EntityDescriptor user = new EntityDescriptor("User", "Users", List.of(HANDLE, NAME,
				new FieldDescriptor("bio", FieldType.scalar("String", false), FieldRules.NONE.withLength(null, 160)),
				new FieldDescriptor("age", FieldType.scalar("Int", false),
						FieldRules.NONE.withRange(BigDecimal.ZERO, new BigDecimal(150))),
				new FieldDescriptor("joinedAt", FieldType.scalar("DateTime", true), FieldRules.NONE.withDefault("now"))));
		return new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "accounts", "per-operation",
				List.of(user), List.of(), List.of(), List.of(), List.of(), List.of(hooks));
	}

	public static ComponentDescriptor posts(String system, ReactionDescriptor... reactions) {
		EntityDescriptor post = new EntityDescriptor("Post", "Posts", List.of(
				new FieldDescriptor("author", FieldType.reference("accounts", "User", true), FieldRules.NONE),
				new FieldDescriptor("text", FieldType.scalar("String", true), FieldRules.NONE.withLength(1, 280))));
		return new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "posts", "per-operation",
				List.of(post), List.of(), List.of(), List.of(new ReplicaDescriptor("accounts", "User", List.of(HANDLE, NAME))),
				List.of(reactions), List.of());
	}

	/** timeline: one Entry per post and follower, created by the fanOut reaction. */
	public static ComponentDescriptor timeline(String system) {
		EntityDescriptor entry = new EntityDescriptor("Entry", "Entries", List.of(
				new FieldDescriptor("post", FieldType.scalar("ID", true), FieldRules.NONE),
				new FieldDescriptor("text", FieldType.scalar("String", true), FieldRules.NONE)));
		return new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "timeline", "per-entity",
				List.of(entry), List.of(), List.of(), List.of(),
				List.of(new ReactionDescriptor("posts", "PostCreated", "fanOut")), List.of());
	}
}
