package dev.byron.runtime.cache;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

/** Cache documents as the plain maps hooks, resolvers and GraphQL see: {@code _id} becomes {@code id}. */
public final class Documents {
	private Documents() {
	}

	public static Map<String, Object> toMap(Document document) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", document.get("_id"));
		document.forEach((key, value) -> {
			if (!key.startsWith("_")) {
				map.put(key, value);
			}
		});
		return map;
	}
}
