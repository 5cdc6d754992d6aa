import java.util.List;

import byron.microblog.social.Follow;
import byron.microblog.social.SocialHooks;
import byron.microblog.social.SocialStore;
import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.spi.CommandHookContext;
import dev.byron.runtime.spi.ResolverContext;

/**
 * The social component's hooks and resolvers, written against the interface Byron generates from the model
 * (byron.microblog.social.SocialHooks): a model change that breaks them is a compile error naming the method.
 */
public class SocialHooksImpl implements SocialHooks {

	@Override
	public Follow refuseSelfFollow(Follow follow, CommandHookContext context) {
		if (follow.follower() != null && follow.follower().equals(follow.followee())) {
			throw ByronException.validation("followee", "Nobody can follow themselves.");
		}
		return follow;
	}

	@Override
	public List<Follow> followers(String user, ResolverContext context) {
		return SocialStore.of(context).follows().where(Follow.FOLLOWEE, user);
	}

	@Override
	public List<Follow> following(String user, ResolverContext context) {
		return SocialStore.of(context).follows().where(Follow.FOLLOWER, user);
	}
}
