package dev.byron.dsl;

/**
 * Guice's settings for a quick start, set by each of Byron's main methods before anything makes an injector (Guice
 * reads them once). Without them, making the language's injectors took a quarter of a second more of a language
 * server's start to {@code initialize}: Guice generated a class per injected type and recorded a stack trace per
 * binding. Byron binds no method interceptors, which are what bytecode generation is needed for; a setting given on
 * the command line wins.
 */
public final class GuiceStartup {
	private GuiceStartup() {
	}

	public static void configure() {
		keep("guice_bytecode_gen_option", "DISABLED");
		keep("guice_include_stack_traces", "OFF");
	}

	private static void keep(String name, String value) {
		if (System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}
}
