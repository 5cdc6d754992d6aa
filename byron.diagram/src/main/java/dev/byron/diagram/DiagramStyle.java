package dev.byron.diagram;

/** C4's customary colours: people dark blue, the system and its containers blue, externals grey. */
public final class DiagramStyle {
	public record Colors(String fill, String stroke, String text) {
	}

	public static final String EDGE = "#5f6b7a";
	/** The arrows a pointer on their box lights (the pages' script draws them in the same colour). */
	public static final String LIT = "#1168bd";
	public static final String BACKGROUND = "#ffffff";
	public static final String TITLE = "#1b2430";

	private DiagramStyle() {
	}

	public static Colors of(NodeKind kind) {
		return switch (kind) {
		case PERSON -> new Colors("#08427b", "#052e56", "#ffffff");
		case SYSTEM -> new Colors("#1168bd", "#0b4884", "#ffffff");
		case GATEWAY, COMPONENT -> new Colors("#438dd5", "#2e6295", "#ffffff");
		case BROKER, STREAM, CACHE -> new Colors("#2f6f9f", "#1f4d70", "#ffffff");
		case API, SINK -> new Colors("#85bbf0", "#5d82a8", "#0b2540");
		case ENTITY -> new Colors("#ffffff", "#438dd5", "#0b2540");
		case REPLICA -> new Colors("#f4f8fc", "#85bbf0", "#0b2540");
		case EVENTS -> new Colors("#fff8e6", "#d9a441", "#3d2c05");
		case EXTERNAL -> new Colors("#8c8c8c", "#6b6b6b", "#ffffff");
		};
	}
}
