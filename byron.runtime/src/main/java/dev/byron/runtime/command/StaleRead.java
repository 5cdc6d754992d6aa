package dev.byron.runtime.command;

/** A fenced command's append found the stream moved on since its hooks read: the command runs again. */
final class StaleRead extends RuntimeException {
	private static final long serialVersionUID = 1L;

	StaleRead(Throwable cause) {
		super(cause.getMessage(), cause, false, false);
	}

	StaleRead(String why) {
		super(why, null, false, false);
	}
}
