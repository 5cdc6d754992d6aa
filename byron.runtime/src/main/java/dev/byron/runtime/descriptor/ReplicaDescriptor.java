package dev.byron.runtime.descriptor;

import java.util.List;

/** A read model of another component's entity: which of its fields (with their types) this component keeps. */
public record ReplicaDescriptor(String component, String entity, List<FieldDescriptor> fields) {
	public ReplicaDescriptor {
		fields = List.copyOf(fields);
	}

	public List<String> fieldNames() {
		return fields.stream().map(FieldDescriptor::name).toList();
	}
}
