package dev.byron.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The examples that {@code byron init --example} copies are the examples' sources, as git knows them. */
class ExamplesInTheDistributionTest {
	@Test
	void theDistributionCarriesExactlyTheExampleFilesGitKnowsAndNoRunData() throws Exception {
		Path examples = CliTest.examples();
		Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", ".")
				.directory(examples.toFile()).start();
		String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assumeTrue(git.waitFor() == 0, "needs a git checkout of Byron");
		Set<String> sources = Arrays.stream(listing.split("\0")).filter(name -> !name.isEmpty())
				.filter(name -> Files.isRegularFile(examples.resolve(name))).collect(Collectors.toCollection(TreeSet::new));

		Path packaged = Path.of(InitCommand.class.getResource("/byron-examples/microblog/schema.byron").toURI())
				.getParent().getParent();
		Set<String> inTheDistribution;
		try (Stream<Path> walk = Files.walk(packaged)) {
			inTheDistribution = walk.filter(Files::isRegularFile).map(f -> packaged.relativize(f).toString())
					.collect(Collectors.toCollection(TreeSet::new));
		}

		assertThat(sources).contains("microblog/schema.byron", "shop/schema.byron");
		assertThat(inTheDistribution).isEqualTo(sources);
	}
}
