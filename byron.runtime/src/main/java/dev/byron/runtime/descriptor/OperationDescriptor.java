package dev.byron.runtime.descriptor;

import java.util.List;

/**
 * A custom query or mutation ({@code kind} QUERY or MUTATION) answered by the user's resolver of the same
 * name; parameters are scalars, enums or ids; {@code returns} may be an own entity; {@code role} ({@code @auth}) is
 * the role a caller needs.
 */
public record OperationDescriptor(String kind, String name, List<ParameterDescriptor> parameters, FieldType returns,
		String role) {
	public OperationDescriptor {
		parameters = parameters == null ? List.of() : List.copyOf(parameters);
	}

	public OperationDescriptor(String kind, String name, List<ParameterDescriptor> parameters, FieldType returns) {
		this(kind, name, parameters, returns, null);
	}

	public boolean isMutation() {
		return "MUTATION".equalsIgnoreCase(kind);
	}

	/** A parameter; {@code defaultValue} is null when there is none. */
	public record ParameterDescriptor(String name, FieldType type, Object defaultValue) {
	}
}
