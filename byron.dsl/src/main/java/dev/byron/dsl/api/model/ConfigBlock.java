package dev.byron.dsl.api.model;

import java.util.List;
import java.util.Map;

/**
 * Settings of {@code deployment} or {@code credentials}: values by key, and nested sections (a section
 * may name the component it applies to). Values follow the conventions of {@link AnnotationDef}, plus {@link EnvRef}.
 */
public record ConfigBlock(Map<String, Object> values, List<Section> sections) {
	public static final ConfigBlock EMPTY = new ConfigBlock(Map.of(), List.of());

	public record Section(String name, String component, ConfigBlock block) {
	}
}
