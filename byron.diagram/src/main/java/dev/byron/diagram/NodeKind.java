package dev.byron.diagram;

/** What a box in a C4 diagram stands for; it decides the shape and the colours. */
public enum NodeKind {
	PERSON, SYSTEM, GATEWAY, BROKER, COMPONENT, API, SINK, CACHE, STREAM, ENTITY, REPLICA, EVENTS, EXTERNAL;

	/** Drawn as a cylinder: something that stores. */
	public boolean isStore() {
		return this == BROKER || this == CACHE || this == STREAM;
	}
}
