package dev.byron.runtime.event;

/** What a CRUD event did to its entity; DOMAIN for declared events. */
public enum Operation {
	CREATED, UPDATED, DELETED, DOMAIN
}
