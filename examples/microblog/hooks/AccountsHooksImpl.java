import byron.microblog.accounts.AccountStatus;
import byron.microblog.accounts.AccountsHooks;
import byron.microblog.accounts.AccountsStore;
import byron.microblog.accounts.User;
import byron.microblog.accounts.UserSuspended;
import dev.byron.runtime.spi.CommandHookContext;
import dev.byron.runtime.spi.ResolverContext;

/** accounts: handles are stored in lower case; a moderator can suspend a user. */
public class AccountsHooksImpl implements AccountsHooks {
	@Override
	public User normalizeHandle(User user, CommandHookContext context) {
		return user.handle() == null ? user
				: new User(user.id(), user.handle().trim().toLowerCase(), user.name(), user.bio(), user.status(), user.joinedAt());
	}

	@Override
	public User suspendUser(String id, String reason, ResolverContext context) {
		AccountsStore store = AccountsStore.of(context);
		User user = store.users().update(id, User.STATUS, AccountStatus.SUSPENDED);
		store.publish(new UserSuspended(id, reason));
		return user;
	}
}
