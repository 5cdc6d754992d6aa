package dev.byron.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.ModelLoadException;
import dev.byron.dsl.api.Severity;
import dev.byron.generator.Generator;

/**
 * Validates the model and writes its artifacts, like {@code byron generate}. Diagnostics are logged as
 * {@code file:line:column: severity: message [code]}; a model with errors fails the build and writes nothing.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
	/** The project folder or .byron file of the model. */
	@Parameter(property = "byron.model", defaultValue = "${project.basedir}")
	File model;

	/** Where the artifacts go. */
	@Parameter(property = "byron.output", defaultValue = "${project.build.directory}/byron")
	File outputDirectory;

	/** Fail the build on warnings too. */
	@Parameter(property = "byron.strict", defaultValue = "false")
	boolean strict;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		LoadResult result;
		try {
			result = ByronLoader.create().load(model.toPath());
		} catch (ModelLoadException e) {
			throw new MojoExecutionException(e.getMessage(), e);
		}
		Path base = model.toPath().toAbsolutePath();
		for (ModelDiagnostic diagnostic : result.diagnostics()) {
			String line = diagnostic.format(base);
			if (diagnostic.severity() == Severity.ERROR) {
				getLog().error(line);
			} else {
				getLog().warn(line);
			}
		}
		boolean warnings = result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING);
		if (result.hasErrors() || strict && warnings) {
			throw new MojoFailureException("The Byron model in " + model + " is not valid ("
					+ result.errors().size() + " errors); nothing was generated.");
		}
		try {
			Generator.Report report = Generator.write(result.model(), outputDirectory.toPath());
			getLog().info("Byron: " + report.written().size() + " written, " + report.unchanged().size() + " unchanged in "
					+ outputDirectory);
		} catch (IOException e) {
			throw new MojoExecutionException("Cannot write to " + outputDirectory + ": " + e.getMessage(), e);
		}
	}
}
