package dev.byron.diagram;

/** Requests are synchronous calls; events flow through the broker (drawn dashed); links are structure. */
public enum EdgeKind {
	REQUEST, EVENTS, LINK
}
