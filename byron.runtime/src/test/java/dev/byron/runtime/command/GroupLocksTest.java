package dev.byron.runtime.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GroupLocksTest {
	private final GroupLocks locks = new GroupLocks();

	@Test
	void aCommandOfAnotherGroupIsNotHeldUpWhileAGroupIsLocked() throws Exception {
		var talkOne = locks.lock("talk=t1");
		var other = CompletableFuture.runAsync(() -> locks.lock("talk=t2").unlock()); // a lock is unlocked by its taker
		other.get(5, TimeUnit.SECONDS);
		talkOne.unlock();
	}

	@Test
	void aSecondCommandOfTheSameGroupWaitsUntilTheFirstUnlocks() throws Exception {
		var first = locks.lock("talk=t1");
		CountDownLatch asking = new CountDownLatch(1);
		var second = CompletableFuture.runAsync(() -> {
			asking.countDown();
			locks.lock("talk=t1").unlock();
		});
		asking.await();
		Thread.sleep(100);
		assertThat(second).isNotDone();
		first.unlock();
		second.get(5, TimeUnit.SECONDS);
	}

	@Test
	void aGroupsLockIsDroppedWhenNoCommandHoldsOrWaitsForIt() throws Exception {
		for (int i = 0; i < 1000; i++) {
			locks.lock("talk=t" + i).unlock();
		}
		var held = locks.lock("talk=kept");
		assertThat(locks.inUse()).isEqualTo(1);
		held.unlock();
		assertThat(locks.inUse()).isZero();
	}
}
