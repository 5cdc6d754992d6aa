package dev.byron.bench.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Closed-loop HTTP load: {@code connections} clients, each on its own kept-alive HTTP/1.1 connection, send one
 * request after another for a fixed time. What a benchmark table needs: requests per second, p50 and p99, failures.
 * The clients are Apache HttpClient's blocking ones: the load runs on the same cores as the server it measures, and
 * the JDK's client took several times their CPU per request (ADR 27).
 */
public final class HttpLoad {
	/** The outcome of one load. */
	public record Result(int connections, double perSecond, double p50Millis, double p99Millis, long failed) {
	}

	private HttpLoad() {
	}

	/** {@code body} gives the JSON body of the i-th request of a client (a fresh value per request where one is needed). */
	public static Result run(URI uri, int connections, Duration duration, IntFunction<String> body,
			java.util.function.Predicate<String> ok) throws Exception {
		return run(uri, connections, duration, 0, body, ok);
	}

	/**
	 * Open-loop load: requests sent at {@code perSecond}, evenly spaced, by whichever of the {@code connections} clients
	 * is free; each one's latency counts from when it was due, not from when a client got to it, so a server falling
	 * behind shows in the percentiles instead of slowing the load down (coordinated omission).
	 */
	public static Result atRate(URI uri, int connections, double perSecond, Duration duration, IntFunction<String> body,
			java.util.function.Predicate<String> ok) throws Exception {
		return run(uri, connections, duration, perSecond, body, ok);
	}

	private static Result run(URI uri, int connections, Duration duration, double perSecond, IntFunction<String> body,
			java.util.function.Predicate<String> ok) throws Exception {
		java.util.concurrent.atomic.AtomicLong due = new java.util.concurrent.atomic.AtomicLong();
		long spacing = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
		ExecutorService clients = Executors.newFixedThreadPool(connections);
		CountDownLatch ready = new CountDownLatch(connections);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<List<Double>>> results = new ArrayList<>();
		long[] failed = new long[connections];
		long[] end = new long[1];
		for (int c = 0; c < connections; c++) {
			int client = c;
			results.add(clients.submit(() -> {
				List<Double> millis = new ArrayList<>();
				try (CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().disableCookieManagement()
						.disableContentCompression().build()) {
					ready.countDown();
					go.await();
					for (int i = 0; System.nanoTime() < end[0]; i++) {
						long start = System.nanoTime();
						if (spacing > 0) {
							start = end[0] - duration.toNanos() + due.getAndIncrement() * spacing;
							if (start >= end[0]) {
								break;
							}
							long wait = start - System.nanoTime();
							if (wait > 0) {
								java.util.concurrent.locks.LockSupport.parkNanos(wait);
							}
						}
						HttpPost post = new HttpPost(uri);
						post.setEntity(new StringEntity(body.apply(client * 10_000_000 + i), ContentType.APPLICATION_JSON));
						boolean answered = http.execute(post, response -> response.getCode() == 200
								&& ok.test(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
						if (answered) {
							millis.add((System.nanoTime() - start) / 1e6);
						} else {
							failed[client]++;
						}
					}
				}
				return millis;
			}));
		}
		ready.await();
		end[0] = System.nanoTime() + duration.toNanos();
		go.countDown();
		List<Double> all = new ArrayList<>();
		for (Future<List<Double>> result : results) {
			all.addAll(result.get());
		}
		clients.shutdown();
		Collections.sort(all);
		long failures = 0;
		for (long f : failed) {
			failures += f;
		}
		if (all.isEmpty()) {
			return new Result(connections, 0, Double.NaN, Double.NaN, failures);
		}
		return new Result(connections, all.size() / (duration.toNanos() / 1e9), percentile(all, 0.50), percentile(all, 0.99), failures);
	}

	private static double percentile(List<Double> sorted, double p) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
	}
}
