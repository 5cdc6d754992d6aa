package dev.byron.runtime.spi;

/**
 * The user's code behind a custom query or mutation. It returns what the operation's type says: a map for
 * an entity (with its {@code id}), a list, or a scalar. Throw {@link dev.byron.runtime.api.ByronException}
 * to answer with an error code.
 */
@FunctionalInterface
public interface Resolver {
	Object resolve(ResolverContext context) throws Exception;
}
