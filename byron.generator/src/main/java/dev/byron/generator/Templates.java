package dev.byron.generator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/** The Freemarker templates under {@code dev/byron/generator/templates}, rendered with a fixed locale. */
public final class Templates {
	private static final Configuration CONFIGURATION = configuration();

	private Templates() {
	}

	private static Configuration configuration() {
		Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
		configuration.setClassForTemplateLoading(Templates.class, "/dev/byron/generator/templates");
		configuration.setDefaultEncoding("UTF-8");
		configuration.setLocale(Locale.ROOT);
		configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
		configuration.setLogTemplateExceptions(false);
		configuration.setFallbackOnNullLoopVariable(false);
		return configuration;
	}

	public static String render(String template, Object model) {
		try {
			StringWriter out = new StringWriter();
			CONFIGURATION.getTemplate(template).process(model, out);
			return out.toString();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (TemplateException e) {
			throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
		}
	}
}
