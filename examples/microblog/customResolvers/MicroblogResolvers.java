import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.spi.HookProvider;
import dev.byron.runtime.spi.Hooks;

/** The custom queries and mutations of the microblog model. */
public class MicroblogResolvers implements HookProvider {

	@Override
	public Hooks hooks(ComponentDescriptor component) {
		return switch (component.name()) {
			case "accounts" -> Hooks.builder()
					.resolver("suspendUser", ctx -> {
						String id = (String) ctx.arguments().get("id");
						Map<String, Object> user = ctx.component().update("User", id, Map.of("status", "SUSPENDED"));
						ctx.component().publish("UserSuspended", Map.of("user", id, "reason", ctx.arguments().get("reason")));
						return user;
					})
					.build();
			case "posts" -> Hooks.builder()
					.resolver("postsByAuthor", ctx -> newestFirst(ctx.component().where("Post", "author", ctx.arguments().get("author")),
							(Integer) ctx.arguments().get("first")))
					.build();
			case "timeline" -> Hooks.builder()
					.resolver("feed", ctx -> {
						List<Map<String, Object>> entries = ctx.component().where("Entry", "owner", ctx.arguments().get("owner"));
						return newestFirst(entries, (Integer) ctx.arguments().get("first"));
					})
					.build();
			default -> Hooks.NONE;
		};
	}

	private static List<Map<String, Object>> newestFirst(List<Map<String, Object>> rows, Integer first) {
		int limit = first == null ? 20 : first;
		if (limit < 0 || limit > 100) {
			throw new ByronException(ErrorCode.VALIDATION, "'first' must be between 0 and 100.", "first", null);
		}
		return rows.stream().sorted(Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("postedAt"))).reversed())
				.limit(limit).toList();
	}
}
