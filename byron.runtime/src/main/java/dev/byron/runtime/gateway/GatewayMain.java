package dev.byron.runtime.gateway;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's process: {@code GatewayMain gateway.json}, with {@code BYRON_HOST}, {@code BYRON_PORT},
 * {@code BYRON_URL_<COMPONENT>} and {@code BYRON_CALLER_KEY} from the environment. Logs are JSON lines.
 */
public final class GatewayMain {
	private GatewayMain() {
	}

	public static void main(String[] args) throws Exception {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "byron-service-logback.xml");
		}
		if (args.length != 1) {
			System.err.println("usage: GatewayMain <gateway.json>");
			System.exit(2);
		}
		Logger log = LoggerFactory.getLogger(GatewayMain.class);
		Path file = Path.of(args[0]);
		GatewayConfig config = GatewayConfig.read(file);
		dev.byron.runtime.trace.Tracing.configureFromEnvironment("gateway", System::getenv);
		String key = System.getenv(dev.byron.runtime.api.GatewaySignature.ENVIRONMENT);
		if (key == null || key.isBlank()) {
			log.error("{} is not set: components answer only requests the gateway signs with it."
					+ " The manifests of `byron deploy` take it from the credentials Secret.",
					dev.byron.runtime.api.GatewaySignature.ENVIRONMENT);
			System.exit(2);
		}
		String port = System.getenv("BYRON_PORT");
		try (Gateway gateway = Gateway.start(config.routes(file, System::getenv), System.getenv().getOrDefault("BYRON_HOST", "127.0.0.1"),
				port == null ? config.port() : Integer.parseInt(port), java.util.Map.of(), config.settings(System::getenv))) {
			log.info("gateway of system {} listening on port {} for {} components{}", config.system(), gateway.port(),
					config.components().size(), config.auth() == null ? "" : ", tokens of " + config.auth().issuer());
			CountDownLatch stopped = new CountDownLatch(1);
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			stopped.await();
			dev.byron.runtime.trace.Tracing.flush();
		}
	}
}
