package dev.byron.generator.diff;

/**
 * One difference between two versions of a model. {@code area} says who notices it: GraphQL clients
 * (API), subscribers of the events (EVENTS), or both; {@code severity} whether an existing client or
 * subscriber can fail because of it (BREAKING), may behave differently without failing (DANGEROUS: a new enum
 * value an exhaustive switch does not know, a guard removed), or neither (SAFE). The tiers are graphql-inspector's.
 */
public record Change(Area area, Severity severity, String path, String what) {
	public enum Area {
		API, EVENTS, BOTH
	}

	public enum Severity {
		SAFE, DANGEROUS, BREAKING
	}

	public boolean breaking() {
		return severity == Severity.BREAKING;
	}

	public boolean touchesEvents() {
		return area != Area.API;
	}

	@Override
	public String toString() {
		String label = severity == Severity.SAFE ? "safe" : severity.name();
		return String.format("%-9s  %-6s  %s: %s", label, area.name().toLowerCase(), path, what);
	}
}
