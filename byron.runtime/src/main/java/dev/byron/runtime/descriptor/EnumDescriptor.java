package dev.byron.runtime.descriptor;

import java.util.List;

public record EnumDescriptor(String name, List<String> values) {
	public EnumDescriptor {
		values = List.copyOf(values);
	}
}
