package dev.byron.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** The version the build wrote into the jar. */
final class Version implements IVersionProvider {
	@Override
	public String[] getVersion() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		return new String[] { "byron " + properties.getProperty("version", "unknown") };
	}
}
