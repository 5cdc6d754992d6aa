package dev.byron.dsl.ide;

import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server, answering {@code initialize} as soon as it knows its capabilities. Xtext 2.42 answers
 * only after it has built the whole workspace (2.3 s for a 5,000-line model here); later Xtext versions answer at
 * once and build in the background, as this does. The build stays the first write request, so every request and
 * notification the editor sends after {@code initialize} still waits for it and sees the built workspace; only the
 * editor's own start no longer does.
 */
public class ByronLanguageServerImpl extends LanguageServerImpl {
	private static final org.apache.log4j.Logger LOG = org.apache.log4j.Logger.getLogger(ByronLanguageServerImpl.class);
	private volatile ServerCapabilities capabilities;

	@Override
	protected ServerCapabilities createServerCapabilities(InitializeParams params) {
		capabilities = super.createServerCapabilities(params);
		return capabilities;
	}

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		super.initialize(params).exceptionally(failure -> {
			// a change the editor sends while the build runs cancels it, and the change builds what it needs
			if (!(failure instanceof java.util.concurrent.CancellationException
					|| failure.getCause() instanceof java.util.concurrent.CancellationException)) {
				LOG.error("building the workspace failed", failure);
			}
			return null;
		});
		return CompletableFuture.completedFuture(new InitializeResult(capabilities));
	}

	/**
	 * Xtext's prepareRename, with the server's access as {@link InRequestAccess} gives it: its initialize result is
	 * the one answered (Xtext records its own only when the first build ends, and not at all when a change the editor
	 * sent cancelled that build; every prepareRename then answered null, which VS Code reads as "The element can't be
	 * renamed"), and its reads run at once.
	 */
	@Override
	protected org.eclipse.lsp4j.jsonrpc.messages.Either3<org.eclipse.lsp4j.Range, org.eclipse.lsp4j.PrepareRenameResult,
			org.eclipse.lsp4j.PrepareRenameDefaultBehavior> prepareRename(org.eclipse.lsp4j.PrepareRenameParams params,
					org.eclipse.xtext.util.CancelIndicator cancelIndicator) {
		org.eclipse.emf.common.util.URI uri = getURI(params);
		var renameService = getService(uri, org.eclipse.xtext.ide.server.rename.IRenameService2.class);
		if (renameService == null) {
			throw new UnsupportedOperationException();
		}
		var options = new org.eclipse.xtext.ide.server.rename.IRenameService2.PrepareRenameOptions();
		options.setLanguageServerAccess(inRequest());
		options.setParams(params);
		options.setCancelIndicator(cancelIndicator);
		return renameService.prepareRename(options);
	}

	/**
	 * Xtext's rename, with the server's access as {@link InRequestAccess} gives it, and carried through once begun: a
	 * change the editor sends meanwhile (to any file) waits for it, as every change waits for the requests before it,
	 * instead of cancelling it; an editor such as VS Code then did nothing on F2, without a word.
	 */
	@Override
	protected org.eclipse.lsp4j.WorkspaceEdit rename(org.eclipse.lsp4j.RenameParams params, org.eclipse.xtext.util.CancelIndicator cancelIndicator) {
		org.eclipse.emf.common.util.URI uri = getURI(params.getTextDocument());
		var renameService = getService(uri, org.eclipse.xtext.ide.server.rename.IRenameService2.class);
		if (renameService == null) {
			return new org.eclipse.lsp4j.WorkspaceEdit();
		}
		var options = new org.eclipse.xtext.ide.server.rename.IRenameService2.Options();
		options.setLanguageServerAccess(inRequest());
		options.setRenameParams(params);
		options.setCancelIndicator(org.eclipse.xtext.util.CancelIndicator.NullImpl);
		return renameService.rename(options);
	}

	private InRequestAccess inRequest() {
		return new InRequestAccess(getLanguageServerAccess(), new InitializeResult(capabilities));
	}

	/**
	 * The server's access for a service that runs inside a read request. Its reads run at once, on the request's
	 * thread: Xtext's rename asked for a read and waited for it, and a change the editor sent meanwhile queued its
	 * write before that read, the write waiting for the rename to end: the server hung for good (the web studio's F2
	 * after an undo of the last rename met it). Inside the request no write can run, so a read there is safe. The
	 * initialize result is the one answered.
	 */
	private record InRequestAccess(ILanguageServerAccess access, InitializeResult answered) implements ILanguageServerAccess {
		@Override
		public <T> CompletableFuture<T> doRead(String uri, java.util.function.Function<Context, T> function) {
			try {
				return CompletableFuture.completedFuture(access.doSyncRead(uri, function));
			} catch (RuntimeException e) {
				return CompletableFuture.failedFuture(e);
			}
		}

		@Override
		public <T> T doSyncRead(String uri, java.util.function.Function<Context, T> function) {
			return access.doSyncRead(uri, function);
		}

		@Override
		public <T> CompletableFuture<T> doReadIndex(java.util.function.Function<? super IndexContext, ? extends T> function) {
			return access.doReadIndex(function);
		}

		@Override
		public void addBuildListener(IBuildListener listener) {
			access.addBuildListener(listener);
		}

		@Override
		public void removeBuildListener(IBuildListener listener) {
			access.removeBuildListener(listener);
		}

		@Override
		public org.eclipse.lsp4j.services.LanguageClient getLanguageClient() {
			return access.getLanguageClient();
		}

		@Override
		public org.eclipse.emf.ecore.resource.ResourceSet newLiveScopeResourceSet(org.eclipse.emf.common.util.URI uri) {
			return access.newLiveScopeResourceSet(uri);
		}

		@Override
		public InitializeParams getInitializeParams() {
			return access.getInitializeParams();
		}

		@Override
		public InitializeResult getInitializeResult() {
			return answered;
		}
	}

	/**
	 * A rename refused (a name the checks refuse: an editor asks for each name typed) is an answer to the user, not a
	 * fault of the server's: sent as the request's error without Xtext logging it, with its stack, as one. A rename a
	 * change cancelled before it began (Xtext cancels what waits when a change arrives) is worked out again on the
	 * changed texts: the editor gets an answer, not a cancellation it did not ask for (VS Code then did nothing on F2).
	 */
	@Override
	public CompletableFuture<org.eclipse.lsp4j.WorkspaceEdit> rename(org.eclipse.lsp4j.RenameParams params) {
		return renameTried(params, RENAME_TRIES);
	}

	/** How often a rename a change cancelled before it began is tried again, on the changed texts. */
	private static final int RENAME_TRIES = 3;

	private CompletableFuture<org.eclipse.lsp4j.WorkspaceEdit> renameTried(org.eclipse.lsp4j.RenameParams params, int tries) {
		return renameOnce(params).exceptionallyCompose(failure -> tries > 1 && cancelledBeforeItBegan(failure)
				? renameTried(params, tries - 1) : CompletableFuture.failedFuture(failure));
	}

	private static boolean cancelledBeforeItBegan(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.util.concurrent.CancellationException) {
				return true;
			}
		}
		return false;
	}

	private CompletableFuture<org.eclipse.lsp4j.WorkspaceEdit> renameOnce(org.eclipse.lsp4j.RenameParams params) {
		return getRequestManager().runRead(cancel -> {
			try {
				synchronized (renaming) { // one at a time: an editor that checks names as typed sends one beside the real one
					return new Renamed(rename(params, cancel), null);
				}
			} catch (org.eclipse.lsp4j.jsonrpc.ResponseErrorException refused) {
				return new Renamed(null, refused);
			}
		}).thenApply(renamed -> {
			if (renamed.refused() != null) {
				throw renamed.refused();
			}
			return renamed.edit();
		});
	}

	private final Object renaming = new Object();

	private record Renamed(org.eclipse.lsp4j.WorkspaceEdit edit, org.eclipse.lsp4j.jsonrpc.ResponseErrorException refused) {
	}
}
