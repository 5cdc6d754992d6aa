package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.Descriptors;
import dev.byron.runtime.descriptor.FieldType;
import graphql.schema.idl.SchemaParser;

class GeneratorTest {
	@TempDir
	Path out;

	static Path example(String name) {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isDirectory(p.resolve("examples/" + name))) {
				return p.resolve("examples/" + name);
			}
		}
		throw new IllegalStateException("examples not found");
	}

	static LoadResult load(String name) throws Exception {
		LoadResult result = ByronLoader.create().load(example(name));
		assertThat(result.hasErrors()).isFalse();
		return result;
	}

	@Test
	void microblogDescriptorsCarryTheModel() throws Exception {
		List<ComponentDescriptor> descriptors = GenerationInput.of(load("microblog").model()).descriptors();
		ComponentDescriptor accounts = descriptors.stream().filter(d -> d.name().equals("accounts")).findFirst().orElseThrow();
		var handle = accounts.entity("User").orElseThrow().field("handle").orElseThrow();
		assertThat(handle.rules().unique()).isTrue();
		assertThat(handle.rules().pattern()).isEqualTo("^[a-z0-9_]{3,15}$");
		assertThat(accounts.entity("User").orElseThrow().field("status").orElseThrow().rules().defaultValue()).isEqualTo("ACTIVE");
		assertThat(accounts.hooks()).extracting(h -> h.timing() + " " + h.command() + " " + h.hook())
				.containsExactly("BEFORE createUser normalizeHandle");
		assertThat(accounts.operations()).extracting(o -> o.kind() + " " + o.name()).containsExactly("MUTATION suspendUser");
		ComponentDescriptor posts = descriptors.stream().filter(d -> d.name().equals("posts")).findFirst().orElseThrow();
		assertThat(posts.entity("Post").orElseThrow().field("author").orElseThrow().type())
				.isEqualTo(FieldType.reference("accounts", "User", true));
		assertThat(posts.replicas().get(0).fieldNames()).containsExactly("handle", "name");
		assertThat(posts.reactions()).extracting(r -> r.component() + "." + r.event() + " " + r.hook())
				.containsExactly("likes.LikeCreated countLike", "likes.LikeDeleted uncountLike");
		ComponentDescriptor timeline = descriptors.stream().filter(d -> d.name().equals("timeline")).findFirst().orElseThrow();
		assertThat(timeline.granularity()).isEqualTo("per-entity");
		assertThat(timeline.operations().get(0).parameters()).extracting(p -> p.name() + "=" + p.defaultValue())
				.containsExactly("owner=null", "first=20", "after=null");
	}

	@Test
	void everyGeneratedSchemaParsesAndEveryDescriptorReadsBack() throws Exception {
		for (String example : List.of("microblog", "shop")) {
			for (Artifact artifact : Generator.artifacts(load(example).model())) {
				if (artifact.path().endsWith(".graphql")) {
					assertThat(new SchemaParser().parse(artifact.content()).getType("Query")).as(artifact.path()).isPresent();
				} else if (artifact.path().endsWith("descriptor.json")) {
					assertThat(Descriptors.fromJson(artifact.content()).system()).isEqualTo(example);
				}
			}
		}
	}

	@Test
	void generationIsDeterministicAndRewritesOnlyWhatChanged() throws Exception {
		var model = load("shop").model();
		Generator.Report first = Generator.write(model, out);
		assertThat(first.written()).isNotEmpty();
		assertThat(first.unchanged()).isEmpty();
		assertThat(out.resolve("components/orders/descriptor.json")).exists();
		assertThat(out.resolve("components/orders/schema.graphql")).content().contains("createOrder(input: OrderInput!): Order\n");
		assertThat(out.resolve("README.md")).content().contains("| `orders` |").contains("`payments` runs `refundOrder` on `orders.OrderCancelled`");
		Generator.Report again = Generator.write(load("shop").model(), out);
		assertThat(again.written()).isEmpty();
		assertThat(again.unchanged()).hasSameSizeAs(first.written());
	}

	@Test
	void theGeneratedJavaOfEveryExampleCompilesAgainstTheRuntime() throws Exception {
		for (String example : List.of("microblog", "shop", "conference")) {
			compileGeneratedJava(load(example).model(), out.resolve(example));
		}
		assertThat(out.resolve("shop/java/byron/shop/orders/OrdersHooks.java")).content()
				.contains("byron.shop.orders.Order placeOrder(String order, ResolverContext context)")
				.contains("void markPaid(byron.shop.payments.PaymentCaptured event, EventHookContext context)");
	}

	/** Writes the model's generated Java below {@code root} and compiles it into {@code root/classes}; fails with javac's errors. */
	static void compileGeneratedJava(dev.byron.dsl.api.model.ByronModel model, Path root) throws java.io.IOException {
		List<String> arguments = new java.util.ArrayList<>(List.of("-d", root.resolve("classes").toString(), "-classpath",
				System.getProperty("java.class.path"), "--release", "17"));
		for (Artifact artifact : Generator.artifacts(model)) {
			if (artifact.path().endsWith(".java")) {
				Path file = root.resolve(artifact.path());
				Files.createDirectories(file.getParent());
				Files.writeString(file, artifact.content());
				arguments.add(file.toString());
			}
		}
		java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
		int result = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));
		assertThat(result).as(errors.toString()).isZero();
	}

	@Test
	void uniqueKeysOfSeveralFieldsAndWithoutCaseReachTheDescriptor() {
		var loaded = ByronLoader.create().loadSources(List.of(new dev.byron.dsl.api.Source(Path.of("m.byron"), """
				system s
				component program {
				  entity Registration @unique(attendee, talk) {
				    attendee: String!
				    talk: ID!
				    email: String @unique(ignoreCase: true)
				    badge: Int @unique
				  }
				}
				""")));
		assertThat(loaded.errors()).isEmpty();
		var registration = GenerationInput.of(loaded.model()).descriptors().get(0).entity("Registration").orElseThrow();
		assertThat(registration.uniqueKeys()).containsExactly(dev.byron.runtime.descriptor.UniqueKey.of("badge"),
				new dev.byron.runtime.descriptor.UniqueKey(List.of("email"), true),
				new dev.byron.runtime.descriptor.UniqueKey(List.of("attendee", "talk"), false));
		assertThat(registration.field("email").orElseThrow().rules().unique()).isTrue();
	}

	@Test
	void aHooksKeyReachesTheDescriptor() throws Exception {
		var conference = GenerationInput.of(load("conference").model()).descriptors().stream()
				.filter(d -> d.name().equals("program")).findFirst().orElseThrow();
		assertThat(conference.hooks()).containsExactly(
				new dev.byron.runtime.descriptor.HookDescriptor("BEFORE", "createRegistration", "checkCapacity", "talk"));
	}

	@Test
	void theGatewaysRequestLimitsComeFromConfigByron() {
		var model = dev.byron.dsl.api.ByronLoader.create().loadSources(java.util.List.of(
				new dev.byron.dsl.api.Source(Path.of("m.byron"), "system s\ncomponent a {\n  entity A {\n    x: String\n  }\n}\n"),
				new dev.byron.dsl.api.Source(Path.of("config.byron"), "deployment {\n  gateway {\n    maxDepth: 6\n    maxFields: 200\n  }\n}\n")));
		org.assertj.core.api.Assertions.assertThat(model.errors()).isEmpty();
		String json = Generator.artifacts(model.model()).stream().filter(a -> a.path().equals("gateway.json")).findFirst()
				.orElseThrow().content();
		org.assertj.core.api.Assertions.assertThat(dev.byron.runtime.gateway.GatewayConfig.read(write(json)).limits())
				.isEqualTo(new dev.byron.runtime.gateway.QueryLimits(100_000, 6, 200));
	}

	@Test
	void authRolesReachTheDescriptorsAndTheGatewaysAuthComesFromConfigByron() {
		var model = dev.byron.dsl.api.ByronLoader.create().loadSources(java.util.List.of(
				new dev.byron.dsl.api.Source(Path.of("m.byron"), "system s\ncomponent a {\n  entity Account @auth(\"member\") {\n"
						+ "    owner: String\n    salary: Int @auth(role: \"hr\")\n  }\n"
						+ "  mutation close(id: ID!): Account @auth(role: \"admin\")\n}\n"),
				new dev.byron.dsl.api.Source(Path.of("config.byron"), "deployment {\n  gateway {\n    auth {\n"
						+ "      issuer: \"https://id.example.com/\"\n      audience: \"s\"\n      rolesClaim: \"groups\"\n    }\n  }\n}\n")));
		org.assertj.core.api.Assertions.assertThat(model.errors()).isEmpty();
		var descriptor = new DescriptorMapper(model.model()).component(model.model().components().get(0));
		var account = descriptor.entities().get(0);
		org.assertj.core.api.Assertions.assertThat(account.role()).isEqualTo("member");
		org.assertj.core.api.Assertions.assertThat(account.field("salary").orElseThrow().role()).isEqualTo("hr");
		org.assertj.core.api.Assertions.assertThat(account.field("owner").orElseThrow().role()).isNull();
		org.assertj.core.api.Assertions.assertThat(descriptor.operations().get(0).role()).isEqualTo("admin");

		String json = Generator.artifacts(model.model()).stream().filter(a -> a.path().equals("gateway.json")).findFirst()
				.orElseThrow().content();
		org.assertj.core.api.Assertions.assertThat(dev.byron.runtime.gateway.GatewayConfig.read(write(json)).auth())
				.isEqualTo(new dev.byron.runtime.gateway.auth.AuthSettings("https://id.example.com/", "s", null, "groups"));
	}

	private Path write(String json) {
		try {
			return java.nio.file.Files.writeString(out.resolve("gateway.json"), json);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
