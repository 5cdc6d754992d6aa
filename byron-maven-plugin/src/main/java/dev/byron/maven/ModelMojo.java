package dev.byron.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.dsl.api.ModelLoadException;
import dev.byron.dsl.api.Severity;

/**
 * What the goals share: the model read and checked, its diagnostics logged as
 * {@code file:line:column: severity: message [code]}, and a model with errors failing the build.
 */
abstract class ModelMojo extends AbstractMojo {
	/** The project folder or .byron file of the model. */
	@Parameter(property = "byron.model", defaultValue = "${project.basedir}")
	File model;

	/** Fail the build on warnings too. */
	@Parameter(property = "byron.strict", defaultValue = "false")
	boolean strict;

	/** The model, checked; {@code nothingDone} says in the failure what the goal did not do. */
	LoadResult validModel(String nothingDone) throws MojoExecutionException, MojoFailureException {
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
			throw new MojoFailureException("The Byron model in " + model + " is not valid (" + result.errors().size() + " errors); "
					+ nothingDone + ".");
		}
		return result;
	}
}
