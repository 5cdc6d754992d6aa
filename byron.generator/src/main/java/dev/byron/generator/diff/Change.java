package dev.byron.generator.diff;

/**
 * One difference between two versions of a model. {@code area} says who notices it: GraphQL clients
 * (API), subscribers of the events (EVENTS), or both; {@code breaking} whether an existing client or
 * subscriber can fail because of it.
 */
public record Change(Area area, boolean breaking, String path, String what) {
	public enum Area {
		API, EVENTS, BOTH
	}

	public boolean touchesEvents() {
		return area != Area.API;
	}

	@Override
	public String toString() {
		return String.format("%-8s  %-6s  %s: %s", breaking ? "BREAKING" : "safe", area.name().toLowerCase(), path, what);
	}
}
