package dev.byron.runtime.spi;

import java.util.Map;

/** A record the generator writes for an entity or an event: it turns back into the plain map the runtime uses. */
public interface GeneratedRecord {
	Map<String, Object> toMap();
}
