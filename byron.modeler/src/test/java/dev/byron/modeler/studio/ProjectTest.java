package dev.byron.modeler.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's documents never lose work: only what changed is written, and a change on disk is never overwritten. */
class ProjectTest {
	@TempDir
	Path dir;
	private Path schema;
	private Path config;
	private Project project;

	@BeforeEach
	void open() throws Exception {
		schema = dir.resolve("schema.byron").toAbsolutePath().normalize();
		config = dir.resolve("config.byron").toAbsolutePath().normalize();
		Files.writeString(schema, "system s\ncomponent a {\n  entity A {\n    x: String\n  }\n}\n");
		Files.writeString(config, "deployment {\n  replicas: 1\n}\n");
		project = Project.open(dir);
	}

	@Test
	void onlyTheModifiedFileIsWrittenAndThenItIsNoLongerModified() throws Exception {
		FileTime configTime = Files.getLastModifiedTime(config);
		project.setText(schema, project.text(schema).replace("x: String", "x: String\n    y: Int"));
		assertThat(project.modifiedFiles()).containsExactly(schema);
		Thread.sleep(20);

		Project.Saved saved = project.save();
		assertThat(saved.written()).containsExactly(schema);
		assertThat(Files.readString(schema)).contains("y: Int");
		assertThat(Files.getLastModifiedTime(config)).as("an unmodified file is not rewritten").isEqualTo(configTime);
		assertThat(project.modifiedFiles()).isEmpty();
	}

	@Test
	void aTextMadeOnAnEarlierTextIsMergedWithTheChangeMadeSinceWhenTheyTouchDifferentLinesAndRefusedWhenTheySame() {
		project.setText(config, "deployment {\n  replicas: 1\n  memory: \"1Gi\"\n}\n");
		String read = project.version(config);
		assertThat(project.setTextIf(config, read, "deployment {\n  replicas: 2\n  memory: \"1Gi\"\n}\n").outcome())
				.isEqualTo(Project.Update.Outcome.SET);
		String changed = project.version(config);
		assertThat(changed).isNotEqualTo(read);

		Project.Update merged = project.setTextIf(config, read, "deployment {\n  replicas: 1\n  memory: \"1Gi\"\n}\n// mine\n");
		assertThat(merged.outcome()).as("another line, made on the text before").isEqualTo(Project.Update.Outcome.MERGED);
		assertThat(project.text(config)).isEqualTo("deployment {\n  replicas: 2\n  memory: \"1Gi\"\n}\n// mine\n")
				.isEqualTo(merged.text());

		Project.Update refused = project.setTextIf(config, read, "deployment {\n  replicas: 3\n  memory: \"1Gi\"\n}\n");
		assertThat(refused.outcome()).as("the same line, changed since").isEqualTo(Project.Update.Outcome.CONFLICT);
		assertThat(project.text(config)).contains("replicas: 2").contains("// mine").isEqualTo(refused.text());
		assertThat(project.setTextIf(config, "unknown", "x").outcome()).as("a base never held").isEqualTo(Project.Update.Outcome.CONFLICT);

		project.setText(config, "deployment {\n  replicas: 2\n  memory: \"1Gi\"\n}\n");
		assertThat(project.version(config)).as("the same text, the same version").isEqualTo(changed);
		assertThat(project.version(dir.resolve("none.byron"))).isNull();
	}

	@Test
	void aNewFileIsWrittenOnSaveOnceItHasTextAndNotWhileItIsEmpty() throws Exception {
		Path billing = dir.resolve("billing.byron");
		project.add(billing);
		assertThat(project.isModified(billing)).as("an empty new file has nothing to save").isFalse();
		assertThat(project.save().written()).isEmpty();
		assertThat(billing).doesNotExist();
		project.setText(billing, "component billing {\n}\n");
		assertThat(project.modifiedFiles()).containsExactly(billing);
		assertThat(project.save().written()).containsExactly(billing);
		assertThat(billing).hasContent("component billing {\n}");
		assertThat(project.isModified(billing)).isFalse();
	}

	@Test
	void aNewFileWhoseTextWasDeletedAgainIsNotWrittenAndSaveLetsItGo() throws Exception {
		Path billing = dir.resolve("billing.byron");
		project.add(billing); // a component added from the picture, in a file of its own
		project.setText(billing, "component billing {\n}\n");
		project.setText(billing, "\n"); // and deleted from the picture
		assertThat(project.isModified(billing)).as("blank: nothing to save").isFalse();
		assertThat(project.save().written()).isEmpty();
		assertThat(billing).doesNotExist();
		assertThat(project.files()).doesNotContain(billing);
	}

	@Test
	void aNewFilesNameIsAModelFileInTheProjectThatDoesNotExistYetAndARefusalSaysWhatToType() throws Exception {
		assertThat(project.newFile("billing").file()).as(".byron added").isEqualTo(dir.resolve("billing.byron").toAbsolutePath().normalize());
		assertThat(project.newFile(" orders/billing.byron ").file()).as("in a folder")
				.isEqualTo(dir.resolve("orders/billing.byron").toAbsolutePath().normalize());
		assertThat(project.newFile("").problem()).isEqualTo("Name the file, e.g. billing.byron.");
		assertThat(project.newFile("billing.txt").problem()).isEqualTo("A model file's name ends in .byron: e.g. billing.byron.");
		assertThat(project.newFile("my billing").problem()).startsWith("'my billing': a file's name is letters, digits, '-', '_' and '.'");
		assertThat(project.newFile("../billing").problem()).startsWith("'../billing.byron' is not a model file of this project");
		assertThat(project.newFile(".byron-data/billing").problem()).as("a hidden folder is not read as the model")
				.startsWith("'.byron-data/billing.byron' is not a model file of this project");
		assertThat(project.newFile("out/billing").problem()).as("nor is build output").startsWith("'out/billing.byron' is not");
		assertThat(project.newFile("/tmp/billing").problem()).startsWith("'/tmp/billing': a file's name is");
		assertThat(project.newFile("schema").problem()).isEqualTo("schema.byron exists already: choose another name.");

		Path made = project.newFile("orders/billing").file();
		project.make(made);
		assertThat(project.save().written()).as("nothing to write yet").isEmpty();
		assertThat(project.files()).as("a file made by name stays while it is empty, over a save").contains(made);
		project.setText(made, "component billing {\n}\n");
		assertThat(project.save().written()).as("written in its new folder").containsExactly(made);
		assertThat(made).hasContent("component billing {\n}");
	}

	@Test
	void aFileMadeHereGivenTextAndEmptiedBeforeItWasEverSavedLeavesAtTheSaveAsADeletedOne() throws Exception {
		Path made = project.newFile("refunds").file();
		project.make(made);
		project.setText(made, "component refunds {\n}\n");
		project.setText(made, ""); // its text moved to another file by a rename, or deleted
		Project.Saved saved = project.save();
		assertThat(saved.deleted()).as("said, so that the lists let it go").containsExactly(made);
		assertThat(saved.written()).isEmpty();
		assertThat(project.files()).doesNotContain(made);
		assertThat(made).doesNotExist();
	}

	@Test
	void aFileMadeInThePageIsHandedBackAfterARestartAsItsOwnNothingOnDiskToMergeWith() throws Exception {
		Path made = dir.resolve("refunds/refunds.byron").toAbsolutePath().normalize();
		Project.Update update = project.handBack(made, "component refunds {\n}\n", ""); // a page knows a made file's disk as empty
		assertThat(update.outcome()).isEqualTo(Project.Update.Outcome.SET);
		assertThat(project.text(made)).isEqualTo("component refunds {\n}\n");
		assertThat(project.isModified(made)).isTrue();
		assertThat(project.reload().conflicts()).as("not taken for a file deleted on disk").isEmpty();
	}

	@Test
	void editsHandedBackAfterARestartAreSetMergedWithTheDisksChangeOrLeftAsAConflictToAsk() throws Exception {
		String disk = Files.readString(config); // the text the page's edits were made on, before the studio stopped
		String edited = disk + "// typed in the page\n";
		assertThat(project.handBack(config, edited, disk).outcome()).as("the disk unchanged").isEqualTo(Project.Update.Outcome.SET);
		assertThat(project.text(config)).isEqualTo(edited);

		Files.writeString(config, "// from another editor\n" + disk);
		project = Project.open(dir);
		Project.Update merged = project.handBack(config, edited, disk);
		assertThat(merged.outcome()).as("the disk changed other lines").isEqualTo(Project.Update.Outcome.MERGED);
		assertThat(project.text(config)).isEqualTo("// from another editor\n" + edited);
		assertThat(project.reload().isEmpty()).isTrue();

		Files.writeString(config, disk + "// the disk's own last line\n");
		project = Project.open(dir);
		assertThat(project.handBack(config, edited, disk).outcome()).as("the same place").isEqualTo(Project.Update.Outcome.CONFLICT);
		assertThat(project.text(config)).as("the page's text held, not saved").isEqualTo(edited);
		assertThat(project.reload().conflicts()).as("the next look at the disk asks").containsExactly(config);
		assertThat(project.save().changedOnDisk()).as("and a save does not overwrite the disk's change").containsExactly(config);
	}

	@Test
	void aModelFileEmptiedHereIsDeletedOnSaveAndAJavaFileEmptiedIsWrittenEmpty() throws Exception {
		Path billing = dir.resolve("billing.byron").toAbsolutePath().normalize();
		Files.writeString(billing, "component billing {\n}\n");
		Path hook = dir.resolve("hooks/BillingHooksImpl.java").toAbsolutePath().normalize();
		Files.createDirectories(hook.getParent());
		Files.writeString(hook, "class BillingHooksImpl {}\n");
		project = Project.open(dir);
		project.setText(billing, "\n"); // its last component deleted from the picture
		project.setText(hook, "");

		Project.Saved saved = project.save();
		assertThat(saved.deleted()).containsExactly(billing);
		assertThat(saved.written()).as("Java code is the user's to delete").containsExactly(hook);
		assertThat(billing).as("an empty model file declares nothing: gone").doesNotExist();
		assertThat(hook).exists().isEmptyFile();
		assertThat(project.files()).doesNotContain(billing).contains(hook);
		assertThat(project.reload().isEmpty()).as("nothing left for a look at the disk to find").isTrue();
	}

	@Test
	void aFileChangedOnDiskIsNotOverwrittenBySaveAndTheUserChooses() throws Exception {
		project.setText(config, "deployment {\n  replicas: 2\n}\n");
		Files.writeString(config, "deployment {\n  replicas: 5\n}\n"); // another editor, behind the studio's back

		Project.Saved saved = project.save();
		assertThat(saved.changedOnDisk()).containsExactly(config);
		assertThat(Files.readString(config)).as("nothing was overwritten").contains("replicas: 5");
		assertThat(project.reload().conflicts()).containsExactly(config);

		project.keepMine(config);
		assertThat(project.save().written()).containsExactly(config);
		assertThat(Files.readString(config)).contains("replicas: 2");
	}

	@Test
	void aFileChangedOnDiskOnOtherLinesThanTheEditsHereGetsBothChangesAndStaysModified() throws Exception {
		Files.writeString(config, "deployment {\n  replicas: 2\n}\n\n// notes\n");
		project = Project.open(dir);
		project.setText(config, "deployment {\n  replicas: 3\n}\n\n// notes\n");
		Files.writeString(config, "deployment {\n  replicas: 2\n}\n\n// notes, from the other editor\n");

		Project.Reloaded reloaded = project.reload();
		assertThat(reloaded.merged()).containsExactly(config);
		assertThat(reloaded.conflicts()).isEmpty();
		assertThat(project.text(config)).isEqualTo("deployment {\n  replicas: 3\n}\n\n// notes, from the other editor\n");
		assertThat(project.isModified(config)).as("the edit made here is not on disk yet").isTrue();
		assertThat(project.save().written()).as("the disk's change is part of what is saved, not overwritten").containsExactly(config);
		assertThat(Files.readString(config)).isEqualTo(project.text(config));
	}

	@Test
	void aCleanFileChangedOnDiskIsReadAgainAndADirtyOneCanTakeTheDisksText() throws Exception {
		Files.writeString(schema, "system s\ncomponent b {\n  entity B {\n    z: Int\n  }\n}\n");
		Project.Reloaded reloaded = project.reload();
		assertThat(reloaded.reloaded()).containsExactly(schema);
		assertThat(project.text(schema)).contains("component b");
		assertThat(project.isModified(schema)).isFalse();

		project.setText(config, "deployment {\n  replicas: 3\n}\n");
		Files.writeString(config, "deployment {\n  replicas: 7\n}\n");
		assertThat(project.reload().conflicts()).containsExactly(config);
		project.takeDisk(config);
		assertThat(project.text(config)).contains("replicas: 7");
		assertThat(project.modifiedFiles()).isEmpty();
	}

	@Test
	void theJavaOfHooksIsADocumentKeptApartFromTheModelAndANewFileOnDiskIsAddedOnReload() throws Exception {
		Path hooks = Files.createDirectories(dir.resolve("hooks"));
		Path first = Files.writeString(hooks.resolve("AHooksImpl.java"), "public class AHooksImpl {}\n").toAbsolutePath().normalize();
		project = Project.open(dir);
		assertThat(project.files()).endsWith(first);
		assertThat(project.texts()).containsOnlyKeys(schema, config);
		assertThat(project.javaTexts()).containsOnlyKeys(first);
		assertThat(project.sources()).extracting(dev.byron.dsl.api.Source::path).containsExactlyInAnyOrder(schema, config);

		Path second = Files.writeString(hooks.resolve("BHooksImpl.java"), "public class BHooksImpl {}\n").toAbsolutePath().normalize();
		Project.Reloaded reloaded = project.reload();
		assertThat(reloaded.added()).containsExactly(second);
		assertThat(reloaded.reloaded()).isEmpty();
		assertThat(project.isModified(second)).isFalse();
		assertThat(project.reload().isEmpty()).isTrue();
	}

	@Test
	void aFileDeletedOnDiskWithoutEditsHereLeavesTheProjectAndTheModel() throws Exception {
		Files.delete(config);
		Project.Reloaded reloaded = project.reload();
		assertThat(reloaded.deleted()).containsExactly(config);
		assertThat(project.files()).containsExactly(schema);
		assertThat(project.sources()).extracting(dev.byron.dsl.api.Source::path).containsExactly(schema);
		assertThat(project.reload().isEmpty()).isTrue();
	}

	@Test
	void aFileDeletedOnDiskButEditedHereIsAConflictKeepingMineWritesItAgainTakingTheDisksLetsItGo() throws Exception {
		project.setText(config, "deployment {\n  replicas: 2\n}\n");
		Files.delete(config);
		assertThat(project.reload().conflicts()).containsExactly(config);
		project.keepMine(config);
		assertThat(project.save().written()).containsExactly(config);
		assertThat(Files.readString(config)).contains("replicas: 2");

		project.setText(config, "deployment {\n  replicas: 3\n}\n");
		Files.delete(config);
		assertThat(project.reload().conflicts()).containsExactly(config);
		project.takeDisk(config);
		assertThat(project.files()).containsExactly(schema);
		assertThat(project.reload().isEmpty()).isTrue();
	}

	@Test
	void aNewFileMadeHereAndNotYetSavedIsNotTakenForOneDeletedOnDisk() throws Exception {
		Path added = dir.resolve("billing.byron").toAbsolutePath().normalize();
		project.add(added);
		project.setText(added, "component billing {\n}\n");
		assertThat(project.reload().isEmpty()).isTrue();
		assertThat(project.files()).contains(added);
	}
}
