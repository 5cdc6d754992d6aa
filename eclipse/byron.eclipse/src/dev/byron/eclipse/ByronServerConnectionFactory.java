package dev.byron.eclipse;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExecutableExtensionFactory;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Gives LSP4E its connection to the Byron language server.
 *
 * <p>LSP4E is an optional requirement that is not published to Maven Central, so this plug-in is not compiled
 * against it. LSP4E asks for an {@code org.eclipse.lsp4e.server.StreamConnectionProvider}; this factory answers
 * with a proxy of that interface, loaded from LSP4E itself at run time, whose abstract methods are served by a
 * {@link ByronServerProcess} and whose default methods keep LSP4E's own behaviour.
 */
public final class ByronServerConnectionFactory implements IExecutableExtensionFactory {

    static final String CONNECTION_PROVIDER = "org.eclipse.lsp4e.server.StreamConnectionProvider";

    @Override
    public Object create() throws CoreException {
        Class<?> providerType;
        try {
            providerType = ByronServerConnectionFactory.class.getClassLoader().loadClass(CONNECTION_PROVIDER);
        } catch (ClassNotFoundException e) {
            throw new CoreException(Status.error(
                    "LSP4E is not installed: install it from https://download.eclipse.org/lsp4e/releases/latest/"
                            + " to get the Byron language server's diagnostics, completion and navigation", e));
        }
        ByronServerProcess server;
        try {
            server = ByronServerProcess.forThisEclipse();
        } catch (IOException e) {
            throw new CoreException(new Status(IStatus.ERROR, "dev.byron.eclipse", e.getMessage(), e));
        }
        return connectionProvider(providerType, server);
    }

    public static Object connectionProvider(Class<?> providerType, ByronServerProcess server) {
        return Proxy.newProxyInstance(providerType.getClassLoader(), new Class<?>[] {providerType},
                new ServerStreams(server));
    }

    private static final class ServerStreams implements InvocationHandler {
        private final ByronServerProcess server;

        ServerStreams(ByronServerProcess server) {
            this.server = server;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "start":
                    server.start();
                    return null;
                case "getInputStream":
                    return server.inputStream();
                case "getOutputStream":
                    return server.outputStream();
                case "getErrorStream":
                    return server.errorStream();
                case "stop":
                    server.stop();
                    return null;
                case "toString":
                    return "Byron language server " + server.command();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(
                            "This LSP4E asks for " + method + ", which the Byron plug-in does not know");
            }
        }
    }
}
