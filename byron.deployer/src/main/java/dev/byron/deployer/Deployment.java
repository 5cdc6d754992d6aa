package dev.byron.deployer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.byron.deployer.image.ImagePublisher;
import dev.byron.deployer.kubernetes.BreakingChanges;
import dev.byron.deployer.kubernetes.DesiredState;
import dev.byron.deployer.kubernetes.KubernetesDeployer;
import dev.byron.deployer.kubernetes.KubernetesDeployer.Change;
import dev.byron.dsl.api.model.ByronModel;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * One deploy of a system, as {@code byron deploy} and Byron Studio both make it: refuse a change that breaks
 * subscribers of the deployed events (unless allowed), build the images (and push them) when asked, work out
 * the desired state, then apply it, rolling out what changed and waiting for each rollout.
 */
public final class Deployment {
	/** Where a deploy's images come from. */
	public enum Images {
		/** Those config.byron names (registry/system-component:imageTag), built and pushed elsewhere. */
		GIVEN,
		/** Built as tarballs only, even when a registry is configured. */
		BUILD,
		/** Built, and pushed when config.byron names a registry. */
		BUILD_AND_PUSH
	}

	/**
	 * What to deploy and how: {@code namespace} null means config.byron's; {@code environment} resolves the
	 * model's {@code env(...)} values; {@code timeout} bounds each rollout.
	 */
	public record Request(Path project, ByronModel model, String namespace, boolean allowBreaking, Images images,
			Map<String, String> environment, Duration timeout) {
	}

	private static final Duration POLL = Duration.ofSeconds(1);

	private Deployment() {
	}

	/** What a deploy would change in its target (as {@link #target} names it). */
	public record Plan(String target, List<Change> changes) {
	}

	/** What the deploy would change, changing nothing (no image is built). */
	public static Plan plan(KubernetesClient client, Request request, Consumer<String> log) throws Exception {
		BreakingChanges.check(client, request.model(), request.namespace(), request.allowBreaking());
		DesiredState desired = DesiredState.of(request.model(), request.namespace(), request.environment(), client, Map.of());
		return new Plan(target(client, desired), new KubernetesDeployer(client, request.timeout(), POLL, log).plan(desired));
	}

	/** Deploys; returns the state deployed. A refusal or a failed rollout is a {@code DeployException}. */
	public static DesiredState deploy(KubernetesClient client, Request request, Consumer<String> log) throws Exception {
		BreakingChanges.check(client, request.model(), request.namespace(), request.allowBreaking());
		Map<String, String> images = Map.of();
		if (request.images() != Images.GIVEN) {
			var built = ImagePublisher.forDeploy(request.project(), request.model(), request.images() == Images.BUILD_AND_PUSH,
					request.environment(), log);
			log.accept(built.built().isEmpty() ? "images: unchanged" : "images built: " + String.join(", ", built.built()));
			images = built.references();
		}
		DesiredState desired = DesiredState.of(request.model(), request.namespace(), request.environment(), client, images);
		log.accept("Deploying system " + desired.settings().system() + " to " + target(client, desired));
		new KubernetesDeployer(client, request.timeout(), POLL, log).deploy(desired);
		log.accept("Deployed.");
		return desired;
	}

	/** How a deploy names where it goes: the namespace and the cluster's address. */
	public static String target(KubernetesClient client, DesiredState desired) {
		return "namespace " + desired.settings().namespace() + " at " + client.getMasterUrl();
	}
}
