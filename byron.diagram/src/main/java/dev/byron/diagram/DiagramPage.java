package dev.byron.diagram;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.EventDef;

/**
 * A laid-out view as a page shows it: the picture, where each box's declaration is, where each box stands, and
 * what a drop of one component on another can subscribe to. The web studio answers it over HTTP and the
 * language server over LSP ({@code byron/diagram}), so the browser and the VS Code webview draw the same thing.
 *
 * @param nodes the boxes that come from a declaration, with its place in its file ({@code file} as the caller names
 *        files: a path relative to the project, or a URI)
 * @param kept whether the view holds positions the user chose (then it can be laid out again)
 * @param subscribed by component, the events it reacts to already ({@code publisher.Event}): a drop does not offer them
 * @param declared each component's declaration ({@code id} its name), whatever the view draws: the Component level
 *        opens on the one that holds the cursor
 */
public record DiagramPage(String system, List<String> components, Map<String, List<String>> events, String svg,
		List<Declaration> nodes, Map<String, LaidOutDiagram.Point> boxes, boolean kept, Map<String, List<String>> subscribed,
		List<Declaration> declared) {

	/** Where a box's declaration is. */
	public record Declaration(String id, String file, int offset, int length) {
	}

	/** The page of a laid-out view of {@code model}; {@code fileName} names each declaration's file for the page. */
	public static DiagramPage of(ByronModel model, LaidOutDiagram laidOut, boolean kept, Function<Path, String> fileName) {
		List<Declaration> nodes = laidOut.diagram().nodes().stream()
				.filter(node -> node.source() != null && node.source().file() != null)
				.map(node -> new Declaration(node.id(), fileName.apply(node.source().file().toAbsolutePath().normalize()),
						node.source().offset(), node.source().length()))
				.toList();
		Map<String, List<String>> events = new LinkedHashMap<>();
		model.components().forEach(c -> events.put(c.name(), c.events().stream().map(EventDef::name).toList()));
		Map<String, LaidOutDiagram.Point> boxes = new LinkedHashMap<>();
		laidOut.boxes().forEach((id, box) -> boxes.put(id, new LaidOutDiagram.Point(box.x(), box.y())));
		Map<String, List<String>> subscribed = new LinkedHashMap<>();
		model.components().forEach(c -> subscribed.put(c.name(), c.reactions().stream().map(r -> r.component() + "." + r.event()).toList()));
		List<Declaration> declared = model.components().stream().filter(c -> c.range() != null && c.range().file() != null)
				.map(c -> new Declaration(c.name(), fileName.apply(c.range().file().toAbsolutePath().normalize()), c.range().offset(),
						c.range().length()))
				.toList();
		return new DiagramPage(model.system(), model.components().stream().map(c -> c.name()).toList(), events,
				SvgWriter.write(laidOut), nodes, boxes, kept, subscribed, declared);
	}
}
