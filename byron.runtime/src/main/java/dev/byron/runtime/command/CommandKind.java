package dev.byron.runtime.command;

public enum CommandKind {
	CREATE("create"), UPDATE("update"), DELETE("delete");

	private final String verb;

	CommandKind(String verb) {
		this.verb = verb;
	}

	/** The command's name for an entity, as hooks name it: {@code createUser}. */
	public String commandName(String entity) {
		return verb + entity;
	}
}
