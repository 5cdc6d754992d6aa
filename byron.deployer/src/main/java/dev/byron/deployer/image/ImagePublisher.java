package dev.byron.deployer.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.byron.deployer.local.HookBuild;
import dev.byron.deployer.local.LocalRunException;
import dev.byron.deployer.local.RunData;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.generator.GenerationInput;
import dev.byron.generator.kubernetes.DeploymentSettings;

/**
 * The images of a deploy: the project's hooks compiled, then one image per component and one for the
 * gateway, tagged by the digest of what goes into them, so an image is rebuilt (and a component rolled)
 * only when its content changes. Written as tarballs under {@code .byron-data/images/}; pushing to a registry is
 * the caller's choice.
 */
public final class ImagePublisher {
	/** The image reference for each component and {@code gateway}, and the tarballs written or reused. */
	public record Images(Map<String, String> references, Map<String, Path> tarballs, List<String> built) {
	}

	private ImagePublisher() {
	}

	/**
	 * The images of a deploy, as {@code byron deploy} and the studio build them: the cache in
	 * {@code ~/.byron/image-cache}, pushed when {@code push} and config.byron names a registry (with the
	 * credentials of credentials.byron, {@code env(...)} read from {@code env}).
	 */
	public static Images forDeploy(Path project, ByronModel model, boolean push, Map<String, String> env,
			Consumer<String> progress) throws IOException, InterruptedException, LocalRunException,
			dev.byron.deployer.kubernetes.DeployException {
		DeploymentSettings settings = DeploymentSettings.from(model);
		ImageBuilder.Registry registry = null;
		if (push && settings.registry() != null) {
			var credentials = dev.byron.deployer.kubernetes.DesiredState.registryCredentials(model, env);
			registry = new ImageBuilder.Registry(credentials.map(c -> c[0]).orElse(null), credentials.map(c -> c[1]).orElse(null));
		}
		return build(project, model, settings, RuntimeJar.locate(),
				Path.of(System.getProperty("user.home"), ".byron", "image-cache"), registry, progress);
	}

	/** Builds the tarballs that are missing; with a {@code registry}, pushes every image (the registry skips known layers). */
	public static Images build(Path project, ByronModel model, DeploymentSettings settings, Path runtimeJar, Path cache,
			ImageBuilder.Registry registry, Consumer<String> progress) throws IOException, InterruptedException, LocalRunException {
		Path work = RunData.prepare(project, progress).resolve("deploy");
		GenerationInput input = GenerationInput.of(model);
		HookBuild.Result hooks = HookBuild.compile(project, input, work);
		hooks.left().forEach(orphan -> progress.accept("warning: " + orphan.message()));
		ImageBuilder builder = new ImageBuilder(cache, runtimeJar);
		String runtime = digest(List.of(runtimeJar), null);
		String gatewayTag = tag(runtime + "|" + RuntimeJre.MODULES + "|gateway");
		Map<String, String> references = new LinkedHashMap<>();
		Map<String, Path> tarballs = new LinkedHashMap<>();
		List<String> built = new java.util.ArrayList<>();
		Path out = RunData.of(project).resolve("images");
		for (var component : input.descriptors()) {
			// Each image carries only the hook code its component reaches: other components' changes leave it alone.
			Path classes = work.resolve("images").resolve(component.name());
			HookBuild.deleteTree(classes);
			boolean hasHooks = ComponentClasses.copy(hooks.classes(),
					ComponentClasses.providersOf(component, hooks.providers()), classes);
			if (!hasHooks) {
				classes = null;
			}
			String componentTag = tag(runtime + "|" + (classes == null ? "" : digest(files(classes), classes)) + "|"
					+ RuntimeJre.MODULES + "|service");
			String reference = settings.repository(component.name()) + ":" + componentTag;
			Path tarball = out.resolve(component.name() + "-" + componentTag + ".tar");
			if (!Files.exists(tarball)) {
				progress.accept("building image " + reference);
				builder.component(reference, classes, tarball);
				built.add(component.name());
			}
			if (registry != null) {
				progress.accept("pushing " + reference);
				builder.push(reference, classes, false, registry);
			}
			references.put(component.name(), reference);
			tarballs.put(component.name(), tarball);
		}
		String gateway = settings.repository("gateway") + ":" + gatewayTag;
		Path gatewayTarball = out.resolve("gateway-" + gatewayTag + ".tar");
		if (!Files.exists(gatewayTarball)) {
			progress.accept("building image " + gateway);
			builder.gateway(gateway, gatewayTarball);
			built.add("gateway");
		}
		if (registry != null) {
			progress.accept("pushing " + gateway);
			builder.push(gateway, null, true, registry);
		}
		references.put("gateway", gateway);
		tarballs.put("gateway", gatewayTarball);
		return new Images(references, tarballs, built);
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/** A digest of the files' contents and their paths relative to {@code base} (names only without a base). */
	private static String digest(List<Path> files, Path base) throws IOException {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (Path file : files) {
				String name = base == null ? file.getFileName().toString() : base.relativize(file).toString();
				sha.update(name.getBytes(StandardCharsets.UTF_8));
				try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
					in.transferTo(java.io.OutputStream.nullOutputStream());
				}
			}
			return HexFormat.of().formatHex(sha.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String tag(String content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)), 0, 6);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
