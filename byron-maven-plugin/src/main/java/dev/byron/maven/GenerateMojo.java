package dev.byron.maven;

import java.io.File;
import java.io.IOException;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.byron.dsl.api.LoadResult;
import dev.byron.generator.Generator;

/** Validates the model and writes its artifacts, like {@code byron generate}; a model with errors writes nothing. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends ModelMojo {
	/** Where the artifacts go. */
	@Parameter(property = "byron.output", defaultValue = "${project.build.directory}/byron")
	File outputDirectory;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		LoadResult result = validModel("nothing was generated");
		try {
			Generator.Report report = Generator.write(result.model(), outputDirectory.toPath());
			getLog().info("Byron: " + report.written().size() + " written, " + report.unchanged().size() + " unchanged in "
					+ outputDirectory);
		} catch (IOException e) {
			throw new MojoExecutionException("Cannot write to " + outputDirectory + ": " + e.getMessage(), e);
		}
	}
}
