package dev.byron.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.byron.runtime.descriptor.ComponentDescriptor;

/**
 * {@code java/byron/<system>/<component>/}: a record per entity and event, the enums, the component's typed
 * store ({@code <Component>Store}), and the interface of the component's hooks and resolvers (the generation gap: the user's code implements it, the generator
 * never touches the user's code).
 */
public final class JavaGenerator implements ArtifactGenerator {
	@Override
	public List<Artifact> generate(GenerationInput input) {
		JavaModel model = new JavaModel(input.descriptors());
		List<Artifact> artifacts = new ArrayList<>();
		for (ComponentDescriptor component : input.descriptors()) {
			String folder = "java/" + JavaModel.packageOf(component).replace('.', '/') + "/";
			for (JavaModel.JavaRecord record : model.records(component)) {
				artifacts.add(new Artifact(folder + record.name() + ".java", Templates.render("record.java.ftl", Map.of("record", record))));
			}
			for (JavaModel.JavaEnum enumType : model.enums(component)) {
				artifacts.add(new Artifact(folder + enumType.name() + ".java", Templates.render("enum.java.ftl", Map.of("enum", enumType))));
			}
			model.hooks(component).ifPresent(hooks -> artifacts.add(new Artifact(folder + hooks.name() + ".java",
					Templates.render("hooks.java.ftl", Map.of("hooks", hooks)))));
			JavaModel.JavaStore store = model.store(component);
			artifacts.add(new Artifact(folder + store.name() + ".java", Templates.render("store.java.ftl", Map.of("store", store))));
		}
		return artifacts;
	}
}
