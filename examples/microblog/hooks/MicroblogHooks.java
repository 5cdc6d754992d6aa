import java.util.Comparator;
import java.util.Map;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;

/** The hooks the microblog model names: normalizing handles, counting likes, fanning posts out to timelines. */
public class MicroblogHooks implements HookProvider {

	@Override
	public Hooks hooks(ComponentDescriptor component) {
		return switch (component.name()) {
			case "accounts" -> Hooks.builder()
					.command("normalizeHandle", ctx -> ctx.state().computeIfPresent("handle", (k, v) -> v.toString().trim().toLowerCase()))
					.build();
			case "posts" -> Hooks.builder()
					.event("countLike", ctx -> addLikes(ctx.component(), (String) ctx.event().data().get("post"), 1))
					.event("uncountLike", ctx -> addLikes(ctx.component(), (String) ctx.event().data().get("post"), -1))
					.build();
			case "timeline" -> Hooks.builder()
					.event("fanOut", ctx -> {
						Map<String, Object> post = ctx.event().data();
						String author = (String) post.get("author");
						var followers = ctx.component().replicaWhere("social", "Follow", "followee", author);
						ctx.component().create("Entry", Map.of("owner", author, "post", post.get("id"), "postedAt", post.get("postedAt")));
						followers.stream().sorted(Comparator.comparing(f -> (String) f.get("id")))
								.forEach(f -> ctx.component().create("Entry",
										Map.of("owner", f.get("follower"), "post", post.get("id"), "postedAt", post.get("postedAt"))));
					})
					.event("removeEntries", ctx -> ctx.component().where("Entry", "post", ctx.event().entityId())
							.forEach(entry -> ctx.component().delete("Entry", (String) entry.get("id"))))
					.build();
			default -> Hooks.NONE;
		};
	}

	private static void addLikes(dev.byron.runtime.spi.ComponentClient posts, String postId, int delta) {
		posts.find("Post", postId).ifPresent(post -> {
			int count = ((Number) post.getOrDefault("likeCount", 0)).intValue();
			posts.update("Post", postId, Map.of("likeCount", Math.max(0, count + delta)));
		});
	}
}
