package dev.byron.modeler.studio;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import dev.byron.dsl.api.model.ByronModel;
import dev.byron.dsl.api.model.ComponentDef;
import dev.byron.dsl.api.model.EventDef;
import dev.byron.dsl.api.model.SourceRange;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The model's outline: each component with what it declares (entities, enums, events, replicas, subscriptions,
 * hooks, queries and mutations), from the latest analysis. Clicking an entry shows its declaration; what was
 * expanded stays expanded as the model changes.
 */
final class Outline extends TreeView<Outline.Entry> {
	/** One line of the outline and where it is declared (null: nowhere to go). */
	record Entry(String label, SourceRange range) {
		@Override
		public String toString() {
			return label;
		}
	}

	private final Set<String> expanded = new HashSet<>();

	Outline(Consumer<SourceRange> reveal) {
		getStyleClass().add("outline");
		setShowRoot(false);
		setRoot(new TreeItem<>(new Entry("model", null)));
		getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
			if (item != null && item.getValue().range() != null && item.getValue().range().file() != null) {
				reveal.accept(item.getValue().range());
			}
		});
	}

	void show(ByronModel model) {
		getRoot().getChildren().forEach(item -> {
			if (item.isExpanded()) {
				expanded.add(item.getValue().label());
			} else {
				expanded.remove(item.getValue().label());
			}
		});
		getRoot().getChildren().clear();
		for (ComponentDef component : model.components()) {
			TreeItem<Entry> item = new TreeItem<>(new Entry("component " + component.name(), component.range()));
			component.entities().forEach(e -> add(item, "entity " + e.name(), e.range()));
			component.enums().forEach(e -> add(item, "enum " + e.name(), e.range()));
			component.events().stream().filter(e -> e.kind() == EventDef.Kind.DOMAIN).forEach(e -> add(item, "event " + e.name(), e.range()));
			component.replicas().forEach(r -> add(item, "replicate " + r.component() + "." + r.entity(), r.range()));
			component.reactions().forEach(r -> add(item, "on " + r.component() + "." + r.event() + " call " + r.hook(), r.range()));
			component.hooks().forEach(h -> add(item, h.timing().name().toLowerCase() + " " + h.command() + " call " + h.hook(), h.range()));
			component.operations().forEach(o -> add(item, o.kind().name().toLowerCase() + " " + o.name(), o.range()));
			item.setExpanded(expanded.contains(item.getValue().label()));
			getRoot().getChildren().add(item);
		}
	}

	private static void add(TreeItem<Entry> parent, String label, SourceRange range) {
		parent.getChildren().add(new TreeItem<>(new Entry(label, range)));
	}
}
