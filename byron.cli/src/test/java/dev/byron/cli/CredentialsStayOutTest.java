package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.deployer.kubernetes.SimulatedControllers;
import dev.byron.deployer.kubernetes.TestKubeconfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import picocli.CommandLine;

/**
 * Credentials reach the cluster only as Kubernetes Secrets: with every kind credentials.byron knows set to a value
 * that can be recognised, a deploy writes them into Secrets and nowhere else: not in any generated file, not in any
 * layer of any image, not in any other object in the cluster, not in what the commands print.
 */
@EnableKubernetesMockClient(crud = true)
class CredentialsStayOutTest {
	KubernetesClient client;
	private SimulatedControllers controllers;

	@TempDir
	Path dir;
	private Path project;
	private final Map<String, String> environment = new LinkedHashMap<>();

	@BeforeEach
	void setUp() throws Exception {
		controllers = new SimulatedControllers(client, "shop");
		project = CliTest.copyExample("shop", dir.resolve("shop"));
		String marker = UUID.randomUUID().toString().replace("-", "");
		environment.put("REGISTRY_USER", "robot-" + marker.substring(0, 8));
		environment.put("REGISTRY_PASSWORD", "registry-pass-" + marker);
		environment.put("NATS_PASSWORD", "nats-pass-" + marker);
		environment.put("ORDERS_MONGO_URI", "mongodb://orders:mongo-pass-" + marker + "@db.example.com/orders");
		environment.put("JWT_SECRET", "jwt-secret-" + marker + "-at-least-32-bytes");
		Files.writeString(project.resolve("credentials.byron"), """
				credentials {
				  registry { server: "registry.example.com" username: env("REGISTRY_USER") password: env("REGISTRY_PASSWORD") }
				  nats { user: "byron" password: env("NATS_PASSWORD") }
				  mongo orders { uri: env("ORDERS_MONGO_URI") }
				  jwt { secret: env("JWT_SECRET") }
				}
				""");
		Files.writeString(project.resolve("config.byron"), Files.readString(project.resolve("config.byron"))
				.replace("  replicas: 2\n", "  replicas: 2\n  gateway {\n    auth { issuer: \"https://id.shop.example.com/\" }\n  }\n"));
	}

	@AfterEach
	void tearDown() throws Exception {
		controllers.close();
	}

	@Test
	void credentialsLandInSecretsOnly() throws Exception {
		Path kubeconfig = TestKubeconfig.write(dir.resolve("kubeconfig"), client.getMasterUrl());
		StringWriter printed = new StringWriter();
		int generated = run(printed, "generate", project.toString(), "-o", dir.resolve("out").toString());
		assertThat(generated).as(printed.toString()).isZero();
		int deployed = run(printed, "deploy", project.toString(), "--kubeconfig", kubeconfig.toString(), "--timeout", "30",
				"--no-push");
		assertThat(deployed).as(printed.toString()).isZero();

		List<String> secrets = List.copyOf(environment.values()).stream().filter(v -> !v.startsWith("robot-")).toList();

		List<Path> generatedFiles;
		try (var files = Files.walk(dir.resolve("out"))) {
			generatedFiles = files.filter(Files::isRegularFile).toList();
		}
		assertThat(generatedFiles).hasSizeGreaterThan(20);
		for (Path file : generatedFiles) {
			assertThat(findIn(Files.readAllBytes(file), secrets)).as("generated %s", file).isEmpty();
		}

		List<Path> images;
		try (var files = Files.list(project.resolve(".byron-data/images"))) {
			images = files.filter(p -> p.toString().endsWith(".tar")).toList();
		}
		assertThat(images).hasSize(6);
		for (Path image : images) {
			int blobs = scanImage(image, secrets);
			assertThat(blobs).as("blobs read from %s", image).isGreaterThan(2);
		}

		List<HasMetadata> objects = new ArrayList<>();
		objects.addAll(client.configMaps().inNamespace("shop").list().getItems());
		objects.addAll(client.apps().deployments().inNamespace("shop").list().getItems());
		objects.addAll(client.apps().statefulSets().inNamespace("shop").list().getItems());
		objects.addAll(client.services().inNamespace("shop").list().getItems());
		objects.addAll(client.network().v1().ingresses().inNamespace("shop").list().getItems());
		assertThat(objects).hasSizeGreaterThan(20);
		for (HasMetadata object : objects) {
			assertThat(findIn(Serialization.asYaml(object).getBytes(StandardCharsets.UTF_8), secrets))
					.as("%s/%s", object.getKind(), object.getMetadata().getName()).isEmpty();
		}
		String inSecrets = client.secrets().inNamespace("shop").list().getItems().stream()
				.map(Serialization::asYaml).reduce("", String::concat)
				+ client.secrets().inNamespace("shop").list().getItems().stream()
						.flatMap(s -> s.getData() == null ? java.util.stream.Stream.empty() : s.getData().values().stream())
						.map(v -> new String(java.util.Base64.getDecoder().decode(v), StandardCharsets.UTF_8))
						.reduce("", String::concat);
		assertThat(findIn(inSecrets.getBytes(StandardCharsets.UTF_8), secrets))
				.as("the scan finds each credential where it belongs").containsExactlyInAnyOrderElementsOf(secrets);

		assertThat(findIn(printed.toString().getBytes(StandardCharsets.UTF_8), secrets)).as("printed output").isEmpty();
	}

	private int run(StringWriter printed, String... args) {
		PrintWriter out = new PrintWriter(printed);
		CommandLine commandLine = Byron.commandLine();
		commandLine.setOut(out);
		commandLine.setErr(out);
		((DeployCommand) commandLine.getSubcommands().get("deploy").getCommand()).environment = environment;
		int exit = commandLine.execute(args);
		out.flush();
		return exit;
	}

	/** Every blob of an OCI image-layout tarball, layers decompressed; returns how many were read. */
	private static int scanImage(Path tarball, List<String> secrets) throws IOException {
		int blobs = 0;
		try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				byte[] content = tar.readAllBytes();
				blobs++;
				assertThat(findIn(content, secrets)).as("%s in %s", entry.getName(), tarball).isEmpty();
				if (content.length > 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
					assertThat(scanLayer(content, secrets)).as("layer %s of %s", entry.getName(), tarball).isEmpty();
				}
			}
		}
		return blobs;
	}

	/** The files of one gzipped layer that contain a secret. */
	private static List<String> scanLayer(byte[] gzipped, List<String> secrets) throws IOException {
		List<String> found = new ArrayList<>();
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped));
				TarArchiveInputStream layer = new TarArchiveInputStream(in)) {
			TarArchiveEntry file;
			while ((file = layer.getNextEntry()) != null) {
				if (file.isFile()) {
					ByteArrayOutputStream bytes = new ByteArrayOutputStream();
					layer.transferTo(bytes);
					if (!findIn(bytes.toByteArray(), secrets).isEmpty()) {
						found.add(file.getName());
					}
					if (file.getName().endsWith(".jar")) {
						found.addAll(scanJar(file.getName(), bytes.toByteArray(), secrets));
					}
				}
			}
		}
		return found;
	}

	/** The entries of a jar (compressed, so a plain search would miss them) that contain a secret. */
	private static List<String> scanJar(String name, byte[] jar, List<String> secrets) throws IOException {
		List<String> found = new ArrayList<>();
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
			java.util.zip.ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (!findIn(zip.readAllBytes(), secrets).isEmpty()) {
					found.add(name + "!/" + entry.getName());
				}
			}
		}
		return found;
	}

	private static List<String> findIn(byte[] content, List<String> secrets) {
		String text = new String(content, StandardCharsets.ISO_8859_1);
		return secrets.stream().filter(text::contains).toList();
	}
}
