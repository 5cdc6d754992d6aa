package dev.byron.dsl.ide.quickfix;

import java.util.List;
import java.util.Optional;

import org.eclipse.lsp4j.Diagnostic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * The values a diagnostic carries for its fix. The server stores them as a String array; a diagnostic that
 * comes back from the client in a code-action request carries them as JSON.
 */
final class DiagnosticData {
	private DiagnosticData() {
	}

	static Optional<String> get(Diagnostic diagnostic, int index) {
		Object data = diagnostic.getData();
		Object value = null;
		if (data instanceof String[] array && index < array.length) {
			value = array[index];
		} else if (data instanceof JsonArray array && index < array.size()) {
			JsonElement element = array.get(index);
			value = element.isJsonPrimitive() ? element.getAsString() : null;
		} else if (data instanceof List<?> list && index < list.size()) {
			value = list.get(index);
		}
		return value instanceof String text && !text.isEmpty() ? Optional.of(text) : Optional.empty();
	}
}
