package dev.byron.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {
	@TempDir
	Path dir;

	static File example(String name) {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isDirectory(p.resolve("examples/" + name))) {
				return p.resolve("examples/" + name).toFile();
			}
		}
		throw new IllegalStateException("examples not found");
	}

	@Test
	void generatesTheArtifactsOfAValidModel() throws Exception {
		GenerateMojo mojo = new GenerateMojo();
		mojo.model = example("shop");
		mojo.outputDirectory = dir.resolve("byron").toFile();
		mojo.execute();
		assertThat(dir.resolve("byron/components/orders/descriptor.json")).exists();
		assertThat(dir.resolve("byron/components/orders/asyncapi.json")).exists();
		assertThat(dir.resolve("byron/README.md")).exists();
	}

	@Test
	void anInvalidModelFailsTheBuildAndWritesNothing() throws Exception {
		Files.writeString(dir.resolve("bad.byron"), "system s\ncomponent a { entity X { n: Nope } }\n");
		GenerateMojo mojo = new GenerateMojo();
		mojo.model = dir.toFile();
		mojo.outputDirectory = dir.resolve("out").toFile();
		assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("1 errors");
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void theDocsGoalWritesTheCatalogueAndAnInvalidModelWritesNone() throws Exception {
		DocsMojo docs = new DocsMojo();
		docs.model = example("shop");
		docs.outputDirectory = dir.resolve("site").toFile();
		docs.execute();
		assertThat(dir.resolve("site/index.html")).content().contains("components/orders.html");
		assertThat(dir.resolve("site/components/orders.html")).exists();

		Files.writeString(dir.resolve("bad.byron"), "system s\ncomponent a { entity X { n: Nope } }\n");
		DocsMojo bad = new DocsMojo();
		bad.model = dir.resolve("bad.byron").toFile();
		bad.outputDirectory = dir.resolve("none").toFile();
		assertThatThrownBy(bad::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("no catalogue was written");
		assertThat(dir.resolve("none")).doesNotExist();
	}
}
