package dev.byron.runtime.descriptor;

/**
 * {@code @owner(field)}: the entity belongs to the caller its {@code field} names (the token's subject); only they
 * may change or delete it, and a create must name them (or leave the field out, which fills it in). A caller with
 * {@code role}, when set, may change anyone's.
 */
public record Ownership(String field, String role) {
}
