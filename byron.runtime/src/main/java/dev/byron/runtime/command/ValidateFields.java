package dev.byron.runtime.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EnumDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;

/** Types and the model's rules ({@code @pattern}, {@code @length}, {@code @range}, required) on the new state. */
final class ValidateFields implements CommandStep {
	/** No string is longer than this, whatever the model says: oversize input is refused, not stored. */
	static final int MAX_STRING = 65_536;
	/** No list field holds more items than this: a collection that grows without bound is an entity of its own. */
	static final int MAX_ITEMS = 1_000;
	private final ComponentDescriptor component;
	private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

	ValidateFields(ComponentDescriptor component) {
		this.component = component;
	}

	@Override
	public void apply(CommandContext context) {
		if (context.kind == CommandKind.DELETE) {
			return;
		}
		List<ByronException> invalid = new java.util.ArrayList<>();
		for (FieldDescriptor field : context.entity.fields()) {
			try {
				check(field, context.state.get(field.name()));
			} catch (ByronException e) {
				invalid.add(e); // every invalid field is reported, so that a form can be fixed in one go
			}
		}
		if (!invalid.isEmpty()) {
			throw ByronException.all(invalid);
		}
	}

	private void check(FieldDescriptor field, Object value) {
		FieldType type = field.type();
		if (value == null) {
			if (type.required()) {
				throw ByronException.validation(field.name(), "'" + field.name() + "' is required.");
			}
			return;
		}
		if (type.list()) {
			if (!(value instanceof List<?> list)) {
				throw ByronException.validation(field.name(), "'" + field.name() + "' must be a list.");
			}
			if (list.size() > MAX_ITEMS) {
				throw ByronException.validation(field.name(), String.format("'%s' has %,d items; a list field holds at most %,d."
						+ " Keep a collection that grows without bound as an entity that refers to this one.", field.name(), list.size(),
						MAX_ITEMS));
			}
			for (Object element : list) {
				if (element == null) {
					if (type.elementRequired()) {
						throw ByronException.validation(field.name(), "'" + field.name() + "' cannot contain null.");
					}
					continue;
				}
				checkValue(field, element);
			}
			return;
		}
		checkValue(field, value);
	}

	private void checkValue(FieldDescriptor field, Object value) {
		String name = field.name();
		FieldType type = field.type();
		switch (type.kind()) {
			case ENTITY -> requireString(name, value, "an id");
			case ENUM -> {
				requireString(name, value, "an enum value");
				EnumDescriptor enumType = component.enumType(type.name()).orElse(null);
				if (enumType != null && !enumType.values().contains(value)) {
					throw ByronException.validation(name, "'" + name + "' must be one of " + String.join(", ", enumType.values()) + ".");
				}
			}
			case SCALAR -> scalar(name, type.name(), value);
		}
		rules(name, field.rules(), value);
	}

	private static void scalar(String name, String scalar, Object value) {
		switch (scalar) {
			case "String", "ID" -> requireString(name, value, "a string");
			case "Int" -> {
				if (!(value instanceof Integer || value instanceof Long l && l == l.intValue())) {
					throw ByronException.validation(name, "'" + name + "' must be a whole number (32 bits).");
				}
			}
			case "Float" -> {
				if (!(value instanceof Number)) {
					throw ByronException.validation(name, "'" + name + "' must be a number.");
				}
			}
			case "Boolean" -> {
				if (!(value instanceof Boolean)) {
					throw ByronException.validation(name, "'" + name + "' must be true or false.");
				}
			}
			case "DateTime" -> {
				requireString(name, value, "a date-time");
				try {
					Instant.parse((String) value);
				} catch (DateTimeParseException e) {
					throw ByronException.validation(name, "'" + name + "' must be an ISO-8601 instant such as 2024-01-31T12:00:00Z.");
				}
			}
			default -> {
			}
		}
	}

	private static void requireString(String name, Object value, String what) {
		if (!(value instanceof String text)) {
			throw ByronException.validation(name, "'" + name + "' must be " + what + ".");
		}
		if (text.length() > MAX_STRING) {
			throw ByronException.validation(name, "'" + name + "' is longer than " + MAX_STRING + " characters.");
		}
		if (text.indexOf('\0') >= 0) {
			throw ByronException.validation(name, "'" + name + "' contains a NUL character (U+0000); remove it.");
		}
	}

	private void rules(String name, FieldRules rules, Object value) {
		if (value instanceof String text) {
			int length = text.codePointCount(0, text.length());
			if (rules.minLength() != null && length < rules.minLength()) {
				throw ByronException.validation(name, "'" + name + "' must have at least " + characters(rules.minLength()) + ".");
			}
			if (rules.maxLength() != null && length > rules.maxLength()) {
				throw ByronException.validation(name, "'" + name + "' must have at most " + characters(rules.maxLength()) + ".");
			}
			if (rules.pattern() != null && !patterns.computeIfAbsent(rules.pattern(), Pattern::compile).matcher(text).matches()) {
				throw ByronException.validation(name, "'" + name + "' must match " + rules.pattern() + ".");
			}
		}
		if (value instanceof Number number) {
			BigDecimal decimal = new BigDecimal(number.toString());
			if (rules.min() != null && decimal.compareTo(rules.min()) < 0) {
				throw ByronException.validation(name, "'" + name + "' must be at least " + rules.min().toPlainString() + ".");
			}
			if (rules.max() != null && decimal.compareTo(rules.max()) > 0) {
				throw ByronException.validation(name, "'" + name + "' must be at most " + rules.max().toPlainString() + ".");
			}
		}
	}

	private static String characters(int count) {
		return count + (count == 1 ? " character" : " characters");
	}
}
