package dev.byron.bench.attack;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.byron.deployer.local.LocalOptions;
import dev.byron.deployer.local.LocalSystem;

/**
 * The attack suite: what an attacker tries against {@code byron run} (stalled sockets, expensive queries, cross-site
 * requests, calls past the gateway, forged tokens and callers, poisoned events, the broker without credentials,
 * hostile values), each with the answer it must get. {@code bench/run attack} prints the table and exits 1 on any
 * miss; {@code AttackSuiteTest} runs it on every build.
 */
public final class AttackSuite {
	/**
	 * One attempt: what was tried, the answer it must get, the answer it got. {@code answered} is the part that does
	 * not depend on time (every client answered, the right code); {@code passed} adds the time bound, if any.
	 */
	public record Case(String attack, String expected, String got, boolean passed, boolean answered) {
	}

	public record Report(List<Case> cases) {
		public boolean passed() {
			return cases.stream().allMatch(Case::passed);
		}

		public List<Case> misses() {
			return cases.stream().filter(c -> !c.passed()).toList();
		}

		/** Misses other than a time bound: a wrong answer or a client not answered at all. */
		public List<Case> wrongAnswers() {
			return cases.stream().filter(c -> !c.answered()).toList();
		}

		public String table() {
			StringBuilder out = new StringBuilder("Attack suite: byron run of a two-component model with tokens on\n\n");
			out.append("| attempt | expected | got | |\n|---|---|---|---|\n");
			for (Case c : cases) {
				out.append("| ").append(c.attack()).append(" | ").append(c.expected()).append(" | ").append(c.got()).append(" | ")
						.append(c.passed() ? "ok" : "MISS").append(" |\n");
			}
			out.append(String.format(Locale.ROOT, "%n%d of %d as expected: %s", cases.size() - misses().size(), cases.size(),
					passed() ? "PASSED" : "FAILED"));
			return out.toString();
		}
	}

	static final String ISSUER = "https://id.fortress.test/";
	static final String SECRET = "attack-suite-shared-secret-0123456789abcdef";

	private AttackSuite() {
	}

	public static void main(String[] args) throws Exception {
		int stalled = args.length > 0 ? Integer.parseInt(args[0]) : 64;
		Path dir = Files.createTempDirectory("byron-attack");
		Report report = run(dir, stalled);
		System.out.println(report.table());
		System.exit(report.passed() ? 0 : 1);
	}

	/** Writes the model under {@code dir}, runs it with {@code byron run}'s defaults and attacks it. */
	public static Report run(Path dir, int stalledSockets) throws Exception {
		Path project = dir.resolve("fortress");
		Files.createDirectories(project);
		Files.writeString(project.resolve("schema.byron"), """
				system fortress

				component accounts {
				  entity User @auth("member") {
				    handle: String! @unique
				    name: String
				    bio: String @auth(role: "admin")
				    status: Status
				  }

				  enum Status {
				    ACTIVE
				    SUSPENDED
				  }
				}

				component posts {
				  entity Post @owner(author) {
				    author: String
				    text: String!
				  }
				}
				""");
		Files.writeString(project.resolve("config.byron"), "deployment {\n  gateway {\n    auth {\n      issuer: \"" + ISSUER
				+ "\"\n    }\n  }\n}\n");
		Files.writeString(project.resolve("credentials.byron"), "credentials {\n  jwt {\n    secret: \"" + SECRET + "\"\n  }\n}\n");
		List<Case> cases = new ArrayList<>();
		try (LocalSystem run = LocalSystem.start(project, new LocalOptions(0, null, null), new PrintWriter(Writer.nullWriter()))) {
			Attacks attacks = new Attacks(run, cases);
			attacks.stalledSockets(stalledSockets);
			attacks.stalledBodies(250);
			attacks.expensiveQueries();
			attacks.crossSiteRequests();
			attacks.rebinding();
			attacks.tokens();
			attacks.callsPastTheGateway();
			attacks.poisonedEvents();
			attacks.theBroker();
			attacks.hostileValues();
			attacks.noClassNames();
		}
		return new Report(cases);
	}
}
