package dev.byron.runtime.http;

import java.io.IOException;

/** Answers the requests of one path (and the paths below it). */
@FunctionalInterface
public interface HttpHandler {
	void handle(Exchange exchange) throws IOException;
}
