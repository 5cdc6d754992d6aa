package dev.byron.runtime.descriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes descriptors as JSON; a descriptor of another format version is refused clearly. */
public final class Descriptors {
	private static final ObjectMapper JSON = new ObjectMapper()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.setSerializationInclusion(JsonInclude.Include.NON_NULL);

	private Descriptors() {
	}

	public static String toJson(ComponentDescriptor descriptor) {
		try {
			return JSON.writeValueAsString(descriptor) + "\n";
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static ComponentDescriptor fromJson(String json) {
		try {
			ComponentDescriptor descriptor = JSON.readValue(json, ComponentDescriptor.class);
			if (descriptor.version() != ComponentDescriptor.FORMAT_VERSION) {
				throw new IllegalArgumentException("Descriptor format " + descriptor.version() + " is not supported by this"
						+ " runtime (it reads format " + ComponentDescriptor.FORMAT_VERSION + "). Regenerate with a matching Byron.");
			}
			return descriptor;
		} catch (IOException e) {
			throw new IllegalArgumentException("Not a Byron component descriptor: " + e.getMessage(), e);
		}
	}

	public static ComponentDescriptor read(Path file) {
		try {
			return fromJson(Files.readString(file));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
