package dev.byron.maven;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.byron.dsl.api.LoadResult;
import dev.byron.generator.docs.DocsSite;

/** Writes the system's catalogue, like {@code byron docs}, for a CI to publish; a model with errors writes nothing. */
@Mojo(name = "docs", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class DocsMojo extends ModelMojo {
	/** Where the site goes. */
	@Parameter(property = "byron.docs", defaultValue = "${project.build.directory}/byron-docs")
	File outputDirectory;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		LoadResult result = validModel("no catalogue was written");
		try {
			int written = DocsSite.write(result.model(), DocsSite.texts(model.toPath()), outputDirectory.toPath());
			getLog().info("Byron: the catalogue, " + written + " files, in " + outputDirectory + " (open index.html)");
		} catch (IOException | dev.byron.dsl.api.ModelLoadException e) {
			throw new MojoExecutionException("Cannot write the catalogue to " + outputDirectory + ": " + e.getMessage(), e);
		}
	}
}
