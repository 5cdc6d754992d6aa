package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.generator.GenerationInput;

class HookBuildTest {
	@TempDir
	Path dir;

	@Test
	void unchangedHooksAreNotCompiledAgainAndAChangedOneIs() throws Exception {
		Path project = dir.resolve("microblog");
		try (Stream<Path> walk = Files.walk(Path.of("../examples/microblog"))) {
			for (Path source : walk.filter(p -> !p.toString().contains("/.byron")).toList()) {
				Path target = project.resolve(Path.of("../examples/microblog").relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else {
					Files.copy(source, target);
				}
			}
		}
		GenerationInput input = GenerationInput.of(ByronLoader.create().load(project).model());
		Path work = project.resolve(".byron-data");

		HookBuild.Result first = HookBuild.compile(project, input, work);
		Path compiled = first.classes().resolve("AccountsHooksImpl.class");
		assertThat(compiled).exists();
		assertThat(first.providers()).isNotEmpty();
		FileTime written = Files.getLastModifiedTime(compiled);

		HookBuild.Result again = HookBuild.compile(project, input, work);
		assertThat(again.providers()).hasSameSizeAs(first.providers());
		assertThat(Files.getLastModifiedTime(compiled)).as("the classes of the last run stand").isEqualTo(written);

		Path hook = project.resolve("hooks/AccountsHooksImpl.java");
		Files.writeString(hook, Files.readString(hook) + "\n// changed\n");
		Thread.sleep(20);
		HookBuild.compile(project, input, work);
		assertThat(Files.getLastModifiedTime(compiled)).as("a changed source is compiled again").isNotEqualTo(written);

		Path orphan = project.resolve("hooks/PharmacyHooksImpl.java"); // a component deleted from the model, its class left
		Files.writeString(orphan, "import byron.microblog.pharmacy.PharmacyHooks;\npublic class PharmacyHooksImpl implements PharmacyHooks {}\n");
		HookBuild.Result without = HookBuild.compile(project, input, work);
		assertThat(without.left()).extracting(o -> o.component()).containsExactly("pharmacy");
		assertThat(without.providers()).as("the others compiled, as before").hasSameSizeAs(first.providers());
		FileTime withoutIt = Files.getLastModifiedTime(compiled);
		HookBuild.Result stillWithout = HookBuild.compile(project, input, work);
		assertThat(Files.getLastModifiedTime(compiled)).as("nothing changed: the classes stand").isEqualTo(withoutIt);
		assertThat(stillWithout.left()).as("and the class left out is still said").isEqualTo(without.left());
		Files.delete(orphan);

		Files.writeString(hook, Files.readString(hook) + "\nthis does not compile\n");
		assertThatThrownBy(() -> HookBuild.compile(project, input, work)).isInstanceOf(LocalRunException.class)
				.hasMessageContaining("does not compile");
	}
}
