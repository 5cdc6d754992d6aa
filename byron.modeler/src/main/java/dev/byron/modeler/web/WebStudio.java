package dev.byron.modeler.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.byron.dsl.api.ModelDiagnostic;
import dev.byron.diagram.C4Level;
import dev.byron.diagram.LaidOutDiagram;
import dev.byron.modeler.studio.Analysis;
import dev.byron.modeler.studio.Project;
import dev.byron.modeler.studio.StudioCore;
import dev.byron.runtime.http.Exchange;
import dev.byron.runtime.http.HttpHandler;
import dev.byron.runtime.http.ServerLimits;
import dev.byron.runtime.http.WebServer;

/**
 * Byron Studio in the browser: the same {@link StudioCore} as the desktop window, behind a small JSON API, and
 * a page that edits the project's texts and draws the diagram the server lays out (SVG, the same layout as the
 * desktop and {@code byron diagram}). It answers only on the loopback address it was given and only to pages it
 * served itself (the Host and Origin are checked), since it writes the project's files.
 */
public final class WebStudio implements AutoCloseable {
	private static final ObjectMapper JSON = new ObjectMapper();
	private final Project project;
	private final StudioCore core;
	private final WebServer server;
	private final RunLog log = new RunLog();
	/** Counts the moves and fresh layouts made from any page: another page draws its picture again when it changes. */
	private final java.util.concurrent.atomic.AtomicLong layouts = new java.util.concurrent.atomic.AtomicLong();
	/**
	 * What the Java compiler said of {@code hooks/} when it was last checked, after a save (as Run would compile it):
	 * listed with the model's problems until the file is edited or checked again.
	 */
	private volatile List<ModelDiagnostic> hookProblems = List.of();
	/** Counts the checks of {@code hooks/}: a page draws its problems again when it changes. */
	private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();
	/** The running system's last sample, which each poll of the page answers with while it asks for the next. */
	private volatile dev.byron.modeler.studio.LiveSystem.Snapshot sampled;

	private WebStudio(Project project, String host, int port) throws IOException {
		this.project = project;
		this.core = new StudioCore(project, Runnable::run, new StudioCore.Listener() {
			@Override
			public void log(String line) {
				log.add(line);
			}

			@Override
			public void failed(String job, String reason) {
				String said = job + " failed: " + reason;
				log.add(said);
				failures.incrementAndGet();
				lastFailure = said.lines().findFirst().orElse(said);
			}
		});
		Map<String, HttpHandler> routes = new LinkedHashMap<>();
		routes.put("/api/project", guarded(this::projectFiles));
		routes.put("/api/file", guarded(this::putFile));
		routes.put("/api/new-file", guarded(this::nameNewFile));
		routes.put("/api/analysis", guarded(this::analysis));
		routes.put("/api/problems", guarded(this::problems));
		routes.put("/api/save", guarded(this::save));
		routes.put("/api/move", guarded(this::move));
		routes.put("/api/subscribe", guarded(this::subscribe));
		routes.put("/api/fix", guarded(this::fix));
		routes.put("/api/rename", guarded(this::rename));
		routes.put("/api/delete", guarded(this::delete));
		routes.put("/api/add", guarded(this::add));
		routes.put("/api/name-check", guarded(this::nameCheck));
		routes.put("/catalogue/", guarded(this::catalogue));
		routes.put("/api/component", guarded(this::switchComponent));
		routes.put("/api/disk", guarded(this::disk));
		routes.put("/api/disk-text", guarded(this::diskText));
		routes.put("/api/run", guarded(this::run));
		routes.put("/api/stop", guarded(this::stop));
		routes.put("/api/generate", guarded(this::generate));
		routes.put("/api/live", guarded(this::live));
		routes.put("/api/dead-letters", guarded(this::deadLetters));
		routes.put("/api/layout/reset", guarded(this::resetLayout));
		routes.put("/api/syntax", guarded(this::syntax));
		routes.put("/", guarded(this::page));
		this.server = WebServer.start(host, port, routes, ServerLimits.DEFAULT, "byron-web-studio", this::withLanguageServer);
		// the view a page opens on, drawn while the browser starts: the page's first request finds it done
		drawAhead(Map.of("level", C4Level.CONTAINERS.name().toLowerCase(java.util.Locale.ROOT)));
	}

	/** Serves the studio for a project on {@code host} (a loopback address) and {@code port} (0: any free one). */
	public static WebStudio start(Project project, String host, int port) throws IOException {
		if (!java.net.InetAddress.getByName(host).isLoopbackAddress()) {
			throw new IllegalArgumentException("Byron Studio on the web answers on this machine only: " + host
					+ " is not a loopback address (use 127.0.0.1).");
		}
		return new WebStudio(project, host, port);
	}

	public String url() {
		return "http://" + server.address().getHostString() + ":" + server.port() + "/";
	}

	/** The studio's core, shared with the desktop window (for tests that act on the system it runs). */
	StudioCore core() {
		return core;
	}

	/** Refuses requests that do not come from a page of this server (DNS rebinding, other sites' scripts). */
	private HttpHandler guarded(HttpHandler handler) {
		return exchange -> {
			if (!fromOwnPage(exchange.header("Host"), exchange.header("Origin"))) {
				exchange.respond(403, "text/plain; charset=utf-8", "Byron Studio answers its own pages on this machine only.");
				return;
			}
			handler.handle(exchange);
		};
	}

	/** Whether a request names this server by a loopback name and, when it says where it comes from, one of its pages. */
	private boolean fromOwnPage(String host, String origin) {
		String expected = ":" + server.port();
		boolean local = host != null && (host.equals("127.0.0.1" + expected) || host.equals("localhost" + expected)
				|| host.equals("[::1]" + expected));
		return local && (origin == null || origin.equals("http://" + host));
	}

	/**
	 * The editor's language server at {@code /lsp}: a WebSocket upgrade, checked as every other request (a browser
	 * sends any site's WebSocket to any address, with that site as its Origin).
	 */
	private org.eclipse.jetty.server.Handler withLanguageServer(org.eclipse.jetty.server.Server jetty,
			org.eclipse.jetty.server.Handler routes) {
		var upgrades = org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler.from(jetty, container -> {
			container.setMaxTextMessageSize(32 * 1024 * 1024); // a whole model file in one didOpen
			container.setIdleTimeout(java.time.Duration.ofHours(8));
			container.addMapping("/lsp", (request, response, callback) -> {
				if (!fromOwnPage(request.getHeaders().get("Host"), request.getHeaders().get("Origin"))) {
					org.eclipse.jetty.server.Response.writeError(request, response, callback, 403,
							"Byron Studio answers its own pages on this machine only.");
					return null;
				}
				return new LanguageServerSocket();
			});
		});
		upgrades.setHandler(routes);
		return upgrades;
	}

	/** The editor's highlighting: the same token classes as the desktop editor's, from the one list of keywords. */
	private void syntax(Exchange exchange) throws IOException {
		json(exchange, 200, dev.byron.modeler.studio.SyntaxHighlighter.tokenClasses());
	}

	private void page(Exchange exchange) throws IOException {
		String path = exchange.path();
		String resource = switch (path) {
			case "/", "/index.html" -> "index.html";
			case "/studio.js" -> "studio.js";
			case "/studio.css" -> "studio.css";
			case "/editor.js" -> "editor.js";
			case "/diagram-view.js" -> "diagram-view.js";
			default -> null;
		};
		if (resource == null) {
			exchange.respond(404, "text/plain; charset=utf-8", "No such page: " + path);
			return;
		}
		// the diagram's drawing code is the diagram module's, shared with the VS Code webview
		Class<?> owner = resource.equals("diagram-view.js") ? dev.byron.diagram.DiagramPage.class : WebStudio.class;
		try (InputStream in = owner.getResourceAsStream(resource)) {
			if (in == null) { // the editor is bundled by npm at build time: a build without it falls back to plain text
				exchange.respond(404, "text/plain; charset=utf-8", "Not in this build: " + path);
				return;
			}
			exchange.setHeader("Cache-Control", "no-store");
			exchange.respond(200, contentType(resource), in.readAllBytes());
		}
	}

	/**
	 * The project's files with the edits held here; for a page that opens ({@code ?open=1}), as the disk has them now, what
	 * changed while no page was open included (a page already open hears of changes from {@code /api/disk}).
	 */
	private void projectFiles(Exchange exchange) throws IOException {
		Map<String, String> asked = query(exchange.rawQuery());
		if (asked.containsKey("open")) {
			project.reload(); // a file edited on both sides stays as edited here; the page's first look at the disk asks
			drawAhead(asked); // the view the page shows first: drawn while the files are on their way
		}
		List<Map<String, Object>> files = new ArrayList<>();
		for (Path file : project.files()) {
			files.add(listed(file));
		}
		json(exchange, 200, Map.of("folder", project.folder().getFileName().toString(), "rootUri", project.folder().toUri().toString(),
				"files", files, "catalogue", hasCatalogue(), "instance", instance));
	}

	/** A file as the page lists and edits it. */
	private Map<String, Object> listed(Path file) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("disk", project.isModified(file) ? project.diskText(file) : null); // what its edits here were made on
		entry.put("path", project.relative(file));
		entry.put("uri", file.toUri().toString());
		entry.put("model", Project.isModel(file));
		entry.put("modified", project.isModified(file));
		entry.put("text", project.text(file));
		entry.put("version", project.version(file));
		return entry;
	}

	/**
	 * A new model file made from the page's file list ({@code POST ?path=}), empty: the next save writes it once it has
	 * text. Answers the file as {@code /api/project} lists it, or 400 with why the name cannot be one.
	 */
	private void nameNewFile(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST to make a file.")) {
			return;
		}
		Project.NewFile made = project.newFile(query(exchange.rawQuery()).get("path"));
		if (made.file() == null) {
			exchange.respond(400, "text/plain; charset=utf-8", made.problem());
			return;
		}
		project.make(made.file());
		json(exchange, 200, listed(made.file()));
	}

	private void putFile(Exchange exchange) throws IOException {
		if (refused(exchange, "PUT", "PUT the file's text.")) {
			return;
		}
		Path file = file(exchange);
		if (file == null && query(exchange.rawQuery()).containsKey("new")) { // a page's file this studio has not seen: made there
			file = newModelFile(query(exchange.rawQuery()).get("path"));
		}
		if (file == null) {
			exchange.respond(404, "text/plain; charset=utf-8", "Not a file of this project.");
			return;
		}
		Map<String, String> query = query(exchange.rawQuery());
		if (query.containsKey("handback")) { // a page's edits made while no studio ran, with the disk's text they were made on
			JsonNode body = JSON.readTree(exchange.body());
			Project.Update update = project.handBack(file, body.path("text").asText(),
					body.path("disk").isTextual() ? body.path("disk").asText() : null);
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("modified", project.isModified(file));
			answer.put("version", project.version(file));
			answer.put("text", update.text());
			answer.put("outcome", update.outcome().name().toLowerCase(java.util.Locale.ROOT));
			json(exchange, 200, answer);
			return;
		}
		String text = new String(exchange.body().readAllBytes(), StandardCharsets.UTF_8);
		String base = query.get("base");
		String tab = query.get("tab");
		long seq = parseLong(query.get("seq"));
		if (base != null && tab != null) {
			synchronized (lastSent) {
				Sent last = lastSent.get(file);
				if (last != null && last.tab().equals(tab)) {
					if (seq <= last.seq()) { // overtaken by this tab's later text (its last send, as it closed): stale
						json(exchange, 200, Map.of("modified", project.isModified(file), "version", project.version(file)));
						return;
					}
					if (base.equals(last.before())) {
						base = project.version(file); // typed on the text this tab sent last, whose answer it did not wait for
					}
				}
				String before = project.version(file);
				Project.Update update = project.setTextIf(file, base, text);
				if (update.outcome() != Project.Update.Outcome.CONFLICT) {
					lastSent.put(file, new Sent(tab, before, seq));
				}
				answerSet(exchange, file, query, update);
				return;
			}
		}
		if (base == null) {
			project.setText(file, text);
			drawAhead(query);
			json(exchange, 200, Map.of("modified", project.isModified(file), "version", project.version(file)));
			return;
		}
		answerSet(exchange, file, query, project.setTextIf(file, base, text));
	}

	/** The last text each file was given by a tab: which, on what text, and the tab's number for the send. */
	private record Sent(String tab, String before, long seq) {
	}

	private final Map<Path, Sent> lastSent = new java.util.HashMap<>();

	private static long parseLong(String number) {
		try {
			return number == null ? 0 : Long.parseLong(number);
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	/**
	 * Another page (a second tab) may have changed the file since this one last heard of it: its change is merged when
	 * it touched other lines, else the page is told (409) and its user chooses; nothing is lost unseen.
	 */
	private void answerSet(Exchange exchange, Path file, Map<String, String> query, Project.Update update) throws IOException {
		forgetHookProblems(file);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("modified", project.isModified(file));
		answer.put("version", project.version(file));
		if (update.outcome() != Project.Update.Outcome.CONFLICT) {
			drawAhead(query);
		}
		if (update.outcome() == Project.Update.Outcome.MERGED) {
			answer.put("merged", update.text());
		} else if (update.outcome() == Project.Update.Outcome.CONFLICT) {
			answer.put("text", update.text());
			answer.put("message", "Another page of this studio changed the same lines since this page last sent the file.");
		}
		json(exchange, update.outcome() == Project.Update.Outcome.CONFLICT ? 409 : 200, answer);
	}

	/**
	 * The page's view of the texts as they now are, started as its edit arrives or as it opens ({@code level} and
	 * {@code component} name the view): the page asks for it next, and gets this drawing instead of waiting for one to start.
	 */
	private void drawAhead(Map<String, String> query) {
		if (query.containsKey("level")) {
			try {
				core.drawing(level(query), query.get("component"));
			} catch (IllegalArgumentException e) {
				// not a level: the page's request for the view says so
			}
		}
	}

	private static C4Level level(Map<String, String> query) {
		return C4Level.parse(query.getOrDefault("level", "containers"));
	}

	/** What the compiler said of a file is stale once the file is edited: it leaves the problems until the next check. */
	private void forgetHookProblems(Path file) {
		synchronized (checks) {
			if (hookProblems.stream().anyMatch(problem -> file.equals(problem.file()))) {
				hookProblems = hookProblems.stream().filter(problem -> !file.equals(problem.file())).toList();
				checks.incrementAndGet();
			}
		}
	}

	private void save(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST to save.")) {
			return;
		}
		Project.Saved saved = project.save();
		if (!saved.deleted().isEmpty()) {
			log.add("Emptied, so deleted: " + saved.deleted().stream().map(project::relative).toList() + ".");
		}
		if (saved.changedAny()) { // what a saved model or Java file breaks in hooks/ shows now, not at the next Run
			core.saved(found -> { // the layout file forgets components the saved model lost
				boolean wasFailing;
				synchronized (checks) {
					wasFailing = hookProblems.stream().anyMatch(problem -> problem.severity() == dev.byron.dsl.api.Severity.ERROR);
					hookProblems = List.copyOf(found);
					checks.incrementAndGet();
				}
				long errors = found.stream().filter(problem -> problem.severity() == dev.byron.dsl.api.Severity.ERROR).count();
				if (errors > 0) {
					log.add("hooks/ does not compile against the saved model: " + errors + " problem" + (errors == 1 ? "" : "s")
							+ ", listed with the model's.");
				} else if (wasFailing) { // said once, when it mends: a line per save would say nothing new
					log.add("hooks/ compiles against the saved model again.");
				}
			});
		}
		json(exchange, 200, Map.of("written", saved.written().stream().map(project::relative).toList(), "changedOnDisk",
				saved.changedOnDisk().stream().map(project::relative).toList(), "deleted",
				saved.deleted().stream().map(project::relative).toList()));
	}

	/** The newest view drawn for a page, and its checks on their way: {@code /api/problems} answers with them. */
	private record Checking(long id, java.util.concurrent.CompletableFuture<Analysis> analysis) {
	}

	private final java.util.concurrent.atomic.AtomicLong drawings = new java.util.concurrent.atomic.AtomicLong();
	private final SentPictures pictures = new SentPictures();
	/** This run of the studio: a page that finds another one knows the studio was started again, with only the disk's texts. */
	private final String instance = java.util.UUID.randomUUID().toString();
	private volatile Checking checking;

	/**
	 * The view of the texts as they are, laid out, before their checks: the page draws it at once and asks
	 * {@code /api/problems?id=} for the problems, which the checks started here answer.
	 */
	private void analysis(Exchange exchange) throws IOException {
		Map<String, String> query = query(exchange.rawQuery());
		if (query.containsKey("open")) { // asked with the files by an opening page: of the disk as it is now, as they are
			project.reload();
		}
		long checked = checks.get();
		Analysis.Drawn drawn;
		try {
			drawn = core.drawing(level(query), query.get("component"))
					.get(60, TimeUnit.SECONDS);
		} catch (Exception e) {
			log.add("Could not draw the model: " + e);
			exchange.respond(503, "text/plain; charset=utf-8", "The model could not be read in time.");
			return;
		}
		var analysed = core.checked(drawn);
		analysed.thenAccept(done -> lastAnalysis = done);
		Checking now = new Checking(drawings.incrementAndGet(), analysed);
		checking = now;
		var page = dev.byron.diagram.DiagramPage.of(drawn.model(), drawn.diagram(), core.canLayOutAgain(drawn.diagram().diagram()),
				project::relative);
		Map<String, Object> answer = new LinkedHashMap<>(JSON.convertValue(page, Map.class));
		pictures.answer(page.svg(), query.get("shown"), answer);
		answer.put("problems", now.id());
		answer.put("checks", checked);
		json(exchange, 200, answer);
	}

	/** The problems of the newest view drawn ({@code ?id=} names the one the page drew; a newer one's are newer still). */
	private void problems(Exchange exchange) throws IOException {
		Checking now = checking;
		Analysis found = null;
		try {
			found = now == null ? analysed(Map.of()) : now.analysis().get(60, TimeUnit.SECONDS);
		} catch (Exception e) {
			log.add("Could not check the model: " + e);
		}
		Analysis result = found;
		if (result == null) {
			exchange.respond(503, "text/plain; charset=utf-8", "The model could not be checked in time.");
			return;
		}
		List<Map<String, Object>> diagnostics = new ArrayList<>();
		long checked = checks.get(); // read first: a check that ends meanwhile is newer than this answer, and the page asks again
		List<ModelDiagnostic> all = new ArrayList<>(result.diagnostics());
		all.addAll(hookProblems);
		for (ModelDiagnostic d : all) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("file", d.file() == null ? null : project.relative(d.file().toAbsolutePath().normalize()));
			entry.put("line", d.line());
			entry.put("column", d.column());
			entry.put("offset", d.offset());
			entry.put("length", d.length());
			entry.put("severity", d.severity().label());
			entry.put("code", d.code());
			entry.put("message", d.message());
			result.gap(d).filter(gap -> project.text(gap.file()) != null).ifPresent(gap -> entry.put("fix", core.hookFixTitle(gap)));
			diagnostics.add(entry);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", now == null ? 0 : now.id());
		answer.put("diagnostics", diagnostics);
		answer.put("checks", checked);
		json(exchange, 200, answer);
	}

	/**
	 * What changed on disk since the files were read: files without edits here are read again, those edited here on
	 * other lines get the disk's change too, new documents are added, and files edited on the same lines on both sides
	 * are conflicts the page resolves ({@code POST ?keep=path} keeps the
	 * page's text, which the next save writes; {@code POST ?take=path} takes the disk's). One tab asks its user: it
	 * claims the question first ({@code POST ?ask=path&tab=id}, refused while another tab holds it; {@code ?release=path}
	 * when it closes unanswered), and an answer to a conflict answered already is refused, so that the tab follows the
	 * first answer.
	 */
	private void disk(Exchange exchange) throws IOException {
		Map<String, String> query = query(exchange.rawQuery());
		String tab = query.getOrDefault("tab", "");
		if ("POST".equals(exchange.method())) {
			Path ask = query.containsKey("ask") ? own(query.get("ask")) : null;
			Path keep = query.containsKey("keep") ? own(query.get("keep")) : null;
			Path take = query.containsKey("take") ? own(query.get("take")) : null;
			Path release = query.containsKey("release") ? own(query.get("release")) : null;
			Path file = ask != null ? ask : keep != null ? keep : take != null ? take : release;
			if (file == null) {
				exchange.respond(404, "text/plain; charset=utf-8", "Not a file of this project.");
				return;
			}
			synchronized (asking) {
				if (release != null) { // the asking tab is closing: the question moves to another tab at once
					asking.computeIfPresent(release, (path, claim) -> claim.tab().equals(tab) ? null : claim);
					exchange.respond(204);
					return;
				}
				if (!project.inConflict(file)) {
					exchange.respond(409, "text/plain; charset=utf-8", "Answered already, in another tab.");
					return;
				}
				Asking claim = asking.get(file);
				if (ask != null) {
					if (claim != null && claim.live() && !claim.tab().equals(tab)) {
						exchange.respond(409, "text/plain; charset=utf-8", "Asked in another tab.");
						return;
					}
					asking.put(file, new Asking(tab, System.nanoTime()));
				} else {
					if (keep != null) {
						project.keepMine(keep);
					} else {
						project.takeDisk(take);
					}
					asking.remove(file);
				}
			}
			exchange.respond(204);
			return;
		}
		Project.Reloaded reloaded = project.reload();
		java.util.function.Function<Path, Map<String, Object>> held = file -> Map.of("path", project.relative(file), "text",
				project.text(file), "version", project.version(file));
		List<Map<String, Object>> changed = reloaded.reloaded().stream().map(held).toList();
		List<Map<String, Object>> merged = reloaded.merged().stream().map(held).toList();
		List<Map<String, Object>> added = new ArrayList<>();
		for (Path file : reloaded.added()) {
			added.add(Map.of("path", project.relative(file), "uri", file.toUri().toString(), "text", project.text(file),
					"model", Project.isModel(file), "modified", false, "version", project.version(file)));
		}
		// every file's text as held here: a page sees which ones another page changed
		Map<String, String> versions = new LinkedHashMap<>();
		List<String> modified = new ArrayList<>();
		project.files().forEach(file -> {
			versions.put(project.relative(file), project.version(file));
			if (project.isModified(file)) {
				modified.add(project.relative(file));
			}
		});
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("reloaded", changed);
		answer.put("merged", merged);
		answer.put("added", added);
		answer.put("conflicts", reloaded.conflicts().stream().map(project::relative).toList());
		answer.put("gone", reloaded.conflicts().stream().filter(file -> !Files.exists(file)).map(project::relative).toList());
		synchronized (asking) { // conflicts another tab is asking its user about: this one waits for the answer
			answer.put("askedElsewhere", asking.entrySet().stream().filter(claim -> claim.getValue().live() && !claim.getValue().tab().equals(tab))
					.map(claim -> project.relative(claim.getKey())).toList());
		}
		answer.put("deleted", reloaded.deleted().stream().map(project::relative).toList());
		answer.put("versions", versions);
		answer.put("modified", modified);
		// the versions of the disk's texts the edits held here were made on (a page asks for a text it does not have)
		Map<String, String> disks = new LinkedHashMap<>();
		modified.forEach(path -> disks.put(path, project.diskVersion(project.folder().resolve(path).toAbsolutePath().normalize())));
		answer.put("disks", disks);
		answer.put("layouts", layouts.get());
		answer.put("checks", checks.get());
		answer.put("instance", instance);
		json(exchange, 200, answer);
	}

	/**
	 * A project file's text on disk now ({@code ?path=}), null when it is not there: what a conflict's question shows;
	 * with {@code &base=1}, the disk's text the edits held here were made on, and its version (see {@code disks} of
	 * {@code /api/disk}).
	 */
	private void diskText(Exchange exchange) throws IOException {
		Path file = file(exchange);
		if (file == null) {
			exchange.respond(404, "text/plain; charset=utf-8", "Not a file of this project.");
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		if (query(exchange.rawQuery()).containsKey("base")) {
			answer.put("text", project.diskText(file));
			answer.put("version", project.diskVersion(file));
		} else {
			answer.put("text", Files.isRegularFile(file) ? Files.readString(file) : null);
		}
		json(exchange, 200, answer);
	}

	/**
	 * A conflict a tab is asking its user about (one tab asks, the others follow its answer): held while the tab
	 * renews it, so that the question moves to another tab when the asking one was closed.
	 */
	private record Asking(String tab, long since) {
		private static final long HELD = java.util.concurrent.TimeUnit.SECONDS.toNanos(12);

		boolean live() {
			return System.nanoTime() - since < HELD;
		}
	}

	private final Map<Path, Asking> asking = new java.util.HashMap<>();

	/** Starts the system as {@code byron run} does, its gateway on {@code port} (default 4000). */
	private void run(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST to run.")) {
			return;
		}
		String port = query(exchange.rawQuery()).getOrDefault("port", String.valueOf(dev.byron.deployer.local.LocalOptions.DEFAULT_PORT));
		if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
			exchange.respond(400, "text/plain; charset=utf-8", "The gateway's port is a number from 1 to 65535, e.g. 4000.");
			return;
		}
		core.run(Integer.parseInt(port), system -> { }, () -> { });
		exchange.respond(202);
	}

	private void stop(Exchange exchange) throws IOException {
		core.stop(() -> { });
		exchange.respond(202);
	}

	/** Writes the generated code and manifests to {@code out/} from the texts as they are, as the desktop's Generate does. */
	private void generate(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST to generate.")) {
			return;
		}
		core.generate();
		exchange.respond(202);
	}

	/** How many jobs (Run, Generate) failed, and the first line of the last one's reason: the page's header says it. */
	private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
	private volatile String lastFailure = "";

	/**
	 * The running system's state as the desktop diagram shows it, and the log's lines after the first
	 * {@code ?logAfter=} (numbered from 0; the page asks for what it does not have yet).
	 */
	private void live(Exchange exchange) throws IOException {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("failures", failures.get());
		answer.put("lastFailure", lastFailure);
		dev.byron.deployer.local.LocalSystem system = core.running();
		answer.put("running", system != null);
		if (system != null) {
			answer.put("gateway", system.gatewayUrl());
			core.sample(snapshot -> sampled = snapshot); // taken off this request; the next poll answers with it
			var snapshot = sampled;
			if (snapshot != null) {
				Map<String, Object> components = new LinkedHashMap<>();
				snapshot.components().forEach((name, state) -> components.put(name, Map.of("state",
						state.state().name().toLowerCase(java.util.Locale.ROOT), "deadLetters", state.deadLetters())));
				answer.put("components", components);
				answer.put("rates", snapshot.rates());
			}
		} else {
			sampled = null;
		}
		String after = query(exchange.rawQuery()).getOrDefault("logAfter", "0");
		RunLog.Lines lines = log.after(after.matches("\\d{1,18}") ? Long.parseLong(after) : 0);
		answer.put("logFrom", lines.from());
		answer.put("logEnd", lines.end());
		answer.put("log", lines.lines());
		json(exchange, 200, answer);
	}

	/**
	 * A running component's dead letters ({@code ?component=}): GET lists them, each with why it failed and what it held;
	 * POST {@code &sequence=&action=replay|drop} handles one again (it leaves the list when that succeeds) or drops it.
	 */
	private void deadLetters(Exchange exchange) throws IOException {
		Map<String, String> query = query(exchange.rawQuery());
		String component = query.getOrDefault("component", "");
		var letters = core.deadLetters(component);
		if (letters.isEmpty()) {
			exchange.respond(409, "text/plain; charset=utf-8", component + " is not running: run the system (or start "
					+ component + ") to see its dead letters.");
			return;
		}
		if ("POST".equals(exchange.method())) {
			String action = query.getOrDefault("action", "");
			String sequence = query.getOrDefault("sequence", "");
			if (!(action.equals("replay") || action.equals("drop")) || !sequence.matches("\\d{1,18}")) {
				exchange.respond(400, "text/plain; charset=utf-8", "POST ?component=&sequence=<a dead letter's number>&action=replay|drop.");
				return;
			}
			boolean replay = action.equals("replay");
			String done = replay ? "replayed" : "dropped";
			try {
				if (replay) {
					letters.get().replay(Long.parseLong(sequence));
				} else {
					letters.get().drop(Long.parseLong(sequence));
				}
			} catch (Exception e) {
				exchange.respond(409, "text/plain; charset=utf-8", "#" + sequence + " not " + done + ": " + e.getMessage());
				return;
			}
			log.add("Dead letter #" + sequence + " of " + component + " " + done + ".");
			exchange.respond(204);
			return;
		}
		json(exchange, 200, Map.of("letters", letters.get().list().stream().map(letter -> Map.of("sequence", letter.sequence(),
				"subject", letter.sourceSubject(), "time", letter.time().toString(), "error", String.valueOf(letter.error()),
				"event", letter.text())).toList()));
	}

	/**
	 * The edit that subscribes one component to an event of another, as the desktop makes it; the page applies it
	 * in its text, where the browser's undo takes it back.
	 */
	private void subscribe(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST the subscriber, the publisher and the event.")) {
			return;
		}
		JsonNode body = JSON.readTree(exchange.body());
		var edit = core.subscription(analysed(Map.of()), body.path("subscriber").asText(), body.path("publisher").asText(),
				body.path("event").asText());
		if (edit.isEmpty()) {
			exchange.respond(400, "text/plain; charset=utf-8", "No such component or event in the model as it stands.");
			return;
		}
		edits(exchange, List.of(edit.get()));
	}

	/**
	 * The quick fix of a problem the Problems list offers one for ({@code ?path=&offset=} of the problem), made on the
	 * texts as they are now: a missing hook's stub, written into its class.
	 */
	private void fix(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST the problem's file and offset.")) {
			return;
		}
		Map<String, String> query = query(exchange.rawQuery());
		Path file = own(query.get("path"));
		Analysis now = analysed(Map.of());
		List<dev.byron.dsl.api.TextEdit> fix = file == null || now == null ? List.of()
				: now.diagnostics().stream()
						.filter(d -> d.file() != null && file.equals(d.file().toAbsolutePath().normalize())
								&& String.valueOf(d.offset()).equals(query.get("offset")))
						.map(d -> core.hookFixEdits(now, d)).filter(edits -> !edits.isEmpty()).findFirst().orElse(List.of());
		if (fix.isEmpty()) {
			exchange.respond(409, "text/plain; charset=utf-8", "This problem has no quick fix any more: the model changed since.");
			return;
		}
		edits(exchange, fix);
	}

	/** The edits that rename a component everywhere ({@code ?from=&to=}), for the page to make in its texts. */
	private void rename(Exchange exchange) throws IOException {
		Map<String, String> query = query(exchange.rawQuery());
		var edits = core.rename(query.getOrDefault("from", ""), query.getOrDefault("to", ""));
		if (edits.isEmpty()) {
			exchange.respond(400, "text/plain; charset=utf-8", "'" + query.get("to") + "' " + StudioCore.COMPONENT_NAME_RULE);
			return;
		}
		edits(exchange, edits);
	}

	/** The edit that deletes a component's declaration ({@code ?name=}). */
	private void delete(Exchange exchange) throws IOException {
		var edit = core.deletion(analysed(Map.of()), query(exchange.rawQuery()).getOrDefault("name", ""));
		if (edit.isEmpty()) {
			exchange.respond(400, "text/plain; charset=utf-8", "No such component in the model as it stands.");
			return;
		}
		edits(exchange, List.of(edit.get()));
	}

	/**
	 * The edit that adds a component ({@code ?component=name}, in a file of its own, new to the project, in the folder of
	 * the file {@code &beside=} names) or an entity
	 * to a component ({@code ?component=owner&entity=Name}); 400 with the naming rule for a name that breaks it.
	 */
	private void add(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST ?component=name[&x=&y=, its box's middle], or ?component=owner&entity=Name.")) {
			return;
		}
		Map<String, String> query = query(exchange.rawQuery());
		String component = query.getOrDefault("component", "");
		String entity = query.get("entity");
		var edit = entity == null ? core.componentAddition(component, query.containsKey("beside") ? own(query.get("beside")) : null)
				: core.entityAddition(analysed(Map.of()), component, entity);
		if (edit.isEmpty()) {
			exchange.respond(400, "text/plain; charset=utf-8", entity == null ? "'" + component + "' " + StudioCore.COMPONENT_NAME_RULE
					: dev.byron.dsl.api.ModelEdits.isTypeName(entity) ? "No component " + component + " in the model as it stands."
							: "'" + entity + "' " + StudioCore.ENTITY_NAME_RULE);
			return;
		}
		if (entity == null && query.containsKey("x") && query.containsKey("y")) { // added at a point of the picture
			try {
				core.placeWhenDrawn(component, new dev.byron.diagram.LaidOutDiagram.Point(Double.parseDouble(query.get("x")),
						Double.parseDouble(query.get("y"))));
			} catch (NumberFormatException notAPoint) {
				// placed where the layout puts it
			}
		}
		edits(exchange, List.of(edit.get()));
	}

	/** The model as the page was last answered with, for checks as the user types (a name dialog's). */
	private volatile Analysis lastAnalysis;

	/**
	 * Whether a name the user is typing can be given ({@code ?kind=component|entity|file&component=&name=}), and if not why:
	 * the page checks names as they are typed, as the desktop's dialogs do.
	 */
	private void nameCheck(Exchange exchange) throws IOException {
		Map<String, String> query = query(exchange.rawQuery());
		String name = query.getOrDefault("name", "");
		java.util.Optional<String> problem;
		if ("file".equals(query.get("kind"))) {
			problem = java.util.Optional.ofNullable(project.newFile(name).problem());
		} else {
			Analysis shown = lastAnalysis != null ? lastAnalysis : analysed(Map.of());
			problem = "entity".equals(query.get("kind")) ? StudioCore.entityNameProblem(shown, query.getOrDefault("component", ""), name)
					: StudioCore.componentNameProblem(shown, name);
		}
		json(exchange, 200, Map.of("ok", problem.isEmpty(), "rule", problem.orElse("")));
	}

	/**
	 * The system's catalogue, when byron docs wrote one beside the model: its files, read-only, under
	 * {@code /catalogue/} (a page of this server cannot open files from the disk itself).
	 */
	private void catalogue(Exchange exchange) throws IOException {
		var site = dev.byron.dsl.api.CataloguePages.besides(project.folder());
		String component = query(exchange.rawQuery()).get("component");
		if (component != null && site.isPresent()) { // a component's page, by the catalogue's own rule
			exchange.setHeader("Location", "/catalogue/" + dev.byron.dsl.api.CataloguePages.PAGES.component(component));
			exchange.respond(302);
			return;
		}
		String relative = exchange.path().substring("/catalogue/".length());
		Path file = site.map(s -> s.resolve(relative.isEmpty() ? "index.html" : relative).normalize()).orElse(null);
		if (file == null || !file.startsWith(site.get()) || !Files.isRegularFile(file)) {
			exchange.respond(404, "text/plain; charset=utf-8", site.isEmpty()
					? "No catalogue beside this model: write one with 'byron docs " + project.folder() + " -o "
							+ project.folder().resolve("site") + "'."
					: "No such page in the catalogue: " + relative);
			return;
		}
		exchange.respond(200, contentType(file.getFileName().toString()), Files.readAllBytes(file));
	}

	/** The type of a file the studio serves (its own page's, or the catalogue's), by its extension. */
	private static String contentType(String name) {
		String type = name.endsWith(".html") ? "text/html" : name.endsWith(".css") ? "text/css"
				: name.endsWith(".js") ? "text/javascript" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
		return type + "; charset=utf-8";
	}

	/** Whether the page can lead to the catalogue's pages: byron docs wrote one beside the model. */
	private boolean hasCatalogue() {
		return dev.byron.dsl.api.CataloguePages.besides(project.folder()).isPresent();
	}

	/** Stops or starts a component of the running system ({@code ?name=&action=stop|start}). */
	private void switchComponent(Exchange exchange) throws IOException {
		Map<String, String> query = query(exchange.rawQuery());
		String action = query.getOrDefault("action", "");
		if (!"POST".equals(exchange.method()) || !(action.equals("stop") || action.equals("start")) || core.running() == null
				|| !core.running().components().containsKey(query.getOrDefault("name", ""))) {
			exchange.respond(400, "text/plain; charset=utf-8", "POST ?name=<a component of the running system>&action=stop|start.");
			return;
		}
		core.switchComponent(query.get("name"), action.equals("start"), () -> { });
		exchange.respond(202);
	}

	private void edits(Exchange exchange, List<dev.byron.dsl.api.TextEdit> edits) throws IOException {
		json(exchange, 200, Map.of("edits", edits.stream().map(e -> Map.of("path", project.relative(e.file().toAbsolutePath().normalize()),
				"uri", e.file().toAbsolutePath().normalize().toUri().toString(), "offset", e.offset(), "length", e.length(),
				"text", e.text())).toList()));
	}

	/** A box dropped at a new top-left corner of the picture: kept, as on the desktop (ADR 30). */
	private void move(Exchange exchange) throws IOException {
		if (refused(exchange, "POST", "POST the box and where it goes.")) {
			return;
		}
		JsonNode body = JSON.readTree(exchange.body());
		Analysis shown = analysed(query(exchange.rawQuery()));
		String id = body.path("id").asText();
		if (shown == null || !shown.diagram().boxes().containsKey(id) || !body.path("x").isNumber() || !body.path("y").isNumber()) {
			exchange.respond(400, "text/plain; charset=utf-8", "Give the id of a box of this view and its new x and y.");
			return;
		}
		core.moved(shown.diagram(), id, new LaidOutDiagram.Point(body.path("x").asDouble(), body.path("y").asDouble()));
		layouts.incrementAndGet();
		exchange.respond(204);
	}


	private void resetLayout(Exchange exchange) throws IOException {
		Analysis shown = analysed(query(exchange.rawQuery()));
		if (shown != null) {
			core.resetLayout(shown.diagram().diagram());
			layouts.incrementAndGet();
		}
		exchange.respond(204);
	}

	/** The analysis of a view the query names, as the page shows it; null when it cannot be had in time. */
	private Analysis analysed(Map<String, String> query) {
		try {
			return lastAnalysis = core.analysis(C4Level.parse(query.getOrDefault("level", "containers")), query.get("component"))
					.get(60, TimeUnit.SECONDS);
		} catch (Exception e) {
			log.add("Could not draw the model: " + e);
			return null;
		}
	}

	private Path file(Exchange exchange) {
		return own(query(exchange.rawQuery()).get("path"));
	}

	/**
	 * A model file a page made (a component added from its picture, a file from its list) and holds unsaved, which this
	 * studio, started since, has not seen: named by the rule of a new file (a {@code .byron} file in the project, not on
	 * disk); null for anything else.
	 */
	private Path newModelFile(String relative) {
		Project.NewFile made = project.newFile(relative);
		if (made.file() == null || !project.folder().relativize(made.file()).toString().replace('\\', '/').equals(relative)) {
			return null;
		}
		project.make(made.file());
		return made.file();
	}

	/** A document of the project by its relative path; null for anything else (never ../ or other files). */
	private Path own(String relative) {
		if (relative == null) {
			return null;
		}
		Path file = project.folder().resolve(relative).toAbsolutePath().normalize();
		return project.files().contains(file) ? file : null;
	}

	/** Answers 405 with what to send instead when the request's method is not {@code method}; true when it did. */
	private static boolean refused(Exchange exchange, String method, String hint) {
		if (method.equals(exchange.method())) {
			return false;
		}
		exchange.respond(405, "text/plain; charset=utf-8", hint);
		return true;
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	private static void json(Exchange exchange, int status, Object value) throws IOException {
		exchange.respond(status, "application/json", JSON.writeValueAsBytes(value));
	}

	@Override
	public void close() {
		server.close();
		core.close();
	}
}
