package dev.byron.dsl.api.model;

/** A value read from an environment variable at deploy time: {@code env("POSTS_MONGO_URI")}. */
public record EnvRef(String variable) {
}
