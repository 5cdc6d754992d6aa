import java.util.Comparator;
import java.util.List;

import byron.microblog.posts.Post;
import byron.microblog.timeline.Entry;
import byron.microblog.timeline.FollowReplica;
import byron.microblog.timeline.TimelineHooks;
import byron.microblog.timeline.TimelineStore;
import dev.byron.runtime.spi.EventHookContext;
import dev.byron.runtime.spi.ResolverContext;

/** timeline: each post fanned out to its author's and their followers' timelines; a timeline, newest first. */
public class TimelineHooksImpl implements TimelineHooks {
	@Override
	public void fanOut(Post post, EventHookContext context) {
		TimelineStore store = TimelineStore.of(context);
		store.entries().create(new Entry(null, post.author(), post.id(), post.postedAt()));
		// in a stable order: a redelivered PostCreated derives the same ids, so nothing is created twice
		store.socialFollows().where(FollowReplica.FOLLOWEE, post.author()).stream().sorted(Comparator.comparing(FollowReplica::id))
				.forEach(follow -> store.entries().create(new Entry(null, follow.follower(), post.id(), post.postedAt())));
	}

	@Override
	public void removeEntries(Post post, EventHookContext context) {
		TimelineStore store = TimelineStore.of(context);
		store.entries().where(Entry.POST, context.event().entityId()).forEach(entry -> store.entries().delete(entry.id()));
	}

	@Override
	public List<Entry> feed(String owner, Integer first, String after, ResolverContext context) {
		return TimelineStore.of(context).entries().where(Entry.OWNER, owner).stream()
				.sorted(Comparator.comparing(Entry::postedAt).reversed()).limit(PostsHooksImpl.limit(first)).toList();
	}
}
