package dev.byron.runtime.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.byron.runtime.memo.BoundedCache;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * A component parses and validates a query text once: the gateway sends each component the same few texts again
 * and again. Only valid documents are kept; depth, roles and variables are still checked on every request.
 */
final class CachedDocuments implements PreparsedDocumentProvider {
	private static final int MAX_CACHED_QUERY = 16 * 1024;
	private final BoundedCache<String, PreparsedDocumentEntry> documents = new BoundedCache<>(1024);

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry entry = documents.get(query);
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors() && query.length() <= MAX_CACHED_QUERY) {
				documents.put(query, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}
}
