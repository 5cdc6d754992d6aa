package dev.byron.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import dev.byron.dsl.ByronStandaloneSetup;
import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.LoadResult;
import dev.byron.dsl.api.Source;

/**
 * Parse + validate a generated 5,000-line model, cold (a fresh JVM each time) and warm (after warm-up),
 * beside the raw Xtext parser on the same text as the baseline. Prints a Markdown table.
 */
public final class LanguageBench {
	private static final int LINES = 5_000;

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--cold-once")) {
			coldOnce();
			return;
		}
		int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		String model = ModelGenerator.model(LINES);
		int lines = model.split("\n").length;
		List<Source> sources = List.of(new Source(Path.of("bench.byron"), model));

		ByronLoader loader = ByronLoader.create();
		LoadResult check = loader.loadSources(sources);
		if (check.hasErrors()) {
			throw new IllegalStateException("generated model is invalid: " + check.errors().subList(0, 3));
		}
		Injector injector = new ByronStandaloneSetup().createInjectorAndDoEMFRegistration();

		List<Double> parse = new ArrayList<>();
		List<Double> parseLink = new ArrayList<>();
		List<Double> full = new ArrayList<>();
		for (int i = 0; i < warmRuns + 10; i++) {
			boolean record = i >= 10;
			double p = time(() -> parseOnly(injector, model, false));
			double l = time(() -> parseOnly(injector, model, true));
			double f = time(() -> loader.loadSources(sources));
			if (record) {
				parse.add(p);
				parseLink.add(l);
				full.add(f);
			}
		}
		List<Double> cold = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			cold.add(coldRun());
		}

		System.out.printf("%nByron language: parse + validate a generated model of %,d lines (%d warm runs after 10 warm-up, 5 cold JVMs)%n%n",
				lines, warmRuns);
		System.out.println("| measure | median ms | p90 ms | ratio to raw Xtext parse |");
		System.out.println("|---|---:|---:|---:|");
		double base = median(parse);
		row("raw Xtext parse (baseline)", parse, base);
		row("parse + link", parseLink, base);
		row("byron load: parse + link + validate + model", full, base);
		row("cold: fresh JVM, first load (incl. injector)", cold, base);
	}

	private static void row(String name, List<Double> values, double base) {
		System.out.printf("| %s | %.1f | %.1f | %.2f |%n", name, median(values), percentile(values, 0.9), median(values) / base);
	}

	private static Object parseOnly(Injector injector, String model, boolean link) {
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) set.createResource(URI.createURI("bench.byron"));
		try {
			resource.load(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		if (link) {
			EcoreUtil.resolveAll(set);
		}
		return resource;
	}

	private static double time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1e6;
	}

	private static double coldRun() throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				LanguageBench.class.getName(), "--cold-once").redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("cold run failed: " + out);
		}
		return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
	}

	private static void coldOnce() {
		String model = ModelGenerator.model(LINES);
		double ms = time(() -> ByronLoader.create().loadSources(List.of(new Source(Path.of("bench.byron"), model))));
		System.out.println(ms);
	}

	private static double median(List<Double> values) {
		return percentile(values, 0.5);
	}

	private static double percentile(List<Double> values, double p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
	}
}
