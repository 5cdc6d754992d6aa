package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.ModelLoadException;

/**
 * The model a command needs without errors: loaded, or, after printing why not, the exit code the command
 * returns ({@code USAGE} when nothing could be read, {@code MODEL_ERRORS} with the errors listed).
 */
record ValidModel(LoadResult result, int exit) {

	boolean loaded() {
		return result != null;
	}

	/** {@code notDone} says what the command did not do, e.g. "Nothing generated". */
	static ValidModel load(Path path, PrintWriter out, PrintWriter err, String notDone) {
		LoadResult result;
		try {
			result = ByronLoader.create().load(path);
		} catch (ModelLoadException e) {
			err.println("byron: " + e.getMessage());
			err.flush();
			return new ValidModel(null, Byron.USAGE);
		}
		if (result.hasErrors()) {
			Path base = Path.of("").toAbsolutePath();
			result.errors().forEach(d -> out.println(d.format(base)));
			out.println(notDone + ": the model has " + result.errors().size() + " error(s).");
			out.flush();
			return new ValidModel(null, Byron.MODEL_ERRORS);
		}
		return new ValidModel(result, Byron.OK);
	}
}
