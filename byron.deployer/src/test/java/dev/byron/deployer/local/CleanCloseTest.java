package dev.byron.deployer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanCloseTest {
	@TempDir
	Path data;

	@Test
	void aStoreClosedCleanlyIsTakenAsCleanOnceByTheNextRun() throws Exception {
		Path store = Files.write(data.resolve("mongo.mv"), new byte[] { 1, 2, 3 });
		assertThat(CleanClose.taken(store)).as("never marked: a crash, or the first run").isFalse();
		CleanClose.mark(store);
		assertThat(CleanClose.taken(store)).isTrue();
		assertThat(CleanClose.taken(store)).as("the run that took it may be killed: the one after catches up").isFalse();
	}

	@Test
	void aStoreChangedOrDeletedSinceItWasClosedIsNotTakenAsClean() throws Exception {
		Path store = Files.write(data.resolve("mongo.mv"), new byte[] { 1, 2, 3 });
		CleanClose.mark(store);
		Files.write(store, new byte[] { 1, 2, 3, 4 });
		assertThat(CleanClose.taken(store)).as("written since").isFalse();

		CleanClose.mark(store);
		Files.setLastModifiedTime(store, FileTime.fromMillis(Files.getLastModifiedTime(store).toMillis() + 5_000));
		assertThat(CleanClose.taken(store)).as("replaced by another file of the same size").isFalse();

		CleanClose.mark(store);
		Files.delete(store);
		assertThat(CleanClose.taken(store)).as("deleted: the Sinks rebuild it from the streams").isFalse();
	}
}
