package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDataTest {
	private static final byte[] STORE = { 0, (byte) 0xFF, (byte) 0xFE, 0x13 };

	@TempDir
	Path project;

	private final List<String> log = new ArrayList<>();

	@Test
	void aProjectKeepsItsDataInAFolderNotNamedLikeAModel() throws Exception {
		Path data = RunData.prepare(project, log::add);

		assertThat(data).isEqualTo(project.resolve(".byron-data"));
		assertThat(data.getFileName().toString()).doesNotEndWith(".byron");
		assertThat(log).isEmpty();
	}

	@Test
	void dataOfAnOlderByronIsMovedOnFirstUseAndGitIgnoresItsNewPlace() throws Exception {
		Files.createDirectories(project.resolve(".byron/nats/jetstream"));
		Files.write(project.resolve(".byron/mongo.mv"), STORE);
		Files.writeString(project.resolve(".gitignore"), "credentials.byron\n.byron/\nout/");

		Path data = RunData.prepare(project, log::add);

		assertThat(project.resolve(".byron")).doesNotExist();
		assertThat(data.resolve("mongo.mv")).hasBinaryContent(STORE);
		assertThat(data.resolve("nats/jetstream")).isDirectory();
		assertThat(log).singleElement().asString().contains("moved the run data from .byron/ to .byron-data/");
		assertThat(project.resolve(".gitignore")).hasContent("credentials.byron\n.byron/\nout/\n.byron-data/\n");

		RunData.prepare(project, log::add);
		assertThat(log).as("nothing more to move").hasSize(1);
	}

	@Test
	void whenBothFoldersExistTheNewOneIsUsedAndTheOldOneIsLeftAlone() throws Exception {
		Files.createDirectories(project.resolve(".byron"));
		Files.write(project.resolve(".byron/mongo.mv"), STORE);
		Files.createDirectories(project.resolve(".byron-data"));

		Path data = RunData.prepare(project, log::add);

		assertThat(data).isEqualTo(project.resolve(".byron-data"));
		assertThat(project.resolve(".byron/mongo.mv")).hasBinaryContent(STORE);
		assertThat(log).singleElement().asString().contains(".byron-data/ is used instead").contains("can be deleted");
	}

	@Test
	void aModelFileNamedDotByronIsNotMistakenForOldData() throws Exception {
		Files.writeString(project.resolve(".byron"), "system s\n");

		RunData.prepare(project, log::add);

		assertThat(project.resolve(".byron")).hasContent("system s\n");
		assertThat(log).isEmpty();
	}

	@Test
	void aRunsDataIsReadableByItsOwnerOnly() throws Exception {
		Path data = RunData.create(project, log::add);
		assertThat(java.nio.file.Files.getPosixFilePermissions(data))
				.containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
	}
}
