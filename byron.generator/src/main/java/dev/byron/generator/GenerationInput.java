package dev.byron.generator;

import java.util.List;

import dev.byron.dsl.api.model.ByronModel;
import dev.byron.runtime.descriptor.ComponentDescriptor;

/** What every generator works from: the model and, computed once, its component descriptors. */
public record GenerationInput(ByronModel model, List<ComponentDescriptor> descriptors) {
	public static GenerationInput of(ByronModel model) {
		return new GenerationInput(model, new DescriptorMapper(model).descriptors());
	}
}
