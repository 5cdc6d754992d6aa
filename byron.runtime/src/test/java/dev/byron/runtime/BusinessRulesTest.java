package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.EntityDescriptor;
import dev.byron.runtime.descriptor.EventDescriptor;
import dev.byron.runtime.descriptor.FieldDescriptor;
import dev.byron.runtime.descriptor.FieldRules;
import dev.byron.runtime.descriptor.FieldType;
import dev.byron.runtime.descriptor.HookDescriptor;
import dev.byron.runtime.event.EventCodec;
import dev.byron.runtime.spi.Hooks;
import io.nats.client.api.MessageInfo;

/**
 * Rules that span entities, written as a user writes them (a before hook counts what it reads and refuses),
 * hold exactly under concurrent commands, on one API process and on two: the conference of talks with a
 * capacity, its registrations, and TalkFull when the last seat goes.
 */
class BusinessRulesTest {
	private static final int CAPACITY = 20;
	private static final int ATTEMPTS = 30;
	private static final int REPETITIONS = 20;

	private final List<AutoCloseable> running = new ArrayList<>();
	private String system;
	private Broker broker;

	@BeforeEach
	void newSystem() throws Exception {
		system = TestInfra.newSystem();
		broker = TestInfra.broker(system);
		running.add(broker);
	}

	@AfterEach
	void stop() throws Exception {
		for (int i = running.size() - 1; i >= 0; i--) {
			running.get(i).close();
		}
	}

	static ComponentDescriptor conference(String system) {
		return conference(system, null);
	}

	/** The conference's entities and event with other reactions and hooks. */
	static ComponentDescriptor conference(String system, List<dev.byron.runtime.descriptor.ReactionDescriptor> reactions,
			List<HookDescriptor> hooks) {
		ComponentDescriptor plain = conference(system);
		return new ComponentDescriptor(plain.version(), system, plain.name(), plain.granularity(), plain.entities(), plain.enums(),
				plain.events(), plain.replicas(), reactions, hooks);
	}

	/** The conference with the capacity hook keyed {@code by talk} when {@code key} is "talk". */
	static ComponentDescriptor conference(String system, String key) {
		EntityDescriptor talk = new EntityDescriptor("Talk", "Talks", List.of(
				new FieldDescriptor("title", FieldType.scalar("String", true), FieldRules.NONE),
				new FieldDescriptor("capacity", FieldType.scalar("Int", true), FieldRules.NONE)));
		EntityDescriptor registration = new EntityDescriptor("Registration", "Registrations", List.of(
				new FieldDescriptor("attendee", FieldType.scalar("String", true), FieldRules.NONE),
				new FieldDescriptor("talk", FieldType.scalar("ID", true), FieldRules.NONE)));
		EntityDescriptor note = new EntityDescriptor("Note", "Notes", List.of(
				new FieldDescriptor("text", FieldType.scalar("String", true), FieldRules.NONE)));
		EventDescriptor talkFull = new EventDescriptor("TalkFull",
				List.of(new FieldDescriptor("talk", FieldType.scalar("ID", true), FieldRules.NONE)));
		return new ComponentDescriptor(ComponentDescriptor.FORMAT_VERSION, system, "conference", "per-operation",
				List.of(talk, registration, note), List.of(), List.of(talkFull), List.of(), List.of(),
				List.of(new HookDescriptor("BEFORE", "createRegistration", "checkCapacity", key)));
	}

	/** The rule as a user writes it: count the talk's registrations, refuse when full, announce the last seat. */
	static Hooks capacityRule() {
		return capacityRule(false);
	}

	/** The rule, its count taken by listing the talk's registrations or, when {@code counting}, with {@code count}. */
	static Hooks capacityRule(boolean counting) {
		return Hooks.builder().command("checkCapacity", ctx -> {
			String talk = (String) ctx.state().get("talk");
			Map<String, Object> found = ctx.component().find("Talk", talk)
					.orElseThrow(() -> ByronException.validation("talk", "No talk " + talk + "."));
			int capacity = ((Number) found.get("capacity")).intValue();
			long taken = counting ? ctx.component().count("Registration", "talk", talk)
					: ctx.component().where("Registration", "talk", talk).size();
			if (taken >= capacity) {
				throw new ByronException(ErrorCode.CONFLICT, "Talk " + talk + " is full.");
			}
			if (taken + 1 == capacity) {
				ctx.component().publish("TalkFull", Map.of("talk", talk));
			}
		}).build();
	}

	private ByronComponent start(String system, ByronComponent.Role role, Hooks hooks) throws Exception {
		return start(conference(system), role, hooks);
	}

	private ByronComponent start(ComponentDescriptor descriptor, ByronComponent.Role role, Hooks hooks) throws Exception {
		Broker own = TestInfra.broker(descriptor.system());
		ByronComponent component = ByronComponent.from(descriptor).role(role).broker(own).mongo(TestInfra.mongo())
				.hooks(hooks).start();
		running.add(own);
		running.add(component);
		return component;
	}

	@Test
	void thirtyConcurrentRegistrationsForTwentySeatsAcceptExactlyTwentyOnOneApiProcessEveryTime() throws Exception {
		ByronComponent only = start(system, ByronComponent.Role.ALL, capacityRule());
		fillTalks(List.of(only));
	}

	@Test
	void thirtyConcurrentRegistrationsForTwentySeatsAcceptExactlyTwentyOnTwoApiProcessesEveryTime() throws Exception {
		ByronComponent first = start(system, ByronComponent.Role.ALL, capacityRule());
		ByronComponent second = start(system, ByronComponent.Role.API, capacityRule());
		fillTalks(List.of(first, second));
	}

	private void fillTalks(List<ByronComponent> apis) throws Exception {
		for (int repetition = 0; repetition < REPETITIONS; repetition++) {
			String talk = (String) Http.graphql(apis.get(0).graphqlUrl(),
					"mutation { createTalk(input: {title: \"Exact rules\", capacity: " + CAPACITY + "}) { id } }", Map.of())
					.object("createTalk").get("id");
			List<Http.Response> responses = ConsistencyTest.race(ATTEMPTS, i -> Http.graphql(apis.get(i % apis.size()).graphqlUrl(),
					"mutation($in: RegistrationInput!) { createRegistration(input: $in) { id } }",
					Map.of("in", Map.of("attendee", "attendee" + i, "talk", talk))));

			long accepted = responses.stream().filter(r -> r.errors().isEmpty()).count();
			List<String> refusals = responses.stream().filter(r -> !r.errors().isEmpty()).map(Http.Response::code).toList();
			assertThat(accepted).as("repetition %d: accepted", repetition).isEqualTo(CAPACITY);
			assertThat(refusals).as("repetition %d: refused", repetition).hasSize(ATTEMPTS - CAPACITY).containsOnly("CONFLICT");
			assertThat(registrationsOf(talk)).as("repetition %d: registrations on the stream", repetition).isEqualTo(CAPACITY);
			assertThat(talkFullEvents(talk)).as("repetition %d: TalkFull published", repetition).isEqualTo(1);
		}
	}

	@Test
	void keyedByTalkTwoTalksFillAtOnceOnTwoApiProcessesEachToExactlyItsCapacityCountingWithCount() throws Exception {
		List<ByronComponent> apis = List.of(start(conference(system, "talk"), ByronComponent.Role.ALL, capacityRule(true)),
				start(conference(system, "talk"), ByronComponent.Role.API, capacityRule(true)));
		for (int repetition = 0; repetition < REPETITIONS; repetition++) {
			List<String> talks = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				talks.add((String) Http.graphql(apis.get(0).graphqlUrl(), "mutation { createTalk(input: {title: \"T\", capacity: "
						+ CAPACITY + "}) { id } }", Map.of()).object("createTalk").get("id"));
			}
			List<Http.Response> responses = ConsistencyTest.race(2 * ATTEMPTS, i -> Http.graphql(apis.get(i % 2).graphqlUrl(),
					"mutation($in: RegistrationInput!) { createRegistration(input: $in) { id } }",
					Map.of("in", Map.of("attendee", "attendee" + i, "talk", talks.get((i / 2) % 2)))));
			assertThat(responses.stream().filter(r -> !r.errors().isEmpty()).map(Http.Response::code))
					.as("repetition %d", repetition).hasSize(2 * (ATTEMPTS - CAPACITY)).containsOnly("CONFLICT");
			for (String talk : talks) {
				assertThat(registrationsOf(talk)).as("repetition %d: registrations of %s", repetition, talk).isEqualTo(CAPACITY);
				assertThat(talkFullEvents(talk)).as("repetition %d: TalkFull of %s", repetition, talk).isEqualTo(1);
			}
		}
	}

	@Test
	void keyedByTalkARegistrationForAnotherTalkCommitsWhileOneDecidesAndTheDecisionStands() throws Exception {
		java.util.concurrent.CountDownLatch deciding = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch carryOn = new java.util.concurrent.CountDownLatch(1);
		Map<String, AtomicInteger> runs = new java.util.concurrent.ConcurrentHashMap<>();
		Hooks slowForTalkA = Hooks.builder().command("checkCapacity", ctx -> {
			String talk = (String) ctx.state().get("talk");
			ctx.component().where("Registration", "talk", talk);
			if (runs.computeIfAbsent(talk, t -> new AtomicInteger()).incrementAndGet() == 1 && talk.equals("A")) {
				deciding.countDown();
				carryOn.await();
			}
		}).build();
		ByronComponent api = start(conference(system, "talk"), ByronComponent.Role.ALL, slowForTalkA);

		CompletableFuture<String> forA = CompletableFuture.supplyAsync(
				() -> api.commands().create("Registration", Map.of("attendee", "ada", "talk", "A"), null).id());
		deciding.await();
		String forB = CompletableFuture.supplyAsync(
				() -> api.commands().create("Registration", Map.of("attendee", "bob", "talk", "B"), null).id())
				.get(30, java.util.concurrent.TimeUnit.SECONDS);
		carryOn.countDown();

		assertThat(forA.get(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
		assertThat(forB).isNotNull();
		assertThat(runs.get("A").get()).as("B's registration is not A's business: A decided once").isEqualTo(1);
	}

	@Test
	void keyedByTalkARegistrationForTheSameTalkFromAnotherProcessMakesTheDecisionRunAgain() throws Exception {
		java.util.concurrent.CountDownLatch deciding = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch carryOn = new java.util.concurrent.CountDownLatch(1);
		AtomicInteger runs = new AtomicInteger();
		Hooks slowOnce = Hooks.builder().command("checkCapacity", ctx -> {
			ctx.component().where("Registration", "talk", ctx.state().get("talk"));
			if ("ada".equals(ctx.state().get("attendee")) && runs.incrementAndGet() == 1) {
				deciding.countDown();
				carryOn.await();
			}
		}).build();
		ByronComponent first = start(conference(system, "talk"), ByronComponent.Role.ALL, slowOnce);
		ByronComponent second = start(conference(system, "talk"), ByronComponent.Role.API, slowOnce);

		CompletableFuture<String> ada = CompletableFuture.supplyAsync(
				() -> first.commands().create("Registration", Map.of("attendee", "ada", "talk", "A"), null).id());
		deciding.await();
		second.commands().create("Registration", Map.of("attendee", "bob", "talk", "A"), null);
		carryOn.countDown();

		assertThat(ada.get(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
		assertThat(runs.get()).as("bob's registration for the same talk came between ada's reads and her append").isEqualTo(2);
	}

	@Test
	void aRuleWhoseDataKeepsChangingUnderItEndsInConflictNamingWhy() throws Exception {
		ByronComponent other = start(system, ByronComponent.Role.API, Hooks.NONE);
		AtomicInteger runs = new AtomicInteger();
		Hooks busy = Hooks.builder().command("checkCapacity", ctx -> {
			runs.incrementAndGet();
			ctx.component().where("Registration", "talk", ctx.state().get("talk"));
			// another process of the component commits between this read and the append, every time
			CompletableFuture.runAsync(() -> other.commands().create("Note", Map.of("text", "meanwhile"), null)).join();
		}).build();
		ByronComponent api = start(system, ByronComponent.Role.ALL, busy);

		Http.Response response = Http.graphql(api.graphqlUrl(),
				"mutation { createRegistration(input: {attendee: \"ada\", talk: \"t1\"}) { id } }", Map.of());

		assertThat(response.code()).isEqualTo("CONFLICT");
		assertThat(response.errors().toString()).contains("createRegistration ran " + runs.get() + " times")
				.contains("other commands changed conference's data that its hooks had read");
		assertThat(runs.get()).isGreaterThan(1);
		assertThat(registrationsOf("t1")).isZero();
	}

	@Test
	void anAfterHookOfACommandThatReadItsDataCreatesWhatItWants() throws Exception {
		ComponentDescriptor withAfter = conference(system, List.of(),
				List.of(new HookDescriptor("BEFORE", "createRegistration", "checkCapacity", "talk"),
						new HookDescriptor("AFTER", "createRegistration", "noteIt", "talk")));
		Hooks hooks = Hooks.builder().command("checkCapacity", capacityRule().command("checkCapacity").orElseThrow())
				.command("noteIt", ctx -> ctx.component().create("Note", Map.of("text", "registered " + ctx.id()))).build();
		ByronComponent api = start(withAfter, ByronComponent.Role.ALL, hooks);
		String talk = api.commands().create("Talk", Map.of("title", "T", "capacity", 5), null).id();

		String registration = api.commands().create("Registration", Map.of("attendee", "ada", "talk", talk), null).id();

		Await.until("the after hook's note", () -> !api.cache().where("Note", "text", "registered " + registration, 1).isEmpty());
	}

	@Test
	void aBeforeHooksEventIsNeverPublishedForACommandThatDidNotCommit() throws Exception {
		Hooks publishesThenFails = Hooks.builder().command("checkCapacity", ctx -> {
			ctx.component().publish("TalkFull", Map.of("talk", ctx.state().get("talk")));
			throw ByronException.validation("attendee", "Refused after publishing.");
		}).build();
		ByronComponent api = start(system, ByronComponent.Role.ALL, publishesThenFails);

		Http.Response response = Http.graphql(api.graphqlUrl(),
				"mutation { createRegistration(input: {attendee: \"ada\", talk: \"t2\"}) { id } }", Map.of());

		assertThat(response.code()).isEqualTo("VALIDATION");
		assertThat(talkFullEvents("t2")).isZero();
	}

	/** The conference without hooks, its registrations under {@code limit} (and their talk a reference when it reads the talk's field). */
	private static ComponentDescriptor limited(String system, dev.byron.runtime.descriptor.CountLimit limit,
			dev.byron.runtime.descriptor.CountLimit... more) {
		ComponentDescriptor plain = conference(system);
		List<EntityDescriptor> entities = plain.entities().stream().map(e -> !e.name().equals("Registration") ? e
				: new EntityDescriptor(e.name(), e.plural(), e.fields().stream().map(f -> !f.name().equals("talk") || limit.maxField() == null ? f
						: new FieldDescriptor("talk", FieldType.reference("conference", "Talk", true), FieldRules.NONE)).toList(),
						null, null, null, java.util.stream.Stream.concat(java.util.stream.Stream.of(limit), java.util.Arrays.stream(more)).toList()))
				.toList();
		return new ComponentDescriptor(plain.version(), system, plain.name(), plain.granularity(), entities, plain.enums(),
				plain.events(), plain.replicas(), List.of(), List.of());
	}

	@Test
	void aLimitOfTheTalksCapacityWithoutAnyHookAcceptsExactlyTheCapacityOnTwoApiProcessesEveryTime() throws Exception {
		ComponentDescriptor model = limited(system, new dev.byron.runtime.descriptor.CountLimit("talk", null, "capacity"));
		ByronComponent first = start(model, ByronComponent.Role.ALL, Hooks.NONE);
		ByronComponent second = start(model, ByronComponent.Role.API, Hooks.NONE);
		for (int repetition = 0; repetition < REPETITIONS; repetition++) {
			String talk = (String) Http.graphql(first.graphqlUrl(),
					"mutation { createTalk(input: {title: \"Limits\", capacity: " + CAPACITY + "}) { id } }", Map.of())
					.object("createTalk").get("id");
			List<ByronComponent> apis = List.of(first, second);
			List<Http.Response> responses = ConsistencyTest.race(ATTEMPTS, i -> Http.graphql(apis.get(i % 2).graphqlUrl(),
					"mutation($in: RegistrationInput!) { createRegistration(input: $in) { id } }",
					Map.of("in", Map.of("attendee", "attendee" + i, "talk", talk))));

			assertThat(responses.stream().filter(r -> r.errors().isEmpty()).count()).as("repetition %d: accepted", repetition)
					.isEqualTo(CAPACITY);
			assertThat(responses.stream().filter(r -> !r.errors().isEmpty()).map(Http.Response::code).toList())
					.as("repetition %d: refused", repetition).hasSize(ATTEMPTS - CAPACITY).containsOnly("CONFLICT");
			assertThat(registrationsOf(talk)).as("repetition %d: registrations on the stream", repetition).isEqualTo(CAPACITY);
		}
	}

	@Test
	void aCustomMutationWhoseBeforeHookCountsAndWhoseResolverCreatesAcceptsExactlyTheCapacityOnTwoApiProcesses() throws Exception {
		ComponentDescriptor plain = conference(system);
		ComponentDescriptor model = new ComponentDescriptor(plain.version(), system, plain.name(), plain.granularity(),
				plain.entities(), plain.enums(), plain.events(), plain.replicas(), List.of(),
				List.of(new HookDescriptor("BEFORE", "register", "seatLeft")),
				List.of(new dev.byron.runtime.descriptor.OperationDescriptor("MUTATION", "register", List.of(
						new dev.byron.runtime.descriptor.OperationDescriptor.ParameterDescriptor("talk", FieldType.scalar("ID", true), null),
						new dev.byron.runtime.descriptor.OperationDescriptor.ParameterDescriptor("attendee", FieldType.scalar("String", true), null)),
						FieldType.reference("conference", "Registration", true))));
		Hooks hooks = Hooks.builder().command("seatLeft", ctx -> {
			String talk = (String) ctx.state().get("talk");
			int capacity = ((Number) ctx.component().find("Talk", talk).orElseThrow().get("capacity")).intValue();
			if (ctx.component().where("Registration", "talk", talk).size() >= capacity) {
				throw new ByronException(ErrorCode.CONFLICT, "Talk " + talk + " is full.");
			}
		}).resolver("register", ctx -> ctx.component().create("Registration",
				Map.of("talk", ctx.arguments().get("talk"), "attendee", ctx.arguments().get("attendee")))).build();
		ByronComponent first = start(model, ByronComponent.Role.ALL, hooks);
		ByronComponent second = start(model, ByronComponent.Role.API, hooks);
		for (int repetition = 0; repetition < 5; repetition++) {
			String talk = first.commands().create("Talk", Map.of("title", "Units", "capacity", CAPACITY), null).id();
			List<ByronComponent> apis = List.of(first, second);
			List<Http.Response> responses = ConsistencyTest.race(ATTEMPTS, i -> Http.graphql(apis.get(i % 2).graphqlUrl(),
					"mutation($t: ID!, $a: String!) { register(talk: $t, attendee: $a) { id } }", Map.of("t", talk, "a", "a" + i)));

			assertThat(responses.stream().filter(r -> r.errors().isEmpty()).count()).as("repetition %d: accepted", repetition)
					.isEqualTo(CAPACITY);
			assertThat(responses.stream().filter(r -> !r.errors().isEmpty()).map(Http.Response::code).toList())
					.as("repetition %d: refused", repetition).containsOnly("CONFLICT");
			assertThat(registrationsOf(talk)).as("repetition %d: registrations on the stream", repetition).isEqualTo(CAPACITY);
		}
	}

	@Test
	void aNumericLimitRefusesTheOneTooManySayingWhyAndADeletionFreesItsPlace() throws Exception {
		ByronComponent api = start(limited(system, new dev.byron.runtime.descriptor.CountLimit("attendee", 2, null)),
				ByronComponent.Role.ALL, Hooks.NONE);
		String create = "mutation { createRegistration(input: {attendee: \"ada\", talk: \"t1\"}) { id } }";
		String firstId = (String) Http.graphql(api.graphqlUrl(), create, Map.of()).object("createRegistration").get("id");
		Http.graphql(api.graphqlUrl(), create, Map.of());

		Http.Response third = Http.graphql(api.graphqlUrl(), create, Map.of());
		assertThat(third.code()).isEqualTo("CONFLICT");
		assertThat(third.errors().get(0).get("message").toString()).contains("@limit(2, per: attendee) allows 2, and 2 are there");

		Http.graphql(api.graphqlUrl(), "mutation { deleteRegistration(id: \"" + firstId + "\") }", Map.of());
		assertThat(Http.graphql(api.graphqlUrl(), create, Map.of()).errors()).as("the deleted registration's place").isEmpty();
		Http.Response moved = Http.graphql(api.graphqlUrl(),
				"mutation { createRegistration(input: {attendee: \"bob\", talk: \"t1\"}) { id } }", Map.of());
		String bobs = (String) moved.object("createRegistration").get("id");
		assertThat(Http.graphql(api.graphqlUrl(), "mutation { updateRegistration(id: \"" + bobs
				+ "\", input: {attendee: \"ada\"}) { id } }", Map.of()).code()).as("an update that moves it into a full group")
				.isEqualTo("CONFLICT");
	}

	@Test
	void twoLimitsOnOneEntityRefuseWhatEitherRefusesWithConflict() throws Exception {
		ByronComponent api = start(limited(system, new dev.byron.runtime.descriptor.CountLimit("attendee", 2, null),
				new dev.byron.runtime.descriptor.CountLimit("talk", 3, null)), ByronComponent.Role.ALL, Hooks.NONE);
		java.util.function.BiFunction<String, String, String> register = (attendee, talk) -> Http.graphql(api.graphqlUrl(),
				"mutation($in: RegistrationInput!) { createRegistration(input: $in) { id } }",
				Map.of("in", Map.of("attendee", attendee, "talk", talk))).errors().isEmpty() ? "ok" : "refused";

		assertThat(List.of(register.apply("ada", "t1"), register.apply("ada", "t2"), register.apply("ada", "t3")))
				.as("ada's third").containsExactly("ok", "ok", "refused");
		assertThat(List.of(register.apply("bob", "t1"), register.apply("eve", "t1"), register.apply("kim", "t1")))
				.as("t1's fourth").containsExactly("ok", "ok", "refused");
		assertThat(Http.graphql(api.graphqlUrl(), "mutation { createRegistration(input: {attendee: \"kim\", talk: \"t1\"}) { id } }",
				Map.of()).code()).isEqualTo("CONFLICT");
	}

	/** A before hook on notes that announces a talk full, whatever it reads: the follow-up without the fence. */
	private static Hooks announcesOnNote() {
		return Hooks.builder().command("announce", ctx -> ctx.component().publish("TalkFull", Map.of("talk", ctx.state().get("text"))))
				.build();
	}

	private static ComponentDescriptor announcingNotes(String system) {
		return conference(system, List.of(), List.of(new HookDescriptor("BEFORE", "createNote", "announce")));
	}

	@Test
	void aDecisionsEventCommitsInsideItsCommandsAppendAndTheSinkAppendsItEvenWhenTheApiProcessIsGone() throws Exception {
		ComponentDescriptor model = announcingNotes(system);
		Broker own = TestInfra.broker(system);
		ByronComponent api = ByronComponent.from(model).role(ByronComponent.Role.API).broker(own).mongo(TestInfra.mongo())
				.hooks(announcesOnNote()).readYourWrites(java.time.Duration.ZERO).start();
		Http.Response created = Http.graphql(api.graphqlUrl(), "mutation { createNote(input: {text: \"t5\"}) { id } }", Map.of());
		api.close();
		own.close();

		assertThat(created.errors()).isEmpty();
		assertThat(events()).as("one append: the note, carrying its follow-up").hasSize(1);
		assertThat(talkFullEvents("t5")).isZero();

		start(model, ByronComponent.Role.SINK, announcesOnNote());
		Await.until("the Sink appended the follow-up", () -> talkFullEvents("t5") == 1);
		Thread.sleep(300);
		assertThat(talkFullEvents("t5")).isEqualTo(1);
	}

	@Test
	void aFollowUpHandedOverAgainAfterTheBrokersDeduplicationWindowIsStillAppendedOnce() throws Exception {
		broker.management().addStream(io.nats.client.api.StreamConfiguration.builder().name(broker.names().stream("conference"))
				.subjects(broker.names().streamSubjects("conference")).duplicateWindow(java.time.Duration.ofMillis(100)).build());
		ByronComponent api = start(announcingNotes(system), ByronComponent.Role.ALL, announcesOnNote());
		Http.graphql(api.graphqlUrl(), "mutation { createNote(input: {text: \"t6\"}) { id } }", Map.of());
		Await.until("the follow-up", () -> talkFullEvents("t6") == 1);
		MessageInfo command = broker.management().getMessage(broker.names().stream("conference"), 1);
		List<dev.byron.runtime.event.Event> followUps = dev.byron.runtime.broker.FollowUps.read(command.getHeaders());
		Thread.sleep(300); // past the stream's de-duplication window: only reading the stream can tell it is there

		broker.publishFollowUp("conference", followUps.get(0), 1, command.getTime().toInstant(), false);

		assertThat(followUps).hasSize(1);
		assertThat(talkFullEvents("t6")).isEqualTo(1);
	}

	@Test
	void aReactionToAnOwnEventRunsACommandWhoseHookReadsOwnDataWithoutWaitingForItself() throws Exception {
		ComponentDescriptor reacting = conference(system,
				List.of(new dev.byron.runtime.descriptor.ReactionDescriptor("conference", "TalkFull", "openWaitlist")),
				List.of(new HookDescriptor("BEFORE", "createNote", "oneNotePerTalk")));
		Hooks hooks = Hooks.builder()
				.event("openWaitlist", ctx -> ctx.component().create("Note", Map.of("text", "waitlist " + ctx.event().data().get("talk"))))
				.command("oneNotePerTalk", ctx -> {
					if (!ctx.component().where("Note", "text", ctx.state().get("text")).isEmpty()) {
						throw new ByronException(ErrorCode.CONFLICT, "Already noted.");
					}
				}).build();
		ByronComponent api = start(reacting, ByronComponent.Role.ALL, hooks);

		api.commands().publisher().publish("TalkFull", Map.of("talk", "t9"), null, null);
		Await.until("the reaction's command committed", java.time.Duration.ofSeconds(60),
				() -> api.cache().where("Note", "text", "waitlist t9", 1).size() == 1);

		assertThat(api.metrics().counter("byron.sink.events", "source", "conference", "result", "retried").count())
				.as("handled on its first delivery: the fence did not wait for the Sink to pass the event it handles").isZero();
	}

	private long registrationsOf(String talk) throws Exception {
		return events().stream().filter(e -> e.type().endsWith("RegistrationCreated") && talk.equals(e.data().get("talk"))).count();
	}

	private long talkFullEvents(String talk) {
		return events().stream().filter(e -> e.type().endsWith(".TalkFull") && talk.equals(e.data().get("talk"))).count();
	}

	private List<dev.byron.runtime.event.Event> events() {
		String stream = broker.names().stream("conference");
		List<dev.byron.runtime.event.Event> events = new ArrayList<>();
		long last = broker.lastSequence("conference");
		try {
			for (long seq = 1; seq <= last; seq++) {
				MessageInfo info = broker.management().getMessage(stream, seq);
				events.add(EventCodec.decode(info.getData()));
			}
		} catch (java.io.IOException | io.nats.client.JetStreamApiException e) {
			throw new IllegalStateException(e);
		}
		return events;
	}
}
