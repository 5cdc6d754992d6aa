package dev.byron.runtime.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The gateway's calls to components, on Jetty's HTTP client: kept-alive HTTP/1.1 connections pooled per instance,
 * a connection the component closed noticed while it is idle (so a stopped instance is not written to), and a
 * call sent once, never again: a mutation may have been applied. The JDK's client took about half a millisecond
 * more per call here (ADR 27).
 */
final class ComponentCalls implements AutoCloseable {
	/** The largest answer a component may give. */
	private static final int MAX_ANSWER_BYTES = 64 << 20;

	/** A component's answer: its HTTP status and body. */
	record Answer(int status, byte[] body) {
	}

	private final HttpClient http = new HttpClient();
	private final Duration answerTimeout;

	ComponentCalls(Duration connectTimeout, Duration answerTimeout) {
		this.answerTimeout = answerTimeout;
		QueuedThreadPool threads = new QueuedThreadPool(256, 4);
		threads.setName("byron-gateway-calls");
		threads.setDaemon(true);
		http.setExecutor(threads);
		http.setConnectTimeout(connectTimeout.toMillis());
		http.setIdleTimeout(20_000); // below the components' 30 s, so the gateway closes an idle connection first
		http.setMaxConnectionsPerDestination(256);
		http.setFollowRedirects(false);
		http.setUserAgentField(null);
		http.getContentDecoderFactories().clear();
		try {
			http.start();
		} catch (Exception e) {
			throw new IllegalStateException("The gateway's HTTP client did not start: " + e.getMessage(), e);
		}
	}

	/**
	 * Posts {@code json} to {@code url}.
	 *
	 * @throws ConnectException when the call failed before any of it was sent: another instance may take it
	 * @throws SocketTimeoutException when the component did not answer in time
	 * @throws IOException when the connection broke after the call was sent
	 */
	Answer post(String url, byte[] json, Map<String, String> headers) throws IOException {
		AtomicBoolean sent = new AtomicBoolean();
		Request request = http.newRequest(url).method(HttpMethod.POST).timeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)
				.headers(fields -> headers.forEach(fields::put)).body(new BytesRequestContent("application/json", json))
				.onRequestCommit(committed -> sent.set(true));
		try {
			ContentResponse response = new CompletableResponseListener(request, MAX_ANSWER_BYTES).send().get();
			return new Answer(response.getStatus(), response.getContent());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			request.abort(e);
			throw new IOException("interrupted", e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof TimeoutException) {
				throw new SocketTimeoutException(cause.getMessage());
			}
			if (!sent.get()) {
				throw new ConnectException(String.valueOf(cause.getMessage()));
			}
			throw cause instanceof IOException io ? io : new IOException(cause);
		}
	}

	@Override
	public void close() {
		try {
			http.stop();
		} catch (Exception e) {
			// stopping: nothing is waiting for these connections any more
		}
	}
}
