package dev.byron.dsl.api.model;

import java.util.List;
import java.util.Optional;

/** A whole system as read from all files of a model: what the generator, the modeler and the CLI work on. */
public record ByronModel(String system, List<ComponentDef> components, ConfigBlock deployment,
		ConfigBlock credentials) {

	public Optional<ComponentDef> component(String componentName) {
		return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
	}
}
