package dev.byron.dsl.api.model;

import java.util.List;

/** A read model of another component's entity, fed by its events; {@code fields} lists what is kept. */
public record ReplicaDef(String component, String entity, List<String> fields, SourceRange range) {
}
