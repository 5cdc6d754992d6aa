package dev.byron.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.byron.deployer.local.LocalOptions;
import dev.byron.deployer.local.LocalRunException;
import dev.byron.deployer.local.LocalSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Run the whole system on this machine.",
				"nats-server with JetStream and an embedded MongoDB (data kept in the project folder's .byron-data), every"
						+ " component's API and Sink, and the gateway with GraphiQL. Ctrl-C stops it; the next run finds "
						+ "its data again." })
final class RunCommand implements Callable<Integer> {
	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<path>", defaultValue = ".", description = "The project folder.")
	private Path path;

	@Option(names = "--port", defaultValue = "4000", description = "The gateway's port (default: ${DEFAULT-VALUE}).")
	private int port;

	@Option(names = "--nats", paramLabel = "<url>", description = "Use this NATS server (with JetStream) instead of starting one.")
	private String nats;

	@Option(names = "--mongo", paramLabel = "<uri>", description = "Use this MongoDB instead of the embedded one.")
	private String mongo;

	@Option(names = "--replicas", paramLabel = "<n>", defaultValue = "1",
			description = "Instances of each component, each its API and its Sink, as replicas on a cluster (1 to 8; "
					+ "default: ${DEFAULT-VALUE}).")
	private int replicas;

	@Option(names = "--nats-cluster", paramLabel = "<n>", defaultValue = "1",
			description = "nats-servers to start: 3 runs a JetStream cluster whose streams keep 3 copies, so that one "
					+ "server may be lost (default: ${DEFAULT-VALUE}).")
	private int natsNodes;

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = spec.commandLine().getOut();
		LocalOptions options;
		try {
			options = new LocalOptions(port, nats, mongo, replicas, natsNodes);
		} catch (IllegalArgumentException e) {
			throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
		}
		LocalSystem system;
		try {
			system = LocalSystem.start(path, options, out);
			out.println("Press Ctrl-C to stop.");
			out.flush();
		} catch (LocalRunException e) {
			spec.commandLine().getErr().println("byron: " + e.getMessage());
			spec.commandLine().getErr().flush();
			return e.inTheProject() ? Byron.MODEL_ERRORS : Byron.USAGE;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("byron: stopping");
			out.flush();
			system.close();
			stopped.countDown();
		}));
		stopped.await();
		return Byron.OK;
	}
}
