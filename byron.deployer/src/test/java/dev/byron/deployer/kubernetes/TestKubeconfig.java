package dev.byron.deployer.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig file for tests: one context pointing at a (mock) API server, as a user's would. */
public final class TestKubeconfig {
	private TestKubeconfig() {
	}

	public static Path write(Path file, Object serverUrl) throws IOException {
		Files.writeString(file, """
				apiVersion: v1
				kind: Config
				clusters:
				- name: mock
				  cluster:
				    server: "%s"
				    insecure-skip-tls-verify: true
				users:
				- name: mock
				  user:
				    token: test
				contexts:
				- name: mock
				  context:
				    cluster: mock
				    user: mock
				current-context: mock
				""".formatted(serverUrl.toString().replaceAll("/$", "")));
		return file;
	}
}
