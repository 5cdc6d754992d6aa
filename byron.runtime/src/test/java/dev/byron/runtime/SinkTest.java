package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import dev.byron.runtime.cache.Cache;
import dev.byron.runtime.command.LocalComponentClient;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.ReactionDescriptor;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.Operation;
import dev.byron.runtime.sink.DeadLetters.DeadLetter;
import dev.byron.runtime.sink.EventHandler;
import dev.byron.runtime.sink.SinkOptions;
import dev.byron.runtime.spi.Hooks;

/** Sinks: idempotent and order-safe, crash-safe, replaying from the start, dead-lettering poison. */
class SinkTest extends SystemTest {
	static final SinkOptions FAST = new SinkOptions(16, 64, 3, Duration.ofMillis(50), Duration.ofSeconds(2));
	ByronComponent start(ComponentDescriptor descriptor, Hooks hooks, ByronComponent.Role role) throws Exception {
		ByronComponent component = ByronComponent.from(descriptor).broker(broker).mongo(TestInfra.mongo()).hooks(hooks)
				.role(role).sink(FAST).start();
		running.add(component);
		return component;
	}

	String createUser(ByronComponent accounts, String handle) {
		Http.Response response = Http.graphql(accounts.graphqlUrl(),
				"mutation($in: UserInput!) { createUser(input: $in) { id } }", Map.of("in", Map.of("handle", handle, "name", "N " + handle)));
		assertThat(response.errors()).isEmpty();
		return (String) response.object("createUser").get("id");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.EnumSource(Cache.Writes.class)
	void theSameEventThreeTimesChangesTheCacheOnceAndAnOlderEventChangesNothing(Cache.Writes writes) throws Exception {
		Cache cache = new Cache(TestInfra.mongo().getDatabase(broker.names().database("idem-" + writes)), writes);
		ComponentDescriptor accounts = TestDescriptors.accounts(system);
		EventHandler handler = new EventHandler(accounts, cache, Hooks.NONE, new LocalComponentClient(cache));
		Event v2 = created("u1", Map.of("id", "u1", "handle", "ada", "name", "Ada v2"));
		for (int i = 0; i < 3; i++) {
			handler.handle(v2, 7);
		}
		Document stored = cache.database().getCollection("User").find(Filters.eq("_id", "u1")).first();
		assertThat(stored).containsEntry("name", "Ada v2").containsEntry(Cache.SEQ, 7L);
		handler.handle(event("u1", Map.of("id", "u1", "handle", "ada", "name", "Ada v1")), 5);
		assertThat(cache.find("User", "u1").orElseThrow()).containsEntry("name", "Ada v2").containsEntry(Cache.SEQ, 7L);
		assertThat(cache.database().getCollection("User").countDocuments()).isEqualTo(1);
		handler.handle(new Event("e-del", "/byron/" + system + "/accounts", "accounts.UserDeleted",
				broker.names().entitySubject("accounts", "User", "u1"), Instant.now(), null, "accounts", "User", "u1",
				Operation.DELETED, List.of(), List.of("UserDeleted"), Map.of("id", "u1")), 9);
		assertThat(cache.find("User", "u1")).as("a tombstone").isEmpty();
		handler.handle(v2, 8);
		assertThat(cache.find("User", "u1")).as("an older event does not bring it back").isEmpty();
		handler.handle(created("u1", Map.of("id", "u1", "handle", "ada", "name", "Ada again")), 10);
		assertThat(cache.find("User", "u1").orElseThrow()).as("a newer create over the tombstone").containsEntry("name", "Ada again")
				.containsEntry(Cache.SEQ, 10L);
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.EnumSource(Cache.Writes.class)
	void eventsWrittenTogetherLeaveTheCacheAsWritingThemOneByOneDoes(Cache.Writes writes) throws Exception {
		ComponentDescriptor accounts = TestDescriptors.accounts(system);
		Cache together = new Cache(TestInfra.mongo().getDatabase(broker.names().database("together-" + writes)), writes);
		Cache oneByOne = new Cache(TestInfra.mongo().getDatabase(broker.names().database("one-by-one-" + writes)), writes);
		EventHandler batched = new EventHandler(accounts, together, Hooks.NONE, new LocalComponentClient(together));
		EventHandler single = new EventHandler(accounts, oneByOne, Hooks.NONE, new LocalComponentClient(oneByOne));
		for (EventHandler handler : List.of(batched, single)) {
			handler.handle(event("u0", Map.of("id", "u0", "handle", "ann", "name", "Ann v7")), 7);
			handler.handle(event("u4", Map.of("id", "u4", "handle", "eve", "name", "Eve v3")), 3);
		}
		List<Event> events = List.of(created("u0", Map.of("id", "u0", "handle", "ann", "name", "Ann v5")),
				created("u1", Map.of("id", "u1", "handle", "bob", "name", "Bob v8")),
				created("u2", Map.of("id", "u2", "handle", "cy", "name", "Cy v9")),
				event("u1", Map.of("id", "u1", "handle", "bob", "name", "Bob v10")),
				new Event("e-del-u2", "/byron/" + system + "/accounts", "accounts.UserDeleted",
						broker.names().entitySubject("accounts", "User", "u2"), Instant.now(), null, "accounts", "User", "u2",
						Operation.DELETED, List.of(), List.of("UserDeleted"), Map.of("id", "u2")),
				created("u3", Map.of("id", "u3", "handle", "di", "name", "Di v12")),
				event("u1", Map.of("id", "u1", "handle", "bob", "name", "Bob v13")),
				created("u4", Map.of("id", "u4", "handle", "eve", "name", "Eve v14")));
		long[] sequences = { 5, 8, 9, 10, 11, 12, 13, 14 };
		List<dev.byron.runtime.sink.Delivery> deliveries = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			assertThat(batched.onlyWrites(events.get(i), dev.byron.runtime.sink.Delivery.of(sequences[i]))).isTrue();
			deliveries.add(dev.byron.runtime.sink.Delivery.of(sequences[i]));
			single.handle(events.get(i), sequences[i]);
		}
		batched.handleWrites(events, deliveries);
		batched.handleWrites(events, deliveries); // a redelivered batch changes nothing
		List<Document> expected = oneByOne.database().getCollection("User").find().sort(new Document("_id", 1)).into(new ArrayList<>());
		assertThat(together.database().getCollection("User").find().sort(new Document("_id", 1)).into(new ArrayList<>()))
				.isEqualTo(expected).hasSize(5);
		assertThat(together.find("User", "u1").orElseThrow()).containsEntry("name", "Bob v13").containsEntry(Cache.SEQ, 13L);
		assertThat(together.find("User", "u0").orElseThrow()).containsEntry("name", "Ann v7");
		assertThat(together.find("User", "u4").orElseThrow()).as("a create over a document already there, newer")
				.containsEntry("name", "Eve v14");
		assertThat(together.find("User", "u2")).isEmpty();
	}

	/** An entity's first event: the Cache inserts its document, and writes it as any other if it is there already. */
	private Event created(String id, Map<String, Object> data) {
		return new Event("c-" + data.get("name"), "/byron/" + system + "/accounts", "accounts.UserCreated",
				broker.names().entitySubject("accounts", "User", id), Instant.now(), null, "accounts", "User", id,
				Operation.CREATED, List.copyOf(data.keySet()), List.of("UserCreated"), data);
	}

	private Event event(String id, Map<String, Object> data) {
		return new Event("e-" + data.get("name"), "/byron/" + system + "/accounts", "accounts.UserUpdated",
				broker.names().entitySubject("accounts", "User", id), Instant.now(), null, "accounts", "User", id,
				Operation.UPDATED, List.of("name"), List.of("UserUpdated"), data);
	}

	@Test
	void replicasFollowTheirSourceAndReactionsRunOncePerEvent() throws Exception {
		ByronComponent accounts = start(TestDescriptors.accounts(system), Hooks.NONE, ByronComponent.Role.ALL);
		Hooks fanOut = Hooks.builder().event("fanOut", ctx -> ctx.component().create("Entry",
				Map.of("post", ctx.event().entityId(), "text", ctx.event().data().get("text")))).build();
		ByronComponent posts = start(TestDescriptors.posts(system), Hooks.NONE, ByronComponent.Role.ALL);
		ByronComponent timeline = start(TestDescriptors.timeline(system), fanOut, ByronComponent.Role.ALL);
		String ada = createUser(accounts, "ada");
		Await.until("posts replicates ada", () -> posts.cache().find(Cache.replicaCollection("accounts", "User"), ada).isPresent());
		Http.Response post = Http.graphql(posts.graphqlUrl(),
				"mutation($a: ID!) { createPost(input: {author: $a, text: \"hello\"}) { id author { handle name } } }", Map.of("a", ada));
		assertThat(post.errors()).isEmpty();
		assertThat(post.object("createPost").get("author")).isEqualTo(Map.of("handle", "ada", "name", "N ada"));
		Http.Response dangling = Http.graphql(posts.graphqlUrl(),
				"mutation { createPost(input: {author: \"nobody\", text: \"x\"}) { id } }", Map.of());
		assertThat(dangling.code()).isEqualTo("VALIDATION");
		assertThat(dangling.field()).isEqualTo("author");

		Http.graphql(accounts.graphqlUrl(), "mutation($id: ID!) { updateUser(id: $id, input: {name: \"Ada L.\"}) { id } }", Map.of("id", ada));
		Await.until("the replica follows the update",
				() -> "Ada L.".equals(posts.cache().find(Cache.replicaCollection("accounts", "User"), ada).map(d -> d.get("name")).orElse(null)));
		Await.until("the timeline got its entry", () -> timeline.cache().page("Entry", null, 10).size() == 1);
		assertThat(posts.cache().find(Cache.replicaCollection("accounts", "User"), ada).orElseThrow().keySet())
				.as("a replica keeps only the replicated fields").doesNotContain("bio", "age", "joinedAt");
	}

	@Test
	void aSinkKilledMidStreamConvergesWithNoLossAndNoDoubleEffect() throws Exception {
		ByronComponent accounts = start(TestDescriptors.accounts(system), Hooks.NONE, ByronComponent.Role.ALL);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		Hooks fanOut = Hooks.builder().event("fanOut", ctx -> {
			seen.add(ctx.event().id());
			ctx.component().create("Entry", Map.of("post", ctx.event().entityId(), "text", "t"));
		}).build();
		ComponentDescriptor timeline = new ComponentDescriptor(1, system, "timeline", "per-entity",
				TestDescriptors.timeline(system).entities(), List.of(), List.of(), List.of(),
				List.of(new ReactionDescriptor("accounts", "UserCreated", "fanOut")), List.of());
		ByronComponent firstSink = start(timeline, fanOut, ByronComponent.Role.SINK);
		int users = 300;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			ids.add(accounts.commands().create("User", Map.of("handle", "user" + i, "name", "U" + i), null).id());
			if (i == 100) {
				Await.until("the first Sink is under way", () -> firstSink.cache().page("Entry", null, 1000).size() > 20);
				firstSink.killSink();
			}
		}
		ByronComponent secondSink = start(timeline, fanOut, ByronComponent.Role.SINK);
		Await.until("the restarted Sink catches up", () -> secondSink.cache().page("Entry", null, 1000).size() >= users);
		Thread.sleep(FAST.ackWait().toMillis() + 500); // anything the killed Sink held is redelivered by now
		List<Document> entries = secondSink.cache().page("Entry", null, 1000);
		assertThat(entries).as("one entry per user: none lost, none twice").hasSize(users);
		assertThat(entries.stream().map(d -> d.get("post")).distinct().count()).isEqualTo(users);
		assertThat(entries.stream().map(d -> (String) d.get("post")).toList()).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void anApiInstanceLearnsWhatTheComponentsSinkInAnotherProcessApplied() throws Exception {
		ByronComponent api = start(TestDescriptors.accounts(system), Hooks.NONE, ByronComponent.Role.API);
		start(TestDescriptors.accounts(system), Hooks.NONE, ByronComponent.Role.SINK);
		dev.byron.runtime.cache.AppliedSequences elsewhere = new dev.byron.runtime.cache.AppliedSequences();
		io.nats.client.Dispatcher listening = dev.byron.runtime.sink.AppliedNotices.listen(broker, "accounts", elsewhere);
		try {
			String id = createUser(api, "noticed");
			elsewhere.whenApplied("User", id, 1).get(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(api.cache().find("User", id)).as("the notice came once the Sink had written").isPresent();
		} finally {
			broker.connection().closeDispatcher(listening);
		}
	}

	/**
	 * byron run's embedded store commits to its file in the background: a process killed loses the newest writes
	 * its Sinks had acknowledged. Here they are taken out of the Cache of a stopped component, as such a kill leaves
	 * it; then the whole Cache, as when its file is deleted.
	 */
	@Test
	void writesTheEmbeddedStoreLostAfterTheSinkAcknowledgedThemAreMadeAgainWhenTheComponentStarts() throws Exception {
		ComponentDescriptor accounts = TestDescriptors.accounts(system);
		ByronComponent first = startById(accounts);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(createUser(first, "kept" + i));
		}
		Await.until("the Sink acknowledged every event", () -> first.sink().pending() == 0);
		first.close();
		running.remove(first);
		var users = first.cache().database().getCollection("User");
		List<Document> newest = users.find().sort(new Document(Cache.SEQ, -1)).limit(12).into(new ArrayList<>());
		newest.forEach(lost -> users.deleteOne(new Document("_id", lost.get("_id"))));
		assertThat(users.countDocuments()).isEqualTo(18);

		ByronComponent again = startById(accounts);
		Await.until("the lost writes are made again", () -> again.cache().page("User", null, 100).size() == 30);
		assertThat(again.cache().page("User", null, 100).stream().map(d -> d.getString("_id")).toList()).containsExactlyInAnyOrderElementsOf(ids);
		again.close();
		running.remove(again);

		again.cache().database().drop();
		ByronComponent rebuilt = startById(accounts);
		Await.until("a Cache whose file was deleted is rebuilt", () -> rebuilt.cache().page("User", null, 100).size() == 30);
		String later = createUser(rebuilt, "later");
		assertThat(rebuilt.cache().find("User", later)).as("and new events flow after it").isPresent();
	}

	private ByronComponent startById(ComponentDescriptor descriptor) throws Exception {
		ByronComponent component = ByronComponent.from(descriptor).broker(broker).mongo(TestInfra.mongo()).role(ByronComponent.Role.ALL)
				.sink(FAST).cacheWrites(Cache.Writes.BY_ID).start();
		running.add(component);
		return component;
	}

	@Test
	void aComponentStartedLateOrWithAWipedCacheBuildsItsReplicaFromTheWholeHistory() throws Exception {
		ByronComponent accounts = start(TestDescriptors.accounts(system), Hooks.NONE, ByronComponent.Role.ALL);
		for (int i = 0; i < 40; i++) {
			createUser(accounts, "early" + i);
		}
		ByronComponent posts = start(TestDescriptors.posts(system), Hooks.NONE, ByronComponent.Role.ALL);
		Await.until("the late component has all 40 users", () -> posts.cache().page(Cache.replicaCollection("accounts", "User"), null, 100).size() == 40);
		assertThat(posts.metrics().summary("byron.sink.written.together", "source", "accounts").max())
				.as("a history waiting in the stream is written in rounds of several events").isGreaterThan(1);

		posts.close();
		running.remove(posts);
		posts.cache().database().drop();
		broker.management().deleteConsumer(broker.names().stream("accounts"), broker.names().consumer("posts", "accounts"));
		ByronComponent rebuilt = start(TestDescriptors.posts(system), Hooks.NONE, ByronComponent.Role.ALL);
		Await.until("the wiped replica is rebuilt", () -> rebuilt.cache().page(Cache.replicaCollection("accounts", "User"), null, 100).size() == 40);
	}

	@Test
	void eventsThatDoNotFitTheirDescriptorAreDeadLetteredAtOnceAndNeverApplied() throws Exception {
		dev.byron.runtime.descriptor.EntityDescriptor user = new dev.byron.runtime.descriptor.EntityDescriptor("User", "Users", List.of(
				TestDescriptors.HANDLE, new dev.byron.runtime.descriptor.FieldDescriptor("status",
						new dev.byron.runtime.descriptor.FieldType(dev.byron.runtime.descriptor.FieldType.Kind.ENUM, "Status", null, false,
								false, false), dev.byron.runtime.descriptor.FieldRules.NONE),
				new dev.byron.runtime.descriptor.FieldDescriptor("age", dev.byron.runtime.descriptor.FieldType.scalar("Int", false),
						dev.byron.runtime.descriptor.FieldRules.NONE)));
		ComponentDescriptor accounts = new ComponentDescriptor(1, system, "accounts", "per-operation", List.of(user),
				List.of(new dev.byron.runtime.descriptor.EnumDescriptor("Status", List.of("ACTIVE", "SUSPENDED"))), List.of(), List.of(),
				List.of(), List.of());
		ByronComponent component = start(accounts, Hooks.NONE, ByronComponent.Role.ALL);
		publish(created("User", "bad-enum", Map.of("handle", "eve", "status", "ROOT")));
		publish(created("User", "bad-type", Map.of("handle", "mal", "age", "old")));
		publish(created("Ghost", "boo", Map.of("name", "nobody")));
		broker.jetStream().publish(broker.names().entitySubject("accounts", "User", "garbage"), new byte[] { 0, (byte) 0xFF, (byte) 0xFE });
		publish(created("User", "fine", Map.of("handle", "ada", "status", "ACTIVE", "age", 36, "removedField", "kept from an older model")));

		Await.until("four dead letters", () -> component.sink().deadLetters().list().size() == 4);
		Await.until("the fine event applied", () -> component.cache().find("User", "fine").isPresent());
		assertThat(component.sink().deadLetters().list()).extracting(DeadLetter::error)
				.anySatisfy(e -> assertThat(e).contains("'status' is 'ROOT', not a value of Status"))
				.anySatisfy(e -> assertThat(e).contains("'age' should be an Int"))
				.anySatisfy(e -> assertThat(e).contains("Ghost, which is not an entity of accounts"))
				.anySatisfy(e -> assertThat(e).contains("Undecodable"));
		assertThat(component.cache().find("User", "bad-enum")).isEmpty();
		assertThat(component.cache().find("User", "bad-type")).isEmpty();
		assertThat(component.metrics().counter("byron.sink.events", "source", "accounts", "result", "retried").count())
				.as("dead-lettered at once, not retried").isZero();
		Http.Response users = Http.graphql(component.graphqlUrl(), "{ users { nodes { handle status } } }", Map.of());
		assertThat(users.errors()).isEmpty();
		assertThat(users.data().toString()).contains("ada");
	}

	@Test
	void anEntityWithGarbageAndAnEventThatDoesNotFitOnItsSubjectCanStillBeUpdatedAndDeleted() throws Exception {
		ByronComponent component = start(TestDescriptors.accounts(system), Hooks.NONE, ByronComponent.Role.ALL);
		String id = (String) Http.graphql(component.graphqlUrl(), "mutation { createUser(input: {handle: \"ada\", name: \"Ada\"}) { id } }",
				Map.of()).object("createUser").get("id");
		broker.jetStream().publish(broker.names().entitySubject("accounts", "User", id), new byte[] { 0, (byte) 0xFF, (byte) 0xFE });
		Map<String, Object> unfit = new java.util.LinkedHashMap<>(Map.of("handle", 42, "name", "Mallory"));
		publish(new Event("e-unfit", "/byron/" + system + "/accounts", "accounts.UserUpdated",
				broker.names().entitySubject("accounts", "User", id), Instant.now(), null, "accounts", "User", id, Operation.UPDATED,
				List.of(), List.of("UserUpdated"), withId(unfit, id)));

		Http.Response updated = Http.graphql(component.graphqlUrl(),
				"mutation($id: ID!) { updateUser(id: $id, input: {name: \"Ada Lovelace\"}) { handle name } }", Map.of("id", id));
		assertThat(updated.errors()).as("read past the two messages that are not events of the model").isEmpty();
		assertThat(updated.object("updateUser")).containsEntry("handle", "ada").containsEntry("name", "Ada Lovelace");
		Http.Response deleted = Http.graphql(component.graphqlUrl(), "mutation($id: ID!) { deleteUser(id: $id) }", Map.of("id", id));
		assertThat(deleted.errors()).isEmpty();
		Await.until("the delete applied", () -> component.cache().find("User", id).isEmpty());
	}

	private static Map<String, Object> withId(Map<String, Object> data, String id) {
		data.put("id", id);
		return data;
	}

	private Event created(String entity, String id, Map<String, Object> data) {
		Map<String, Object> state = new java.util.LinkedHashMap<>(data);
		state.put("id", id);
		return new Event("e-" + id, "/byron/" + system + "/accounts", "accounts." + entity + "Created",
				broker.names().entitySubject("accounts", entity, id), Instant.now(), null, "accounts", entity, id,
				Operation.CREATED, List.of(), List.of(entity + "Created"), state);
	}

	private void publish(Event event) throws Exception {
		broker.jetStream().publish(event.subject(), dev.byron.runtime.event.EventCodec.encode(event));
	}

	@Test
	void poisonEventsGoToTheDeadLetterStreamAndLaterEventsStillFlow() throws Exception {
		ByronComponent accounts = start(TestDescriptors.accounts(system), Hooks.NONE, ByronComponent.Role.ALL);
		AtomicBoolean broken = new AtomicBoolean(true);
		Hooks hooks = Hooks.builder().event("fanOut", ctx -> {
			if (broken.get() && "poison".equals(ctx.event().data().get("handle"))) {
				throw new IllegalStateException("cannot handle poison");
			}
			ctx.component().create("Entry", Map.of("post", ctx.event().entityId(), "text", "ok"));
		}).build();
		ComponentDescriptor timeline = new ComponentDescriptor(1, system, "timeline", "per-entity",
				TestDescriptors.timeline(system).entities(), List.of(), List.of(), List.of(),
				List.of(new ReactionDescriptor("accounts", "UserCreated", "fanOut")), List.of());
		ByronComponent sink = start(timeline, hooks, ByronComponent.Role.ALL);
		broker.jetStream().publish(broker.names().entitySubject("accounts", "User", "garbage"), "{not an event".getBytes());
		createUser(accounts, "poison");
		createUser(accounts, "fine");
		Await.until("two dead letters", () -> sink.sink().deadLetters().list().size() == 2);
		Await.until("the later event was handled", () -> sink.cache().page("Entry", null, 10).size() == 1);

		List<DeadLetter> letters = sink.sink().deadLetters().list();
		assertThat(letters).extracting(DeadLetter::error).anySatisfy(e -> assertThat(e).contains("Undecodable"))
				.anySatisfy(e -> assertThat(e).contains("cannot handle poison"));
		DeadLetter poison = letters.stream().filter(l -> l.error().contains("poison")).findFirst().orElseThrow();
		broken.set(false);
		sink.sink().deadLetters().replay(poison.sequence());
		assertThat(sink.cache().page("Entry", null, 10)).hasSize(2);
		assertThat(sink.sink().deadLetters().list()).hasSize(1).allSatisfy(l -> assertThat(l.error()).contains("Undecodable"));
	}

	@Test
	void declaredEventsArePublishedByHooksAndReachTheirSubscribersOnce() throws Exception {
		ComponentDescriptor base = TestDescriptors.accounts(system, new dev.byron.runtime.descriptor.HookDescriptor("AFTER", "deleteUser", "announce"));
		ComponentDescriptor accounts = new ComponentDescriptor(1, system, "accounts", base.granularity(), base.entities(), base.enums(),
				List.of(new dev.byron.runtime.descriptor.EventDescriptor("UserGone", List.of(new dev.byron.runtime.descriptor.FieldDescriptor(
						"user", dev.byron.runtime.descriptor.FieldType.scalar("ID", true), null)))),
				base.replicas(), base.reactions(), base.hooks());
		Hooks announce = Hooks.builder().command("announce", ctx -> ctx.component().publish("UserGone", Map.of("user", ctx.id()))).build();
		ByronComponent source = start(accounts, announce, ByronComponent.Role.ALL);
		List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
		ComponentDescriptor listener = new ComponentDescriptor(1, system, "listener", "per-operation",
				TestDescriptors.timeline(system).entities(), List.of(), List.of(), List.of(),
				List.of(new ReactionDescriptor("accounts", "UserGone", "heard")), List.of());
		start(listener, Hooks.builder().event("heard", ctx -> heard.add((String) ctx.event().data().get("user"))).build(),
				ByronComponent.Role.SINK);
		String id = source.commands().create("User", Map.of("handle", "leaving", "name", "L"), null).id();
		source.commands().delete("User", id, null);
		Await.until("the listener heard UserGone", () -> heard.size() == 1);
		assertThat(heard).containsExactly(id);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.commands().create("User", Map.of("handle", "x"), null))
				.isInstanceOf(dev.byron.runtime.api.ByronException.class);
	}
}
