package dev.byron.runtime.event;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Events as CloudEvents 1.0 in the structured JSON format; Byron's attributes are extensions. Context attributes
 * must be scalars and never null, so a list (the changed fields, the names an event stands for) is written as
 * one comma-separated string, and an attribute without a value is left out. Events written before, with JSON
 * arrays, are read as well.
 */
public final class EventCodec {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private EventCodec() {
	}

	public static byte[] encode(Event event) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("specversion", "1.0");
		json.put("id", event.id());
		json.put("source", event.source());
		json.put("type", event.type());
		json.put("subject", event.subject());
		json.put("time", event.time().toString());
		json.put("datacontenttype", "application/json");
		if (event.traceparent() != null) {
			json.put("traceparent", event.traceparent());
		}
		json.put("byroncomponent", event.component());
		putIfPresent(json, "byronentity", event.entity());
		putIfPresent(json, "byronentityid", event.entityId());
		json.put("byronoperation", event.operation().name());
		putIfPresent(json, "byronchanged", String.join(",", event.changed()));
		putIfPresent(json, "byronnames", String.join(",", event.names()));
		json.put("data", event.data());
		try {
			return JSON.writeValueAsBytes(json);
		} catch (IOException e) {
			throw new IllegalArgumentException("event data cannot be written as JSON: " + e.getMessage(), e);
		}
	}

	public static Event decode(byte[] bytes) {
		try {
			Map<String, Object> json = JSON.readValue(bytes, MAP);
			if (!"1.0".equals(json.get("specversion"))) {
				throw new IllegalArgumentException("not a CloudEvents 1.0 event (specversion " + json.get("specversion") + ")");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> data = (Map<String, Object>) json.get("data");
			return new Event(required(json, "id"), required(json, "source"), required(json, "type"),
					(String) json.get("subject"), Instant.parse(required(json, "time")), (String) json.get("traceparent"),
					required(json, "byroncomponent"), (String) json.get("byronentity"), (String) json.get("byronentityid"),
					Operation.valueOf(required(json, "byronoperation")), strings(json.get("byronchanged")),
					strings(json.get("byronnames")), data == null ? Map.of() : data);
		} catch (IOException | RuntimeException e) {
			throw new MalformedEventException("Undecodable event: " + e.getMessage(), e);
		}
	}

	private static void putIfPresent(Map<String, Object> json, String key, String value) {
		if (value != null && !value.isEmpty()) {
			json.put(key, value);
		}
	}

	private static String required(Map<String, Object> json, String key) {
		Object value = json.get(key);
		if (!(value instanceof String text) || text.isEmpty()) {
			throw new IllegalArgumentException("missing attribute '" + key + "'");
		}
		return text;
	}

	private static List<String> strings(Object value) {
		List<String> result = new ArrayList<>();
		if (value instanceof String text && !text.isEmpty()) {
			result.addAll(List.of(text.split(",")));
		} else if (value instanceof List<?> list) { // written before the attributes became scalars
			list.forEach(v -> result.add(String.valueOf(v)));
		}
		return result;
	}
}
