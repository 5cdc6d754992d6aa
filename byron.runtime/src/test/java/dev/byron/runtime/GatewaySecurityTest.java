package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.descriptor.Ownership;
import dev.byron.runtime.gateway.Gateway;
import dev.byron.runtime.gateway.GatewaySettings;
import dev.byron.runtime.gateway.QueryLimits;
import dev.byron.runtime.gateway.Route;
import dev.byron.runtime.gateway.auth.AuthSettings;
import dev.byron.runtime.spi.Hooks;

/**
 * Security at the edge, over real HTTP against real components: bearer tokens (shared secret and JWKS), the
 * caller reaching the components' hooks, and {@code @auth} roles on entities and fields.
 */
class GatewaySecurityTest {
	private static final String ISSUER = "https://id.microblog.test/";
	private static final String AUDIENCE = "microblog";
	private static final String SECRET = "a-shared-secret-for-local-use-only-0123456789abcdef";
	private static final String CALLER_KEY = GatewaySignature.newKey();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final List<Caller> hookCallers = new CopyOnWriteArrayList<>();
	private static Broker broker;
	private static ByronComponent accounts;
	private static ByronComponent posts;
	private static ByronComponent notes;
	private static Gateway gateway;

	/** accounts' User.bio needs the role admin; every query and mutation of posts' Post needs the role member. */
	@BeforeAll
	static void start() throws Exception {
		String system = TestInfra.newSystem();
		ComponentDescriptor plainAccounts = TestDescriptors.accounts(system, new HookDescriptor("BEFORE", "createUser", "stamp"));
		EntityDescriptor user = plainAccounts.entities().get(0);
		EntityDescriptor guardedUser = new EntityDescriptor(user.name(), user.plural(), user.fields().stream()
				.map(f -> f.name().equals("bio") ? new FieldDescriptor(f.name(), f.type(), f.rules(), "admin") : f).toList());
		ComponentDescriptor accountsDescriptor = new ComponentDescriptor(1, system, "accounts", plainAccounts.granularity(),
				List.of(guardedUser), List.of(), List.of(), List.of(), List.of(), plainAccounts.hooks());
		ComponentDescriptor plainPosts = TestDescriptors.posts(system);
		EntityDescriptor post = plainPosts.entities().get(0);
		ComponentDescriptor postsDescriptor = new ComponentDescriptor(1, system, "posts", plainPosts.granularity(),
				List.of(new EntityDescriptor(post.name(), post.plural(), post.fields(), "member")), List.of(), List.of(),
				plainPosts.replicas(), List.of(), List.of());

		broker = TestInfra.broker(system);
		accounts = ByronComponent.from(accountsDescriptor).broker(broker).mongo(TestInfra.mongo())
				.hooks(Hooks.builder().command("stamp", ctx -> hookCallers.add(ctx.caller())).build()).callerKey(CALLER_KEY).start();
		posts = ByronComponent.from(postsDescriptor).broker(broker).mongo(TestInfra.mongo()).callerKey(CALLER_KEY).start();
		EntityDescriptor note = new EntityDescriptor("Note", "Notes", List.of(
				new FieldDescriptor("owner", FieldType.scalar("String", true), FieldRules.NONE), // owner: String! @owner(owner)
				new FieldDescriptor("text", FieldType.scalar("String", true), FieldRules.NONE)), null,
				new Ownership("owner", "moderator"));
		notes = ByronComponent.from(new ComponentDescriptor(1, system, "notes", "per-operation", List.of(note), List.of(),
				List.of(), List.of(), List.of(), List.of())).broker(broker).mongo(TestInfra.mongo()).callerKey(CALLER_KEY).start();
		gateway = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl()),
				new Route(posts.descriptor(), posts.graphqlUrl()), new Route(notes.descriptor(), notes.graphqlUrl())),
				"127.0.0.1", 0, Map.of(),
				new GatewaySettings(QueryLimits.DEFAULT, new AuthSettings(ISSUER, AUDIENCE, null, "roles"), SECRET).withCallerKey(CALLER_KEY));
	}

	@AfterAll
	static void stop() throws Exception {
		gateway.close();
		notes.close();
		posts.close();
		accounts.close();
		broker.close();
	}

	@Test
	void withoutAValidTokenEveryRequestIsUnauthenticated() throws Exception {
		Answer none = post(null, "{ users { nodes { handle } } }", Map.of());
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(none.message()).contains("Authorization: Bearer").contains(ISSUER);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

		Answer expired = post(hs256(claims("ada", List.of()).expirationTime(Date.from(Instant.now().minusSeconds(600))), SECRET),
				"{ users { nodes { handle } } }", Map.of());
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.message()).contains("expired");

		Answer forged = post(hs256(claims("ada", List.of("admin")), "another-secret-that-is-long-enough-0123456789"),
				"{ users { nodes { handle } } }", Map.of());
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.message()).contains("signature does not verify");

		Answer otherIssuer = post(hs256(claims("ada", List.of()).issuer("https://elsewhere.test/"), SECRET),
				"{ users { nodes { handle } } }", Map.of());
		assertThat(otherIssuer.status()).isEqualTo(401);
		assertThat(otherIssuer.message()).contains("issued by someone else");

		Answer otherAudience = post(hs256(claims("ada", List.of()).audience("shop"), SECRET), "{ users { nodes { handle } } }", Map.of());
		assertThat(otherAudience.message()).contains("not meant for this system");

		Answer hs384 = post(sign(claims("ada", List.of()), JWSAlgorithm.HS384, null, new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8))),
				"{ users { nodes { handle } } }", Map.of());
		assertThat(hs384.status()).as("the secret is long enough for HS384: " + hs384.body()).isEqualTo(200);
		Answer hs512 = post(sign(claims("ada", List.of()), JWSAlgorithm.HS512, null,
				new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8))), "{ users { nodes { handle } } }", Map.of());
		assertThat(hs512.status()).isEqualTo(401);
		assertThat(hs512.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(hs512.message()).contains("signed with HS512").contains("accepts HS256, HS384");
		for (String nobody : List.of("", "   ")) {
			Answer noSubject = post(hs256(claims(nobody, List.of("admin")), SECRET), "{ users { nodes { handle } } }", Map.of());
			assertThat(noSubject.status()).as("sub '%s'", nobody).isEqualTo(401);
			assertThat(noSubject.message()).contains("subject (sub) must be a non-empty string");
		}
		HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(gateway.url() + "?query=%7B%20users%20%7B%20nodes%20%7B%20id%20%7D%20%7D%20%7D"))
				.header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).as("a browser following a link with a query gets GraphiQL, which asks for the token").isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		HttpResponse<String> json = CLIENT.send(HttpRequest.newBuilder(URI.create(gateway.url() + "?query=%7B%20users%20%7B%20nodes%20%7B%20id%20%7D%20%7D%20%7D"))
				.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(json.statusCode()).as("the same GET from a JSON client runs the query, so it needs the token").isEqualTo(401);
		Answer numeric = post(hs256(claims("ada", List.of()).claim("sub", 123), SECRET), "{ users { nodes { handle } } }", Map.of());
		assertThat(numeric.status()).as("a number is not a subject (RFC 7519: a string)").isEqualTo(401);

		Answer notAJwt = post("not-a-token", "{ users { nodes { handle } } }", Map.of());
		assertThat(notAJwt.status()).isEqualTo(401);
		assertThat(notAJwt.message()).contains("not a JWT");

		assertThat(Http.get(gateway.url()).statusCode()).as("GraphiQL's page stays open").isEqualTo(200);
		assertThat(Http.get(gateway.url().replace("/graphql", "/health/ready")).statusCode()).isEqualTo(200);
	}

	@Test
	void theVerifiedCallerReachesTheComponentsHooksAndAForgedHeaderIsIgnored() throws Exception {
		String token = hs256(claims("user-ada", List.of("member")).claim("tenant", "t1"), SECRET);
		Answer created = post(token, "mutation { createUser(input: {handle: \"ada_sec\", name: \"Ada\"}) { id handle } }", Map.of());
		assertThat(created.errors()).isEmpty();
		Caller seen = hookCallers.stream().filter(c -> "user-ada".equals(c.subject())).findFirst().orElseThrow();
		assertThat(seen.roles()).containsExactly("member");
		assertThat(seen.claims()).containsEntry("tenant", "t1").containsEntry("iss", ISSUER);

		String forgedCaller = new Caller("root", java.util.Set.of("admin"), Map.of()).toHeader();
		Answer withForgery = post(token, "{ users { nodes { handle bio } } }", Map.of(), Map.of(Caller.HEADER, forgedCaller));
		assertThat(withForgery.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void fieldAndEntityRolesAreForbiddenToCallersWithoutThem() throws Exception {
		String member = hs256(claims("user-bob", List.of("member")), SECRET);
		String admin = hs256(claims("user-root", List.of("admin", "member")), SECRET);
		String nobody = hs256(claims("user-eve", List.of()), SECRET);

		Answer readBio = post(member, "{ users { nodes { handle bio } } }", Map.of());
		assertThat(readBio.code()).isEqualTo("FORBIDDEN");
		assertThat(readBio.message()).isEqualTo("Reading User.bio needs the role 'admin'.");
		assertThat(readBio.extensions()).containsEntry("field", "User.bio").containsEntry("role", "admin");
		assertThat(readBio.body()).doesNotContainKey("data");

		Answer writeBio = post(member, "mutation($in: UserInput!) { createUser(input: $in) { id } }",
				Map.of("in", Map.of("handle", "bob_sec", "name", "Bob", "bio", "hi")));
		assertThat(writeBio.code()).isEqualTo("FORBIDDEN");
		assertThat(writeBio.message()).isEqualTo("Writing User.bio needs the role 'admin'.");

		Answer adminReads = post(admin, "{ users { nodes { handle bio } } }", Map.of());
		assertThat(adminReads.errors()).isEmpty();
		Answer memberWithoutBio = post(member, "{ users { nodes { handle } } }", Map.of());
		assertThat(memberWithoutBio.errors()).isEmpty();

		Answer posts = post(nobody, "{ posts { nodes { text } } }", Map.of());
		assertThat(posts.code()).isEqualTo("FORBIDDEN");
		assertThat(posts.message()).isEqualTo("Calling Query.posts needs the role 'member'.");
		Answer delete = post(nobody, "mutation { deletePost(id: \"x\") }", Map.of());
		assertThat(delete.message()).isEqualTo("Calling Mutation.deletePost needs the role 'member'.");
		Answer viaFragment = post(nobody, "query { ...P } fragment P on Query { post(id: \"x\") { text } }", Map.of());
		assertThat(viaFragment.code()).isEqualTo("FORBIDDEN");
		assertThat(post(member, "{ posts { nodes { text } } }", Map.of()).errors()).isEmpty();

		String overDeep = "{ __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }" + " }".repeat(12) + " } } } }";
		Answer tooDeep = post(member, overDeep, Map.of());
		assertThat(tooDeep.code()).isEqualTo("VALIDATION");
		assertThat(tooDeep.message()).contains("deep");
	}

	@Test
	@SuppressWarnings("unchecked")
	void onlyTheOwnerChangesAnOwnedEntityAndNobodyHandsItOver() throws Exception {
		String ada = hs256(claims("user-ada", List.of()), SECRET);
		String bob = hs256(claims("user-bob", List.of()), SECRET);
		String moderator = hs256(claims("user-mod", List.of("moderator")), SECRET);

		Answer created = post(ada, "mutation { createNote(input: {text: \"mine\"}) { id owner } }", Map.of());
		assertThat(created.errors()).isEmpty();
		Map<String, Object> note = (Map<String, Object>) created.body().get("data");
		note = (Map<String, Object>) note.get("createNote");
		assertThat(note).as("a create that leaves the owner out gets the caller, the field being required (String!)")
				.containsEntry("owner", "user-ada");
		String id = (String) note.get("id");

		Answer bobChanges = post(bob, "mutation($id: ID!) { updateNote(id: $id, input: {text: \"bob's\"}) { text } }", Map.of("id", id));
		assertThat(bobChanges.code()).isEqualTo("FORBIDDEN");
		assertThat(bobChanges.message()).contains("belongs to someone else");
		assertThat(post(bob, "mutation($id: ID!) { deleteNote(id: $id) }", Map.of("id", id)).code()).isEqualTo("FORBIDDEN");
		Answer handOver = post(ada, "mutation($id: ID!) { updateNote(id: $id, input: {owner: \"user-bob\"}) { owner } }", Map.of("id", id));
		assertThat(handOver.message()).contains("cannot hand this Note to someone else");
		Answer forSomeoneElse = post(ada, "mutation { createNote(input: {text: \"x\", owner: \"user-bob\"}) { id } }", Map.of());
		assertThat(forSomeoneElse.message()).isEqualTo("A new Note must name you (user-ada) in 'owner'.");

		Answer adaChanges = post(ada, "mutation($id: ID!) { updateNote(id: $id, input: {text: \"still mine\"}) { text owner } }", Map.of("id", id));
		assertThat(adaChanges.errors()).isEmpty();
		Answer moderated = post(moderator, "mutation($id: ID!) { updateNote(id: $id, input: {text: \"moderated\"}) { text } }", Map.of("id", id));
		assertThat(moderated.errors()).as("the rule's role may change anyone's").isEmpty();

		Answer bobAtTheComponent = post(notes.graphqlUrl(), null, "mutation($id: ID!) { deleteNote(id: $id) }", Map.of("id", id),
				Map.of(Caller.HEADER, GatewaySignature.withKey(CALLER_KEY).sign(new Caller("user-bob", Set.of(), Map.of()), "notes")));
		assertThat(bobAtTheComponent.code()).as("the component checks the owner itself").isEqualTo("FORBIDDEN");
		assertThat(post(ada, "mutation($id: ID!) { deleteNote(id: $id) }", Map.of("id", id)).errors()).isEmpty();
		assertThat(notes.commands().create("Note", Map.of("text", "from the component's own code", "owner", "user-bob"), null).state())
				.as("the component's own code is not bound").containsEntry("owner", "user-bob");
	}

	@Test
	void componentsAnswerOnlyWhatTheGatewaySignedForThem() throws Exception {
		GatewaySignature signature = GatewaySignature.withKey(CALLER_KEY);
		String query = "{ posts { nodes { id } } }";
		Caller member = new Caller("user-ada", Set.of("member"), Map.of());

		Answer bare = post(posts.graphqlUrl(), null, query, Map.of(), Map.of());
		assertThat(bare.status()).as("no signature").isEqualTo(401);
		assertThat(bare.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(bare.message()).contains("gateway");
		assertThat(post(posts.graphqlUrl(), null, query, Map.of(), Map.of(Caller.HEADER, member.toHeader())).status())
				.as("a caller header the client wrote itself").isEqualTo(401);
		assertThat(post(posts.graphqlUrl(), null, query, Map.of(), Map.of(Caller.HEADER,
				GatewaySignature.withKey(GatewaySignature.newKey()).sign(member, "posts"))).status()).as("another key").isEqualTo(401);
		Answer elsewhere = post(posts.graphqlUrl(), null, query, Map.of(), Map.of(Caller.HEADER, signature.sign(member, "accounts")));
		assertThat(elsewhere.status()).as("signed for another component").isEqualTo(401);
		assertThat(elsewhere.message()).contains("another component");

		Answer anonymous = post(posts.graphqlUrl(), null, query, Map.of(), Map.of(Caller.HEADER, signature.sign(Caller.ANONYMOUS, "posts")));
		assertThat(anonymous.code()).as("the component checks @auth roles itself").isEqualTo("FORBIDDEN");
		assertThat(anonymous.message()).contains("member");
		Answer signed = post(posts.graphqlUrl(), null, query, Map.of(), Map.of(Caller.HEADER, signature.sign(member, "posts")));
		assertThat(signed.errors()).isEmpty();
	}

	@Test
	void tokensSignedByAKeyOfTheIssuersJwksAreAccepted() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
		HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/.well-known/jwks.json", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keys.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(keys);
			}
		});
		jwks.start();
		String jwksUrl = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
		try (Gateway withJwks = Gateway.start(List.of(new Route(accounts.descriptor(), accounts.graphqlUrl())), "127.0.0.1", 0,
				Map.of(), new GatewaySettings(QueryLimits.DEFAULT, new AuthSettings(ISSUER, null, jwksUrl, "scope"), null).withCallerKey(CALLER_KEY))) {
			Answer ok = post(withJwks.url(), rs256(claims("user-rsa", List.of()).claim("scope", "admin read"), key),
					"{ users { nodes { handle bio } } }", Map.of(), Map.of());
			assertThat(ok.errors()).as("roles from a space-separated scope claim").isEmpty();

			Answer wrongKey = post(withJwks.url(), rs256(claims("user-rsa", List.of()), stranger), "{ users { nodes { handle } } }",
					Map.of(), Map.of());
			assertThat(wrongKey.status()).isEqualTo(401);
			assertThat(wrongKey.message()).contains("signature does not verify");

			Answer hsInsteadOfRs = post(withJwks.url(), hs256(claims("user-rsa", List.of()), SECRET), "{ users { nodes { handle } } }",
					Map.of(), Map.of());
			assertThat(hsInsteadOfRs.status()).as("a shared-secret token where the issuer signs with keys").isEqualTo(401);
		} finally {
			jwks.stop(0);
		}
	}

	private static JWTClaimsSet.Builder claims(String subject, List<String> roles) {
		return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("roles", roles)
				.issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
	}

	private static String hs256(JWTClaimsSet.Builder claims, String secret) throws Exception {
		return sign(claims, JWSAlgorithm.HS256, null, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
	}

	private static String rs256(JWTClaimsSet.Builder claims, RSAKey key) throws Exception {
		return sign(claims, JWSAlgorithm.RS256, key.getKeyID(), new RSASSASigner(key));
	}

	private static String sign(JWTClaimsSet.Builder claims, JWSAlgorithm algorithm, String keyId, JWSSigner signer) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build(), claims.build());
		jwt.sign(signer);
		return jwt.serialize();
	}

	record Answer(int status, Map<String, Object> body, java.net.http.HttpHeaders headers) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors() {
			return (List<Map<String, Object>>) body.getOrDefault("errors", List.of());
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> extensions() {
			return errors().isEmpty() ? Map.of() : (Map<String, Object>) errors().get(0).get("extensions");
		}

		String code() {
			return (String) extensions().get("code");
		}

		String message() {
			return errors().isEmpty() ? null : (String) errors().get(0).get("message");
		}
	}

	private static Answer post(String token, String query, Map<String, Object> variables) throws IOException, InterruptedException {
		return post(gateway.url(), token, query, variables, Map.of());
	}

	private static Answer post(String token, String query, Map<String, Object> variables, Map<String, String> headers)
			throws IOException, InterruptedException {
		return post(gateway.url(), token, query, variables, headers);
	}

	private static Answer post(String url, String token, String query, Map<String, Object> variables, Map<String, String> headers)
			throws IOException, InterruptedException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), JSON.readValue(response.body(), new TypeReference<>() {
		}), response.headers());
	}
}
