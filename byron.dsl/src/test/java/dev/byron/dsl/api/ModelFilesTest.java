package dev.byron.dsl.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
	private static final byte[] BINARY = { 0, (byte) 0xFF, (byte) 0xFE, 0x13 };

	@TempDir
	Path project;

	@Test
	void aProjectsModelIsItsRegularByronFilesOutsideHiddenFoldersAndBuildOutput() throws Exception {
		write("schema.byron");
		write("components/orders.byron");
		write("notes.md");
		for (String skipped : List.of(".byron-data/nats", ".byron/backup", ".git", "target", "out", "build", "node_modules/x")) {
			write(skipped + "/copy.byron");
		}
		Files.createDirectories(project.resolve("snapshots.byron"));
		Files.write(project.resolve("snapshots.byron/mongo.mv"), BINARY);

		assertThat(ModelFiles.below(project)).containsExactly(
				project.resolve("components/orders.byron"), project.resolve("schema.byron"));
		assertThat(ByronLoader.files(project)).isEqualTo(ModelFiles.below(project));
	}

	@Test
	void aFolderNamedLikeAModelIsNoModelFile() throws Exception {
		Files.createDirectories(project.resolve(".byron"));
		Files.write(project.resolve(".byron/mongo.mv"), BINARY);

		assertThat(ModelFiles.isModelFile(project.resolve(".byron"))).isFalse();
		assertThatThrownBy(() -> ByronLoader.files(project)).isInstanceOf(ModelLoadException.class)
				.hasMessageContaining("No .byron files in");
	}

	@Test
	void aLinkToAModelFileCountsAndTheFolderItselfIsEnteredEvenWhenHidden() throws Exception {
		Path hiddenProject = project.resolve(".work");
		Path shared = project.resolve("shared.byron");
		Files.writeString(shared, "system s\n");
		Files.createDirectories(hiddenProject);
		Files.createSymbolicLink(hiddenProject.resolve("shared.byron"), shared);

		assertThat(ModelFiles.below(hiddenProject)).containsExactly(hiddenProject.resolve("shared.byron"));
	}

	@Test
	void foldersThatHoldNoModelAreHiddenOnesAndBuildOutput() {
		assertThat(List.of(".byron-data", ".byron", ".git", ".vscode", "target", "out", "build", "node_modules"))
				.allMatch(ModelFiles::skipsFolder);
		assertThat(List.of("hooks", "components", "byron", "data")).noneMatch(ModelFiles::skipsFolder);
	}

	private void write(String relative) throws Exception {
		Path file = project.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "system s\n");
	}
}
