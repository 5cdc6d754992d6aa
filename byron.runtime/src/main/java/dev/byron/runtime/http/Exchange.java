package dev.byron.runtime.http;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP request and its answer, as Byron's handlers see them: the request line, headers and body to read, and
 * one {@link #respond} that sends the whole answer.
 */
public final class Exchange {
	private final Request request;
	private final Response response;
	private final Callback callback;
	private InputStream body;
	private final java.util.concurrent.atomic.AtomicBoolean responded = new java.util.concurrent.atomic.AtomicBoolean();

	Exchange(Request request, Response response, Callback callback) {
		this.request = request;
		this.response = response;
		this.callback = callback;
	}

	/** The body the server has read already, whole. */
	void body(byte[] bytes) {
		this.body = new java.io.ByteArrayInputStream(bytes);
	}

	public String method() {
		return request.getMethod();
	}

	/** The path, as sent (not decoded). */
	public String path() {
		return request.getHttpURI().getPath();
	}

	/** The query string, as sent, or null. */
	public String rawQuery() {
		return request.getHttpURI().getQuery();
	}

	/** The host (and port, when given) the client addressed: HTTP/1.1's {@code Host} header, HTTP/2's {@code :authority}. */
	public String authority() {
		return request.getHttpURI().getAuthority();
	}

	/** The first value of a request header, or null. */
	public String header(String name) {
		return request.getHeaders().get(name);
	}

	/** How many times a request header was sent. */
	public int headerCount(String name) {
		return request.getHeaders().getValuesList(name).size();
	}

	/** The request body, read as the client sends it (reads time out with the server's idle timeout). */
	public InputStream body() {
		if (body == null) {
			body = Content.Source.asInputStream(request);
		}
		return body;
	}

	public Object attribute(String name) {
		return request.getAttribute(name);
	}

	public void attribute(String name, Object value) {
		request.setAttribute(name, value);
	}

	/** Sets a response header, replacing one of the same name. */
	public void setHeader(String name, String value) {
		response.getHeaders().put(name, value);
	}

	/** Adds a response header beside others of the same name. */
	public void addHeader(String name, String value) {
		response.getHeaders().add(name, value);
	}

	public boolean responded() {
		return responded.get();
	}

	public void respond(int status, String contentType, String body) {
		respond(status, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends the answer; the exchange ends when the client has it. */
	public void respond(int status, String contentType, byte[] body) {
		if (!responded.compareAndSet(false, true)) {
			throw new IllegalStateException("This exchange has been answered already.");
		}
		write(status, contentType, body, false);
	}

	private void write(int status, String contentType, byte[] body, boolean close) {
		response.setStatus(status);
		if (close) {
			response.getHeaders().put(HttpHeader.CONNECTION, "close");
		}
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
		response.write(true, ByteBuffer.wrap(body), callback);
	}

	/** Sends an answer without a body. */
	public void respond(int status) {
		if (!responded.compareAndSet(false, true)) {
			throw new IllegalStateException("This exchange has been answered already.");
		}
		response.setStatus(status);
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
		response.write(true, null, callback);
	}

	/** Ends an exchange that failed before it answered. */
	void fail(Throwable cause) {
		if (responded.compareAndSet(false, true)) {
			callback.failed(cause);
		}
	}

	/**
	 * Answers unless something answered first (the body deadline and a late body race for it), and closes the
	 * connection after the answer (a body left unread cannot be followed by another request).
	 */
	boolean respondAndCloseIfFirst(int status, String contentType, byte[] body) {
		if (!responded.compareAndSet(false, true)) {
			return false;
		}
		write(status, contentType, body, true);
		return true;
	}

	Request request() {
		return request;
	}
}
