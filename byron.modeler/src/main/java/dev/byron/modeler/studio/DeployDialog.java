package dev.byron.modeler.studio;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Where to deploy: the kubeconfig and context, the namespace, and whether to build and push images. */
final class DeployDialog {
	private DeployDialog() {
	}

	static Optional<StudioCore.DeployTarget> ask(Window owner, String namespace, boolean registry) {
		String kubeconfig = System.getenv().getOrDefault("KUBECONFIG",
				Path.of(System.getProperty("user.home"), ".kube", "config").toString());
		TextField config = new TextField(kubeconfig);
		config.setId("deploy-kubeconfig");
		TextField context = new TextField();
		context.setId("deploy-context");
		context.setPromptText("the current context");
		TextField ns = new TextField(namespace);
		ns.setId("deploy-namespace");
		CheckBox images = new CheckBox("Build the images (Jib, no Docker needed)");
		images.setId("deploy-images");
		images.setSelected(true);
		CheckBox push = new CheckBox("Push them to the registry of config.byron");
		push.setId("deploy-push");
		push.setSelected(registry);
		push.setDisable(!registry);
		push.disableProperty().bind(images.selectedProperty().not().or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !registry)));
		CheckBox breaking = new CheckBox("Allow changes that break subscribers of the deployed events");
		breaking.setId("deploy-allow-breaking");
		GridPane grid = new GridPane();
		grid.setHgap(8);
		grid.setVgap(8);
		grid.addRow(0, new Label("Kubeconfig"), config);
		grid.addRow(1, new Label("Context"), context);
		grid.addRow(2, new Label("Namespace"), ns);
		grid.add(images, 1, 3);
		grid.add(push, 1, 4);
		grid.add(breaking, 1, 5);
		Dialog<StudioCore.DeployTarget> dialog = new Dialog<>();
		dialog.setTitle("Deploy to Kubernetes");
		dialog.setHeaderText("Deploy the saved model: bootstrap on first use, then roll out what changed.");
		dialog.getDialogPane().setContent(grid);
		dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
		dialog.initOwner(owner);
		dialog.setResultConverter(button -> button == ButtonType.OK
				? new StudioCore.DeployTarget(Path.of(config.getText().trim()), context.getText().isBlank() ? null : context.getText().trim(),
						ns.getText().isBlank() ? null : ns.getText().trim(), images.isSelected(),
						images.isSelected() && push.isSelected(), breaking.isSelected())
				: null);
		return dialog.showAndWait();
	}
}
