package dev.byron.modeler.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;
import com.google.inject.Injector;

import dev.byron.dsl.ide.ByronLanguageServer;

/**
 * The Byron language server for one editor page, over the page's WebSocket: each text frame is one JSON-RPC
 * message (as LSP clients in the browser send them), turned into and out of the {@code Content-Length} framing
 * the server reads and writes. The server is the one {@code byron lsp} runs, in this process, with the project
 * folder as its workspace; it ends when the page goes.
 */
public final class LanguageServerSocket implements Session.Listener.AutoDemanding {
	private static final byte[] END = new byte[0];

	private final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
	private final ExecutorService messages = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "byron-web-lsp");
		thread.setDaemon(true);
		return thread;
	});
	private Injector injector;
	private Future<Void> listening;
	private Session session;
	/** Set when the page went: what the server still writes (late diagnostics) is dropped, not an error. */
	private volatile boolean closed;

	@Override
	public void onWebSocketOpen(Session session) {
		this.session = session;
		injector = Guice.createInjector(ByronLanguageServer.module());
		LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>().setLocalService(server)
				.setRemoteInterface(LanguageClient.class).setInput(new Frames()).setOutput(new Framing())
				.setExecutorService(messages).create();
		server.connect(launcher.getRemoteProxy());
		listening = launcher.startListening();
	}

	@Override
	public void onWebSocketText(String message) {
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		incoming.add(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		incoming.add(body);
	}

	@Override
	public void onWebSocketClose(int statusCode, String reason, Callback callback) {
		end();
		callback.succeed();
	}

	@Override
	public void onWebSocketError(Throwable cause) {
		end();
	}

	private void end() {
		closed = true;
		incoming.add(END);
		if (listening != null) {
			listening.cancel(true);
		}
		messages.shutdownNow();
		if (injector != null) {
			injector.getInstance(org.eclipse.xtext.ide.ExecutorServiceProvider.class).dispose(); // the server's request threads
		}
	}

	/** What the page sent, as one stream in the server's framing. */
	private final class Frames extends InputStream {
		private byte[] chunk = new byte[0];
		private int at;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] into, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (at == chunk.length) {
				try {
					chunk = incoming.take();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return -1;
				}
				at = 0;
				if (chunk == END) {
					incoming.add(END);
					return -1;
				}
			}
			int count = Math.min(length, chunk.length - at);
			System.arraycopy(chunk, at, into, offset, count);
			at += count;
			return count;
		}
	}

	/** What the server writes, cut at its {@code Content-Length} headers into one text frame per message. */
	private final class Framing extends OutputStream {
		private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

		@Override
		public synchronized void write(int b) throws IOException {
			pending.write(b);
			sendWhole();
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
			pending.write(bytes, offset, length);
			sendWhole();
		}

		private void sendWhole() throws IOException {
			while (true) {
				byte[] buffered = pending.toByteArray();
				int headerEnd = indexOf(buffered, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				if (headerEnd < 0) {
					return;
				}
				int length = contentLength(new String(buffered, 0, headerEnd, StandardCharsets.US_ASCII));
				int start = headerEnd + 4;
				if (buffered.length < start + length) {
					return;
				}
				String message = new String(buffered, start, length, StandardCharsets.UTF_8);
				pending.reset();
				pending.write(buffered, start + length, buffered.length - start - length);
				if (closed) {
					continue;
				}
				Callback.Completable sent = new Callback.Completable();
				session.sendText(message, sent);
				try {
					sent.get();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted while sending to the page", e);
				} catch (java.util.concurrent.ExecutionException e) {
					if (closed || !session.isOpen()) {
						closed = true; // the page went while this was on its way
						continue;
					}
					throw new IOException("the page's connection failed: " + e.getCause(), e.getCause());
				}
			}
		}

		private static int contentLength(String header) throws IOException {
			for (String line : header.split("\r\n")) {
				if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
					return Integer.parseInt(line.substring(15).trim());
				}
			}
			throw new IOException("a message from the language server without Content-Length: " + header);
		}

		private static int indexOf(byte[] in, byte[] what) {
			outer: for (int i = 0; i + what.length <= in.length; i++) {
				for (int j = 0; j < what.length; j++) {
					if (in[i + j] != what[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}
	}
}
