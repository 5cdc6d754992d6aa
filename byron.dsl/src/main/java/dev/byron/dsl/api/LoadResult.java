package dev.byron.dsl.api;

import java.util.List;

import dev.byron.dsl.api.model.ByronModel;

/** A loaded model with every diagnostic of every file; the model is best effort when there are errors. */
public record LoadResult(ByronModel model, List<ModelDiagnostic> diagnostics, List<Source> sources) {

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
	}

	public List<ModelDiagnostic> errors() {
		return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
	}
}
