package dev.byron.eclipse;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Byron language server as a child process speaking LSP on its standard streams: the same jar, started
 * the same way, as the VS Code extension does. It runs on the Java that runs Eclipse (17 or newer).
 */
public final class ByronServerProcess {

    private final List<String> command;
    private final File workingDirectory;
    private Process process;

    public ByronServerProcess(Path javaHome, Path serverJar, Path workingDirectory) {
        this.command = List.of(javaHome.resolve("bin").resolve("java").toString(),
                "-Xss4m", "-XX:+UseSerialGC", "-jar", serverJar.toString());
        this.workingDirectory = workingDirectory.toFile();
    }

    public static ByronServerProcess forThisEclipse() throws IOException {
        return new ByronServerProcess(Path.of(System.getProperty("java.home")), LanguageServerJar.locate(),
                Path.of(System.getProperty("user.home")));
    }

    public List<String> command() {
        return command;
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(command).directory(workingDirectory).start();
    }

    public synchronized InputStream inputStream() {
        return running().getInputStream();
    }

    public synchronized OutputStream outputStream() {
        return running().getOutputStream();
    }

    public synchronized InputStream errorStream() {
        return running().getErrorStream();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Asks the process to end, and kills it if it has not within two seconds. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private Process running() {
        if (process == null) {
            throw new IllegalStateException("The Byron language server has not been started");
        }
        return process;
    }
}
