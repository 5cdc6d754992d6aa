package dev.byron.runtime;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.byron.runtime.broker.Broker;

/** A fresh system per test on the shared servers; what a test starts is closed after it, newest first. */
abstract class SystemTest {
	String system;
	Broker broker;
	List<AutoCloseable> running = new ArrayList<>();

	@BeforeEach
	void setUpSystem() throws Exception {
		system = TestInfra.newSystem();
		broker = TestInfra.broker(system);
	}

	@AfterEach
	void tearDownSystem() throws Exception {
		for (int i = running.size() - 1; i >= 0; i--) {
			running.get(i).close();
		}
		broker.close();
	}
}
