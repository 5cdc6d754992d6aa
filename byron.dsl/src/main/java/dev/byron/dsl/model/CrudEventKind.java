package dev.byron.dsl.model;

/** The kinds of events Byron generates for an entity, depending on the component's event granularity. */
public enum CrudEventKind {
	CREATED("Created"), UPDATED("Updated"), DELETED("Deleted"), CHANGED("Changed"), FIELD_CHANGED("Changed");

	private final String suffix;

	CrudEventKind(String suffix) {
		this.suffix = suffix;
	}

	public String suffix() {
		return suffix;
	}
}
