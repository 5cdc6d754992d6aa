package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.byron.runtime.api.GatewaySignature;
import dev.byron.runtime.broker.Names;
import dev.byron.runtime.broker.NatsPermissions;
import dev.byron.runtime.descriptor.ComponentDescriptor;

/**
 * The local run's NATS users: one per component with {@link NatsPermissions}, and one for the run itself (streams,
 * health, the Studio's views), each with a password made for this run. nats-server reads them from a configuration
 * file that only the user who runs Byron can read.
 */
final class NatsUsers {
	static final String RUN_USER = "byron-run";

	private final String runPassword = GatewaySignature.newKey();
	private final Map<String, String> passwords = new LinkedHashMap<>();
	private final Map<String, NatsPermissions> permissions = new LinkedHashMap<>();

	NatsUsers(Names names, Collection<ComponentDescriptor> components) {
		for (ComponentDescriptor component : components) {
			passwords.put(component.name(), GatewaySignature.newKey());
			permissions.put(component.name(), NatsPermissions.of(names, component));
		}
	}

	/** Writes nats-server's configuration with these users; the file is the owner's to read only. */
	Path writeConfig(Path dir) throws IOException {
		Files.createDirectories(dir);
		Path file = dir.resolve("users.conf");
		String users = permissions.values().stream().map(p -> "    " + p.toConf("\"" + passwords.get(p.user()) + "\""))
				.collect(Collectors.joining(",\n"));
		String conf = "# Written by byron run for this run; every run makes new passwords.\nauthorization {\n  users: [\n    { user: \""
				+ RUN_USER + "\", password: \"" + runPassword + "\" },\n" + users + "\n  ]\n}\n";
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, conf);
		return file;
	}

	/** {@code nats://user:password@host:port} for the run's own connection. */
	String runUrl(String serverUrl) {
		return withCredentials(serverUrl, RUN_USER, runPassword);
	}

	/** The URL a component connects with, as its own user. */
	String componentUrl(String serverUrl, String component) {
		return withCredentials(serverUrl, component, passwords.get(component));
	}

	/** Into each URL of a comma-separated list (a cluster's servers). */
	private static String withCredentials(String url, String user, String password) {
		return url.replace("://", "://" + user + ":" + password + "@");
	}
}
