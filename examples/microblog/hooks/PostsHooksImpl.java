import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import byron.microblog.likes.Like;
import byron.microblog.posts.Post;
import byron.microblog.posts.PostsHooks;
import byron.microblog.posts.PostsStore;
import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.spi.EventHookContext;
import dev.byron.runtime.spi.ResolverContext;

/** posts: likes counted on their post, and an author's posts, newest first. */
public class PostsHooksImpl implements PostsHooks {
	@Override
	public void countLike(Like like, EventHookContext context) {
		addLikes(PostsStore.of(context), like.post(), 1);
	}

	@Override
	public void uncountLike(Like like, EventHookContext context) {
		addLikes(PostsStore.of(context), like.post(), -1);
	}

	/** A compare-and-set on the post's committed count, so that no like is lost when two arrive at once. */
	private static void addLikes(PostsStore store, String postId, int delta) {
		while (true) {
			Post post = store.posts().find(postId).orElse(null);
			if (post == null) {
				return;
			}
			Integer before = post.likeCount();
			int count = before == null ? 0 : before;
			if (store.posts().updateIf(postId, now -> Objects.equals(now.likeCount(), before),
					Map.of("likeCount", Math.max(0, count + delta))).isPresent()) {
				return;
			}
		}
	}

	@Override
	public List<Post> postsByAuthor(String author, Integer first, ResolverContext context) {
		return PostsStore.of(context).posts().where(Post.AUTHOR, author).stream()
				.sorted(Comparator.comparing(Post::postedAt).reversed()).limit(limit(first)).toList();
	}

	static int limit(Integer first) {
		int limit = first == null ? 20 : first;
		if (limit < 0 || limit > 100) {
			throw ByronException.validation("first", "'first' must be between 0 and 100.");
		}
		return limit;
	}
}
