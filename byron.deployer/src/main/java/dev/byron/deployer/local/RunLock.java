package dev.byron.deployer.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One local run per project at a time: an operating-system lock on {@code .byron-data/run.lock}, which ends with
 * the process that holds it, however it ends. A second run is refused with the first one's pid; a nats-server
 * that a killed run left behind on the project's store (its pid in {@code nats.pid}) is stopped before a new
 * one starts on the same files.
 */
final class RunLock implements AutoCloseable {
	static final String NATS_PID = "nats.pid";
	private final FileChannel channel;
	private final FileLock lock;
	private final Path data;

	private RunLock(FileChannel channel, FileLock lock, Path data) {
		this.channel = channel;
		this.lock = lock;
		this.data = data;
	}

	static RunLock acquire(Path data, Consumer<String> log) throws IOException, LocalRunException {
		Files.createDirectories(data);
		FileChannel channel = FileChannel.open(data.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		} catch (OverlappingFileLockException e) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			String pid = readPid(data.resolve("run.pid")).map(p -> " (pid " + p + ")").orElse("");
			throw new LocalRunException("Another byron run" + pid + " is using this project's data in " + data
					+ ". Stop it (Ctrl-C in its terminal" + (pid.isEmpty() ? "" : ", or kill " + pid.replaceAll("\\D", "")) + ") and run again.");
		}
		Files.writeString(data.resolve("run.pid"), String.valueOf(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
		stopOrphan(data, log);
		return new RunLock(channel, lock, data);
	}

	/** A nats-server on this store whose run is gone (the lock was free): it would share the store with the new one. */
	private static void stopOrphan(Path data, Consumer<String> log) throws IOException {
		for (long pid : readPids(data.resolve(NATS_PID))) {
			Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
					.filter(p -> p.info().commandLine().map(c -> c.contains("nats-server") && c.contains(data.toString())).orElse(false));
			if (orphan.isPresent()) {
				log.accept("byron: stopping nats-server (pid " + pid + ") that a run which was killed left on this project's store");
				orphan.get().destroy();
				try {
					orphan.get().onExit().get(10, TimeUnit.SECONDS);
				} catch (Exception e) {
					orphan.get().destroyForcibly();
				}
			}
		}
		Files.deleteIfExists(data.resolve(NATS_PID));
	}

	/**
	 * Notes a nats-server this run started (in place of {@code replaced}, one that ended; -1 if none), so that a later
	 * run can find them all if this one is killed.
	 */
	synchronized void natsStarted(long pid, long replaced) throws IOException {
		java.util.List<Long> pids = new java.util.ArrayList<>(readPids(data.resolve(NATS_PID)));
		pids.remove(Long.valueOf(replaced));
		pids.add(pid);
		Files.writeString(data.resolve(NATS_PID), pids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("\n")),
				StandardCharsets.UTF_8);
	}

	private static java.util.List<Long> readPids(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(line -> line.matches("\\d+"))
					.map(Long::parseLong).toList();
		} catch (IOException e) {
			return java.util.List.of();
		}
	}

	private static Optional<Long> readPid(Path file) {
		try {
			return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
		} catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	@Override
	public void close() throws IOException {
		Files.deleteIfExists(data.resolve(NATS_PID));
		Files.deleteIfExists(data.resolve("run.pid"));
		lock.release();
		channel.close();
	}
}
