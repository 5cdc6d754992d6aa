package dev.byron.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.diagram.C4Diagrams;
import dev.byron.diagram.Diagram;
import dev.byron.diagram.DiagramEdge;
import dev.byron.diagram.DiagramLayout;
import dev.byron.diagram.DiagramNode;
import dev.byron.diagram.NodeMetrics;
import dev.byron.modeler.studio.Project;
import dev.byron.modeler.studio.StudioWindow;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Byron Studio on models of 20, 100 and 200 components, headless (Monocle): the window opened until its
 * containers diagram is laid out and painted, the first time (no layout kept from before: ELK lays it out) and
 * again (the layout the studio kept from the last time), and its parts; beside a raw ELK layout of the same graph.
 */
public final class ModelerBench {
	private static final int[] SIZES = { 20, 100, 200 };

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		System.setProperty("glass.platform", "Monocle");
		System.setProperty("monocle.platform", "Headless");
		System.setProperty("prism.order", "sw");
		System.setProperty("headless.geometry", "1920x1200-32");
		CompletableFuture<Void> started = new CompletableFuture<>();
		Platform.startup(() -> started.complete(null));
		started.get(30, TimeUnit.SECONDS);
		// Each run closes its window; the toolkit must outlive them.
		Platform.setImplicitExit(false);
		LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());

		Map<Integer, double[]> rows = new LinkedHashMap<>();
		for (int size : SIZES) {
			Path folder = Files.createTempDirectory("byron-modeler-bench-");
			Files.writeString(folder.resolve("model.byron"), ModelGenerator.components(size));
			List<Double> load = new ArrayList<>();
			List<Double> layout = new ArrayList<>();
			List<Double> raw = new ArrayList<>();
			List<Double> open = new ArrayList<>();
			List<Double> reopen = new ArrayList<>();
			Path kept = Files.createTempDirectory("byron-modeler-bench-layouts-");
			ByronLoader loader = ByronLoader.create();
			for (int i = 0; i < runs + 2; i++) {
				long begin = System.nanoTime();
				LoadResult result = loader.load(folder);
				double loadMs = (System.nanoTime() - begin) / 1e6;
				Diagram diagram = C4Diagrams.containers(result.model());
				begin = System.nanoTime();
				DiagramLayout.layout(diagram);
				double layoutMs = (System.nanoTime() - begin) / 1e6;
				double rawMs = rawElk(diagram);
				Path fresh = Files.createTempDirectory("byron-modeler-bench-layouts-");
				System.setProperty("byron.layoutCache", fresh.toString());
				double openMs = openAndPaint(folder);
				dev.byron.deployer.local.HookBuild.deleteTree(fresh);
				System.setProperty("byron.layoutCache", kept.toString());
				double reopenMs = openAndPaint(folder);
				System.err.printf("%d components, run %d: load %.0f ms, layout %.0f ms, raw ELK %.0f ms, open to paint %.0f ms, again %.0f ms%n",
						size, i, loadMs, layoutMs, rawMs, openMs, reopenMs);
				if (i >= 2) {
					load.add(loadMs);
					layout.add(layoutMs);
					raw.add(rawMs);
					open.add(openMs);
					reopen.add(reopenMs);
				}
			}
			double[] web = web(folder, runs);
			rows.put(size, new double[] { Stats.median(open), Stats.median(load), Stats.median(layout), Stats.median(raw), web[0], web[1],
					web[2], Stats.median(reopen), web[3] });
			dev.byron.deployer.local.HookBuild.deleteTree(folder);
			dev.byron.deployer.local.HookBuild.deleteTree(kept);
		}
		Platform.exit();

		System.out.printf("%nByron Studio: open a project until its containers diagram is painted (median of %d runs)%n%n", runs);
		System.out.println("| components | open to first paint ms | opened again ms | load + check ms | diagram + layout ms (above 20 boxes, buses: ADR 35) | raw ELK layout ms of the same graph (baseline) | layout / raw |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
		rows.forEach((size, r) -> System.out.printf("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n", size, r[0], r[7], r[1], r[2], r[3],
				r[2] / r[3]));
		System.out.printf("%nThe web studio (byron studio --web, headless Chromium): page load to first diagram (the project opened%n"
				+ "before, as in the column 'opened again'); then, 3 s after the page settled (its language server has checked the model), a line typed that%n"
				+ "changes nothing the view shows, until the page shows the model read again (the picture kept); a component typed, until its box is in%n"
				+ "the page, and until the frame that shows it is drawn (Chromium's software raster here: no GPU)%n"
				+ "(medians of %d edits each; the page sends an edit at once when none is on its way)%n%n", runs);
		System.out.println("| components | page load to first diagram ms | typing to the view shown again ms | component added to its box ms | to its frame drawn ms |");
		System.out.println("|---:|---:|---:|---:|---:|");
		rows.forEach((size, r) -> System.out.printf("| %d | %s | %s | %s | %s |%n", size, ms(r[4]), ms(r[6]), ms(r[5]), ms(r[8])));
	}

	private static String ms(double value) {
		return Double.isNaN(value) ? "n/a" : String.format("%.0f", value);
	}

	/** The web studio on the folder, driven by bench/web/web.mjs: page load, the median edits; NaN without Chromium. */
	private static double[] web(Path folder, int runs) throws Exception {
		Path script = Path.of("bench", "web", "web.mjs");
		if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.isDirectory(script.resolveSibling("node_modules"))) {
			System.err.println("web path skipped: it needs /usr/bin/chromium and bench/web/node_modules (bench/run installs them)");
			return new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN };
		}
		try (dev.byron.modeler.web.WebStudio studio = dev.byron.modeler.web.WebStudio.start(Project.open(folder), "127.0.0.1", 0)) {
			Process node = new ProcessBuilder("node", script.toString(), studio.url(), String.valueOf(runs))
					.redirectError(ProcessBuilder.Redirect.INHERIT).start();
			String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
			if (node.waitFor() != 0) {
				throw new IllegalStateException("the web bench failed: " + output);
			}
			var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
			List<Double> edits = new ArrayList<>();
			json.path("edits").forEach(edit -> edits.add(edit.asDouble()));
			List<Double> typing = new ArrayList<>();
			json.path("typing").forEach(edit -> typing.add(edit.asDouble()));
			List<Double> painted = new ArrayList<>();
			json.path("painted").forEach(edit -> painted.add(edit.asDouble()));
			System.err.printf("%s: web page load %.0f ms, typing %s ms, components added %s ms, painted %s ms%n", folder.getFileName(),
					json.path("load").asDouble(), typing, edits, painted);
			return new double[] { json.path("load").asDouble(), Stats.median(edits), Stats.median(typing), Stats.median(painted) };
		}
	}

	/** ELK alone on a graph of the same boxes and arrows, with no labels and none of Byron's options. */
	private static double rawElk(Diagram diagram) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
		Map<String, ElkNode> nodes = new LinkedHashMap<>();
		for (DiagramNode node : diagram.nodes()) {
			ElkNode elk = ElkGraphUtil.createNode(root);
			elk.setDimensions(NodeMetrics.width(node), NodeMetrics.height(node));
			nodes.put(node.id(), elk);
		}
		for (DiagramEdge edge : diagram.edges()) {
			if (nodes.containsKey(edge.from()) && nodes.containsKey(edge.to()) && !edge.from().equals(edge.to())) {
				ElkGraphUtil.createSimpleEdge(nodes.get(edge.from()), nodes.get(edge.to()));
			}
		}
		long begin = System.nanoTime();
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
		return (System.nanoTime() - begin) / 1e6;
	}

	private static double openAndPaint(Path folder) throws Exception {
		CompletableFuture<Double> painted = new CompletableFuture<>();
		long begin = System.nanoTime();
		Platform.runLater(() -> {
			try {
				StudioWindow window = new StudioWindow(Project.open(folder), url -> { });
				Stage stage = new Stage();
				stage.setScene(new Scene(window, 1500, 920));
				stage.show();
				waitForDiagram(window, stage, begin, painted);
			} catch (Exception e) {
				painted.completeExceptionally(e);
			}
		});
		return painted.get(120, TimeUnit.SECONDS);
	}

	private static void waitForDiagram(StudioWindow window, Stage stage, long begin, CompletableFuture<Double> painted) {
		if (window.analysis() == null) {
			Platform.runLater(() -> waitForDiagram(window, stage, begin, painted));
			return;
		}
		stage.getScene().snapshot(null);
		painted.complete((System.nanoTime() - begin) / 1e6);
		window.dispose();
		stage.close();
	}
}
