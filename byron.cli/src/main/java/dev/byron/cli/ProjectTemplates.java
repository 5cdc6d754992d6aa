package dev.byron.cli;

/** The files {@code byron init} writes for a new project. */
final class ProjectTemplates {
	private ProjectTemplates() {
	}

	static String schema(String system) {
		return """
				// The model of %1$s. Every .byron file in this folder belongs to it.
				system %1$s

				component catalog {
				  entity Item {
				    name: String! @length(min: 1, max: 100)
				    price: Float! @range(min: 0)
				  }
				}
				""".formatted(system);
	}

	static String config(String system) {
		return """
				// How %1$s runs on Kubernetes. Secrets never go here: they live in credentials.byron.
				deployment {
				  namespace: "%1$s"
				  replicas: 1
				}
				""".formatted(system);
	}

	static String credentials() {
		return """
				// Secrets: registry, broker and database credentials. Git-ignored; deployed as a Kubernetes Secret.
				// Prefer env("VARIABLE") over literal values.
				credentials {
				}
				""";
	}

	static String gitignore() {
		return """
				# Secrets stay on your machine
				credentials.byron
				# Local run data (byron run) and deploy output (byron deploy)
				.byron-data/
				# Generated output
				out/
				""";
	}

	static String readme(String system) {
		return """
				# %1$s

				A [Byron](https://github.com/byron-dev/byron) project.

				| path | what it holds |
				|---|---|
				| `schema.byron` (and any other `.byron` file) | the model: components, entities, events, subscriptions |
				| `config.byron` | how the system is deployed: namespace, replicas, resources, ingress |
				| `credentials.byron` | secrets (registry, broker, databases); git-ignored, deployed as a Kubernetes Secret |
				| `hooks/` | your Java code: hooks that run before/after commands and on events (`before`, `after`, `on ... call`), and the resolvers behind custom `query` and `mutation` declarations |

				Check the model with `byron validate .`; keep it tidy with `byron format .`.
				""".formatted(system);
	}

	static String hooksReadme() {
		return """
				# hooks/

				Java code that the model names with `call`:

				- `before createUser call normalizeHandle` runs before the command is appended; it may change or refuse it.
				- `after deletePost call cleanUp` runs after the event is appended.
				- `on posts.PostCreated call fanOut` runs in this component's Sink for each event of another component.

				And the resolvers behind the model's custom operations, e.g. `query feed(owner: ID!): [Entry!]!`.

				For each component Byron generates an interface, `<Component>Hooks`, with one typed method per hook and
				resolver; implement it in one class here. `byron run` writes a first `<Component>HooksImpl.java` for a
				component that has none. Byron never overwrites a file here.
				""";
	}
}
