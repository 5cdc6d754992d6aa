package dev.byron.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.byron.runtime.broker.Broker;
import dev.byron.runtime.event.Event;
import dev.byron.runtime.event.EventCodec;
import dev.byron.runtime.event.Operation;
import io.nats.client.api.MessageInfo;

/** Q1: consistency inside a component, with two API instances racing over real HTTP. */
class ConsistencyTest {
	Broker broker;
	ByronComponent first;
	ByronComponent second;

	@BeforeEach
	void start() throws Exception {
		String system = TestInfra.newSystem();
		broker = TestInfra.broker(system);
		first = ByronComponent.from(TestDescriptors.accounts(system)).broker(broker).mongo(TestInfra.mongo()).start();
		second = ByronComponent.from(TestDescriptors.accounts(system)).role(ByronComponent.Role.API)
				.broker(TestInfra.broker(system)).mongo(TestInfra.mongo()).start();
	}

	@AfterEach
	void stop() throws Exception {
		second.close();
		first.close();
		broker.close();
	}

	@Test
	void fiftyConcurrentCreatesOfOneUniqueHandleOnTwoInstancesGiveOneUserAndFortyNineConflicts() throws Exception {
		List<Http.Response> responses = race(50, i -> {
			String url = (i % 2 == 0 ? first : second).graphqlUrl();
			return Http.graphql(url, "mutation($in: UserInput!) { createUser(input: $in) { id } }",
					Map.of("in", Map.of("handle", "taken", "name", "Racer " + i)));
		});
		assertThat(responses.stream().filter(r -> r.errors().isEmpty()).count()).isEqualTo(1);
		assertThat(responses.stream().filter(r -> "CONFLICT".equals(r.code())).count()).isEqualTo(49);
		assertThat(responses.stream().filter(r -> "CONFLICT".equals(r.code())).map(Http.Response::field)).containsOnly("handle");
		assertThat(creations()).isEqualTo(1);
	}

	@Test
	void twentyConcurrentUpdatesOfOneUserAreEachAppliedInOrderOrRejectedNeverLost() throws Exception {
		Http.Response created = Http.graphql(first.graphqlUrl(), "mutation { createUser(input: {handle: \"target\", name: \"v0\"}) { id } }", Map.of());
		String id = (String) created.object("createUser").get("id");
		List<Http.Response> responses = race(20, i -> Http.graphql((i % 2 == 0 ? first : second).graphqlUrl(),
				"mutation($id: ID!, $name: String!) { updateUser(id: $id, input: {name: $name}) { name } }",
				Map.of("id", id, "name", "v" + (i + 1))));

		List<String> accepted = new ArrayList<>();
		for (Http.Response response : responses) {
			if (response.errors().isEmpty()) {
				accepted.add((String) response.object("updateUser").get("name"));
			} else {
				assertThat(response.code()).isEqualTo("CONFLICT");
			}
		}
		assertThat(accepted).isNotEmpty();
		List<Event> history = history(id);
		List<String> appended = history.stream().filter(e -> e.operation() == Operation.UPDATED)
				.map(e -> (String) e.data().get("name")).toList();
		assertThat(appended).as("every accepted update is in the history, and nothing else")
				.containsExactlyInAnyOrderElementsOf(accepted);
		String last = (String) history.get(history.size() - 1).data().get("name");
		Http.Response now = Http.graphql(first.graphqlUrl(), "query($id: ID!) { user(id: $id) { name } }", Map.of("id", id));
		assertThat(now.object("user")).containsEntry("name", last);
	}

	@Test
	void updateIfAppliesOnlyWhenTheCommittedStateSaysSo() {
		String id = first.commands().create("User", Map.of("handle", "cas", "name", "v1"), null).id();
		var skipped = first.commands().updateIf("User", id, u -> "v0".equals(u.get("name")), Map.of("name", "v2"), null);
		assertThat(skipped.skipped()).isTrue();
		assertThat(skipped.state()).containsEntry("name", "v1");
		var applied = first.commands().updateIf("User", id, u -> "v1".equals(u.get("name")), Map.of("name", "v2"), null);
		assertThat(applied.skipped()).isFalse();
		assertThat(applied.state()).containsEntry("name", "v2");
		assertThat(history(id)).hasSize(2);
	}

	private List<Event> history(String id) {
		try {
			return historyOf(id);
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private List<Event> historyOf(String id) throws Exception {
		String stream = broker.names().stream("accounts");
		String subject = broker.names().entitySubject("accounts", "User", id);
		List<Event> events = new ArrayList<>();
		long last = broker.management().getStreamInfo(stream).getStreamState().getLastSequence();
		for (long seq = 1; seq <= last; seq++) {
			MessageInfo info = broker.management().getMessage(stream, seq);
			if (info.getSubject().equals(subject)) {
				events.add(EventCodec.decode(info.getData()));
			}
		}
		return events;
	}

	private long creations() throws Exception {
		return broker.management().getStreamInfo(broker.names().stream("accounts")).getStreamState().getMsgCount();
	}

	interface Call {
		Http.Response run(int i) throws Exception;
	}

	static List<Http.Response> race(int count, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Http.Response>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			Callable<Http.Response> task = () -> {
				go.await();
				return call.run(n);
			};
			futures.add(pool.submit(task));
		}
		go.countDown();
		List<Http.Response> responses = new ArrayList<>();
		for (Future<Http.Response> future : futures) {
			responses.add(future.get());
		}
		pool.shutdown();
		return responses;
	}
}
