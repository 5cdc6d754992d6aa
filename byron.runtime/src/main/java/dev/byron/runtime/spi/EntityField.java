package dev.byron.runtime.spi;

/**
 * A field of a generated entity record, for typed queries: {@code store.registrations().where(Registration.TALK, id)}.
 * {@code R} is the record, {@code V} the field's Java type; {@code name} is the model's name.
 */
public record EntityField<R extends GeneratedRecord, V>(String name) {
}
