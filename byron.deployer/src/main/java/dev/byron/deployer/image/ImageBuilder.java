package dev.byron.deployer.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;

/**
 * Container images without a Docker daemon (Jib): from scratch, a jlinked JRE and its host libraries,
 * {@code byron-runtime.jar}, and the component's compiled hooks. Reproducible: the same inputs give the
 * same image digest, so an unchanged component keeps its image.
 */
public final class ImageBuilder {
	public static final String JAVA = "/opt/jre/bin/java";
	public static final String RUNTIME_JAR = "/app/byron-runtime.jar";
	public static final String HOOKS = "/app/hooks";
	private static final String SERVICE_MAIN = "dev.byron.runtime.ServiceMain";
	private static final String GATEWAY_MAIN = "dev.byron.runtime.gateway.GatewayMain";

	/** The image written: its reference, its digest, and the tarball (a docker-archive with OCI layers). */
	public record Image(String reference, String digest, Path tarball) {
	}

	private final Path cache;
	private final Path runtimeJar;

	public ImageBuilder(Path cache, Path runtimeJar) {
		this.cache = cache;
		this.runtimeJar = runtimeJar;
	}

	/** Where an image goes besides its tarball: a registry, with the credentials of {@code credentials.byron}. */
	public record Registry(String username, String password) {
	}

	/** A component's image; {@code hooks} is the folder of its compiled hook classes, or null. */
	public Image component(String reference, Path hooks, Path tarball) throws IOException, InterruptedException {
		return build(reference, hooks, SERVICE_MAIN, tarball, null);
	}

	public Image gateway(String reference, Path tarball) throws IOException, InterruptedException {
		return build(reference, null, GATEWAY_MAIN, tarball, null);
	}

	/** Pushes an image (built again from the cached layers, so identical) to its registry. */
	public Image push(String reference, Path hooks, boolean gateway, Registry registry) throws IOException, InterruptedException {
		return build(reference, hooks, gateway ? GATEWAY_MAIN : SERVICE_MAIN, null, registry);
	}

	private Image build(String reference, Path hooks, String mainClass, Path tarball, Registry registry)
			throws IOException, InterruptedException {
		Path jre = RuntimeJre.linked(cache);
		FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system libraries");
		for (Path library : RuntimeJre.sharedLibraries(jre)) {
			system.addEntry(library.toRealPath(), AbsoluteUnixPath.get(library.toString()), FilePermissions.fromOctalString("755"),
					Instant.EPOCH);
		}
		Path tmp = Files.createDirectories(cache.resolve("empty-tmp"));
		system.addEntry(tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), Instant.EPOCH);
		JibContainerBuilder image = Jib.fromScratch()
				.addFileEntriesLayer(system.build())
				.addFileEntriesLayer(FileEntriesLayer.builder().setName("jre")
						.addEntryRecursive(jre, AbsoluteUnixPath.get("/opt/jre"), (source, target) -> Files.isExecutable(source)
								? FilePermissions.fromOctalString("755") : FilePermissions.fromOctalString("644"),
								(source, target) -> Instant.EPOCH)
						.build())
				.addFileEntriesLayer(FileEntriesLayer.builder().setName("runtime")
						.addEntry(runtimeJar, AbsoluteUnixPath.get(RUNTIME_JAR), FilePermissions.fromOctalString("644"), Instant.EPOCH)
						.build());
		String classpath = RUNTIME_JAR;
		if (hooks != null && Files.isDirectory(hooks)) {
			image.addFileEntriesLayer(FileEntriesLayer.builder().setName("hooks")
					.addEntryRecursive(hooks, AbsoluteUnixPath.get(HOOKS), (s, t) -> FilePermissions.fromOctalString("644"),
							(s, t) -> Instant.EPOCH)
					.build());
			classpath += ":" + HOOKS;
		}
		image.setEntrypoint(List.of(JAVA, "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=75", "-cp", classpath, mainClass))
				// The loader finds the JRE's libraries without /proc (which $ORIGIN needs) too.
				.setEnvironment(java.util.Map.of("LD_LIBRARY_PATH", "/opt/jre/lib:/opt/jre/lib/server", "JAVA_HOME", "/opt/jre"))
				.setUser("1000:1000").setWorkingDirectory(AbsoluteUnixPath.get("/tmp")).setCreationTime(Instant.EPOCH)
				.setFormat(com.google.cloud.tools.jib.api.buildplan.ImageFormat.OCI);
		try {
			Containerizer target;
			if (registry == null) {
				Files.createDirectories(tarball.toAbsolutePath().getParent());
				target = Containerizer.to(TarImage.at(tarball).named(reference)).setOfflineMode(true);
			} else {
				com.google.cloud.tools.jib.api.RegistryImage remote = com.google.cloud.tools.jib.api.RegistryImage.named(reference);
				if (registry.username() != null) {
					remote.addCredential(registry.username(), registry.password());
				}
				target = Containerizer.to(remote);
			}
			JibContainer container = image.containerize(target.setApplicationLayersCache(cache.resolve("layers"))
					.setBaseImageLayersCache(cache.resolve("base-layers")).setToolName("byron"));
			return new Image(reference, container.getDigest().toString(), tarball);
		} catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
			throw new IOException("'" + reference + "' is not an image reference: " + e.getMessage(), e);
		} catch (com.google.cloud.tools.jib.api.RegistryException | com.google.cloud.tools.jib.api.CacheDirectoryCreationException
				| java.util.concurrent.ExecutionException e) {
			throw new IOException("Could not build " + reference + ": " + e.getMessage(), e);
		}
	}
}
