package dev.byron.runtime.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.api.GraphQLErrors;

/**
 * The HTTP server under the gateway and every component: Jetty 12 (ADR 23) with the {@link ServerLimits}, TCP_NODELAY,
 * keep-alive, and HTTP/2 without TLS (h2c) beside HTTP/1.1. A request goes to the handler of the longest path prefix
 * it starts with; errors the server answers itself (headers too large, a malformed request) are GraphQL-shaped JSON
 * that names no class.
 */
public final class WebServer implements AutoCloseable {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebServer.class);

	private final Server server;
	private final ServerConnector connector;

	private WebServer(String host, int port, Map<String, HttpHandler> routes, ServerLimits limits, String threadName,
			java.util.function.BiFunction<Server, Handler, Handler> front) {
		QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()));
		threads.setName(threadName);
		threads.setDaemon(true);
		server = new Server(threads);
		HttpConfiguration http = new HttpConfiguration();
		http.setRequestHeaderSize(limits.maxHeaderBytes());
		http.setSendServerVersion(false);
		http.setSendXPoweredBy(false);
		http.setSendDateHeader(false);
		connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
		connector.setHost(host);
		connector.setPort(port);
		connector.setIdleTimeout(limits.idleTimeout().toMillis());
		connector.setAcceptedTcpNoDelay(true);
		connector.setAcceptQueueSize(1024);
		server.addConnector(connector);
		NetworkConnectionLimit connections = new NetworkConnectionLimit(limits.maxConnections(), server);
		connections.setEndPointIdleTimeout(Math.min(1000, limits.idleTimeout().toMillis()));
		server.addBean(connections);
		server.setHandler(front.apply(server, new Routes(routes, limits)));
		server.setErrorHandler(WebServer::error);
	}

	/** Starts a server on {@code host:port} (0 for a free port) that answers with {@code routes} by path prefix. */
	public static WebServer start(String host, int port, Map<String, HttpHandler> routes, ServerLimits limits, String threadName)
			throws IOException {
		return start(host, port, routes, limits, threadName, (server, handler) -> handler);
	}

	/**
	 * As {@link #start(String, int, Map, ServerLimits, String)}, with a Jetty handler in front of the routes that
	 * {@code front} makes for the server (a WebSocket upgrade, say), which hands what it does not take on to them.
	 */
	public static WebServer start(String host, int port, Map<String, HttpHandler> routes, ServerLimits limits, String threadName,
			java.util.function.BiFunction<Server, Handler, Handler> front) throws IOException {
		WebServer web = new WebServer(host, port, routes, limits, threadName, front);
		try {
			web.server.start();
		} catch (IOException e) {
			web.close();
			throw e;
		} catch (Exception e) {
			web.close();
			throw new IOException("The HTTP server on " + host + ":" + port + " did not start: " + e.getMessage(), e);
		}
		return web;
	}

	public int port() {
		return connector.getLocalPort();
	}

	public InetSocketAddress address() {
		return new InetSocketAddress(connector.getHost(), port());
	}

	@Override
	public void close() {
		try {
			server.stop();
		} catch (Exception e) {
			LOG.debug("HTTP server stopped with {}", e.toString());
		}
	}

	/** The JSON answer for what the server refuses before any handler runs. */
	private static boolean error(Request request, Response response, Callback callback) throws IOException {
		Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
		int code = status instanceof Integer number ? number : response.getStatus();
		String message = switch (code) {
			case 431 -> "The request's headers are too large.";
			case 413 -> "The request is too large.";
			case 404 -> "Nothing here: GraphQL is at /graphql.";
			case 408 -> "The request took too long to arrive.";
			default -> code >= 500 ? "Internal error." : "The request is malformed (HTTP " + code + ").";
		};
		byte[] body = JSON.writeValueAsBytes(GraphQLErrors.response(code >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION, message));
		response.setStatus(code);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
		response.write(true, ByteBuffer.wrap(body), callback);
		return true;
	}

	/**
	 * Dispatches by the longest matching path prefix, and answers what a handler let fail. A request with a body is
	 * handled once its body has arrived whole, read without holding a thread.
	 */
	private static final class Routes extends Handler.Abstract {
		/** How many times the limit a declared body may be and still be read (and dropped) before the 413. */
		private static final int DRAINED_BODIES = 4;
		private final List<Map.Entry<String, HttpHandler>> routes;
		private final ServerLimits limits;

		Routes(Map<String, HttpHandler> routes, ServerLimits limits) {
			this.routes = new LinkedHashMap<>(routes).entrySet().stream()
					.sorted(Comparator.comparingInt((Map.Entry<String, HttpHandler> route) -> route.getKey().length()).reversed())
					.toList();
			this.limits = limits;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) {
			Exchange exchange = new Exchange(request, response, callback);
			String path = exchange.path();
			HttpHandler handler = routes.stream().filter(route -> path.startsWith(route.getKey())).map(Map.Entry::getValue)
					.findFirst().orElse(null);
			if (handler == null) {
				exchange.respond(404, "application/json", error(ErrorCode.NOT_FOUND, "Nothing here: GraphQL is at /graphql."));
				return true;
			}
			long declared = request.getLength();
			if (declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
				run(handler, exchange); // no body
				return true;
			}
			if (declared > limits.maxBodyBytes()) {
				refuseTooLarge(request, exchange, declared <= DRAINED_BODIES * (long) limits.maxBodyBytes());
				return true;
			}
			java.util.concurrent.CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, limits.maxBodyBytes());
			if (body.isDone() && !body.isCompletedExceptionally()) {
				exchange.body(body.join()); // it came with the headers: go on, on this thread
				run(handler, exchange);
				return true;
			}
			var deadline = request.getComponents().getScheduler().schedule(() -> {
				if (exchange.respondAndCloseIfFirst(408, "application/json", error(ErrorCode.VALIDATION,
						"The request's body did not arrive within " + limits.bodyDeadline().toSeconds() + " s."))) {
					body.cancel(false);
				}
			}, limits.bodyDeadline());
			body.whenComplete((bytes, failure) -> {
				deadline.cancel();
				if (exchange.responded()) {
					return;
				}
				if (failure != null) {
					Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
					// Jetty's accumulator refuses the byte past the limit this way; a broken connection is an IOException
					boolean tooLarge = cause instanceof IllegalStateException || cause instanceof IllegalArgumentException;
					if (tooLarge) {
						refuseTooLarge(request, exchange, true);
					} else if (cause instanceof java.util.concurrent.TimeoutException) {
						// idle past the connection's timeout, which is short once many connections are open: as late as past the deadline
						exchange.respondAndCloseIfFirst(408, "application/json", error(ErrorCode.VALIDATION,
								"The request's body stopped arriving for " + idleSeconds(request) + " s."));
					} else {
						LOG.debug("a request body did not arrive: {}", failure.toString());
						exchange.fail(failure);
					}
					return;
				}
				exchange.body(bytes);
				request.getComponents().getExecutor().execute(() -> run(handler, exchange));
			});
			return true;
		}

		/**
		 * Answers 413 and closes the connection. A client that sends its body without waiting for an answer would
		 * have that answer reset away if the connection closed on unread bytes, so a body up to a few times the limit
		 * is read and dropped first, for at most the body deadline; a larger one is refused at once.
		 */
		private void refuseTooLarge(Request request, Exchange exchange, boolean drainFirst) {
			byte[] answer = error(ErrorCode.VALIDATION, "The request is larger than " + limits.maxBodyBytes() + " bytes.");
			if (!drainFirst) {
				exchange.respondAndCloseIfFirst(413, "application/json", answer);
				return;
			}
			var deadline = request.getComponents().getScheduler().schedule(
					() -> exchange.respondAndCloseIfFirst(413, "application/json", answer), limits.bodyDeadline());
			Content.Source.consumeAll(request, Callback.from(() -> {
				deadline.cancel();
				exchange.respondAndCloseIfFirst(413, "application/json", answer);
			}, failure -> {
				deadline.cancel();
				exchange.respondAndCloseIfFirst(413, "application/json", answer);
			}));
		}

		private static long idleSeconds(Request request) {
			return Math.max(1, request.getConnectionMetaData().getConnection().getEndPoint().getIdleTimeout() / 1000);
		}

		private static void run(HttpHandler handler, Exchange exchange) {
			try {
				handler.handle(exchange);
				if (!exchange.responded()) {
					exchange.respond(500, "application/json", internal());
				}
			} catch (Exception | Error e) {
				if (!exchange.responded()) {
					LOG.error("request failed on {} {}", exchange.method(), exchange.path(), e);
					exchange.respondAndCloseIfFirst(500, "application/json", internal());
				}
			}
		}

		private static byte[] error(ErrorCode code, String message) {
			try {
				return JSON.writeValueAsBytes(GraphQLErrors.response(code, message));
			} catch (java.io.IOException e) {
				return internal();
			}
		}

		private static byte[] internal() {
			return "{\"errors\":[{\"message\":\"Internal error.\",\"extensions\":{\"code\":\"INTERNAL\"}}]}"
					.getBytes(StandardCharsets.UTF_8);
		}
	}
}
