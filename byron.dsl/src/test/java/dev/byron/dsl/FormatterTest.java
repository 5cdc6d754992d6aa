package dev.byron.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.ModelFormatter;

class FormatterTest {
	private final ModelFormatter formatter = ModelFormatter.create();

	@Test
	void formatsACrampedModelTheCanonicalWay() {
		String cramped = """
				system   demo
				component accounts{entity User @plural( "people" ){handle:String!@unique   @length(min:1,max:  5)
				 // who they are
				name : String


				tags:[ String ! ] !}
				enum Status{A,B}
				replicate   other.Thing{a,b}
				on other.ThingCreated   call    react
				before createUser call check
				query find( text:String! , first:Int=10 ):[User!]!
				}
				deployment{namespace:"demo" ingress{host:"x"}  component accounts{replicas:2}}
				""";
		assertThat(formatter.format(cramped)).isEqualTo("""
				system demo

				component accounts {
				  entity User @plural("people") {
				    handle: String! @unique @length(min: 1, max: 5)
				    // who they are
				    name: String

				    tags: [String!]!
				  }
				  enum Status {
				    A,
				    B
				  }
				  replicate other.Thing { a, b }
				  on other.ThingCreated call react
				  before createUser call check
				  query find(text: String!, first: Int = 10): [User!]!
				}

				deployment {
				  namespace: "demo"
				  ingress {
				    host: "x"
				  }
				  component accounts {
				    replicas: 2
				  }
				}
				""");
	}

	static Stream<Path> exampleFiles() throws Exception {
		return Stream.of("microblog", "shop", "conference").flatMap(example -> {
			try {
				return ByronLoader.files(TestModels.examples().resolve(example)).stream();
			} catch (dev.byron.dsl.api.ModelLoadException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	@ParameterizedTest
	@MethodSource("exampleFiles")
	void examplesAreFormattedAndFormattingTwiceChangesNothing(Path file) throws Exception {
		String text = Files.readString(file);
		String once = formatter.format(text);
		assertThat(once).as("the example is kept formatted").isEqualTo(text);
		assertThat(formatter.format(once)).isEqualTo(once);
	}

	@Test
	void textWithSyntaxErrorsIsLeftAlone() {
		String broken = "component a { entity X { name String } }";
		assertThat(formatter.format(broken)).isEqualTo(broken);
	}

	@Test
	void formattingIsIdempotentOnAShuffledModel() {
		List<String> lines = List.of("system s", "component a {", "entity X {n:Int @range(min:-1)}", "event E",
				"mutation m:X", "}");
		String once = formatter.format(String.join("\n", lines));
		assertThat(formatter.format(once)).isEqualTo(once);
	}
}
