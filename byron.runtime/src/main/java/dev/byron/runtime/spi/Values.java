package dev.byron.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Conversions from the plain values of events and caches to the types of generated records. */
public final class Values {
	private Values() {
	}

	public static String string(Object value) {
		return value == null ? null : value.toString();
	}

	public static Integer integer(Object value) {
		return value instanceof Number number ? Integer.valueOf(number.intValue()) : null;
	}

	public static Double decimal(Object value) {
		return value instanceof Number number ? Double.valueOf(number.doubleValue()) : null;
	}

	public static Boolean bool(Object value) {
		return value instanceof Boolean b ? b : null;
	}

	public static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
		return value == null ? null : Enum.valueOf(type, JavaNames.identifier(value.toString()));
	}

	public static <T> List<T> list(Object value, Function<Object, T> element) {
		if (!(value instanceof List<?> list)) {
			return null;
		}
		List<T> result = new ArrayList<>();
		list.forEach(v -> result.add(element.apply(v)));
		return java.util.Collections.unmodifiableList(result);
	}

	/** The plain value of a record, enum or list, as events and caches hold it. */
	public static Object plain(Object value) {
		if (value instanceof GeneratedRecord record) {
			return record.toMap();
		}
		if (value instanceof Enum<?> e) {
			return JavaNames.modelName(e.name());
		}
		if (value instanceof List<?> list) {
			return list.stream().map(Values::plain).toList();
		}
		return value;
	}
}
