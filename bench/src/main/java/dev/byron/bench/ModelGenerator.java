package dev.byron.bench;

/**
 * Writes a valid model of a given size: components with entities, enums, events, replicas of the previous
 * component and reactions to its events, so that linking and every validation rule have work to do.
 */
public final class ModelGenerator {
	private ModelGenerator() {
	}

	/** A model of about {@code lines} lines. */
	public static String model(int lines) {
		StringBuilder out = new StringBuilder("system bench\n\n");
		int component = 0;
		while (count(out) < lines) {
			component(out, component++);
		}
		return out.toString();
	}

	/** A model of exactly {@code count} components. */
	public static String components(int count) {
		StringBuilder out = new StringBuilder("system bench\n\n");
		for (int i = 0; i < count; i++) {
			component(out, i);
		}
		return out.toString();
	}

	private static void component(StringBuilder out, int i) {
		String name = "c" + i;
		out.append("component ").append(name).append(" {\n");
		for (int e = 0; e < 3; e++) {
			String entity = "Thing" + i + "x" + e;
			out.append("  entity ").append(entity).append(" {\n")
					.append("    code: String! @unique @pattern(\"^[A-Z]{3}[0-9]+$\") @length(min: 4, max: 20)\n")
					.append("    title: String! @length(min: 1, max: 200)\n")
					.append("    amount: Float @range(min: 0, max: 1000000)\n")
					.append("    count: Int! @default(0) @range(min: 0)\n")
					.append("    state: State").append(i).append("! @default(OPEN)\n")
					.append("    createdAt: DateTime! @default(\"now\")\n");
			if (i > 0) {
				out.append("    parent: c").append(i - 1).append(".Thing").append(i - 1).append("x").append(e).append("\n");
			}
			out.append("  }\n\n");
		}
		out.append("  enum State").append(i).append(" {\n    OPEN\n    CLOSED\n    ARCHIVED\n  }\n\n");
		out.append("  event Thing").append(i).append("Archived {\n    thing: ID!\n    reason: String @length(max: 500)\n  }\n\n");
		if (i > 0) {
			for (int e = 0; e < 3; e++) {
				out.append("  replicate c").append(i - 1).append(".Thing").append(i - 1).append("x").append(e)
						.append(" { code, title, state }\n");
			}
			out.append("  on c").append(i - 1).append(".Thing").append(i - 1).append("x0Created call onCreated\n");
			out.append("  on c").append(i - 1).append(".Thing").append(i - 1).append("Archived call onArchived\n");
		}
		out.append("  query search").append(i).append("(text: String!, first: Int = 20): [Thing").append(i)
				.append("x0!]!\n");
		out.append("  before createThing").append(i).append("x0 call check\n");
		out.append("}\n\n");
	}

	private static int count(StringBuilder text) {
		int lines = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				lines++;
			}
		}
		return lines;
	}
}
