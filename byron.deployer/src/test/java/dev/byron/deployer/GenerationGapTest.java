package dev.byron.deployer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.byron.deployer.local.LocalOptions;
import dev.byron.deployer.local.LocalRunException;
import dev.byron.deployer.local.LocalSystem;

/** The user's hooks implement interfaces generated from the model; a model change that breaks them names them. */
class GenerationGapTest {
	@TempDir
	Path project;

	static final String HOOK = """
			import byron.shop.catalog.CatalogHooks;
			import byron.shop.catalog.Item;
			import dev.byron.runtime.spi.CommandHookContext;

			public class CatalogHooksImpl implements CatalogHooks {
			  @Override
			  public Item checkPrice(Item item, CommandHookContext context) {
			    return item;
			  }
			}
			""";

	@Test
	void aRenamedHookIsACompileErrorThatNamesIt() throws Exception {
		Files.createDirectories(project.resolve("hooks"));
		Files.writeString(project.resolve("hooks/CatalogHooksImpl.java"), HOOK);
		Files.writeString(project.resolve("schema.byron"), """
				system shop
				component catalog {
				  entity Item { name: String! }
				  before createItem call checkPrices
				}
				""");
		assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(0, "nats://127.0.0.1:1", "mongodb://127.0.0.1:1"),
				new PrintWriter(new StringWriter())))
				.isInstanceOf(LocalRunException.class)
				.hasMessageContaining("hooks/CatalogHooksImpl.java")
				.hasMessageContaining("checkPrices")
				.hasMessageContaining("does not override");
	}

	@Test
	void aModelWithErrorsIsRefusedBeforeAnythingStarts() throws Exception {
		Files.writeString(project.resolve("schema.byron"), "system s\ncomponent a { entity X { n: Nope } }\n");
		assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(0, null, null), new PrintWriter(new StringWriter())))
				.isInstanceOf(LocalRunException.class).hasMessageContaining("[unknown-type]");
		assertThat(project.resolve(".byron-data/nats")).doesNotExist();
	}

	@Test
	void aComponentWithoutHookCodeGetsAStubOnceThatCompilesAndIsNeverOverwritten() throws Exception {
		Files.writeString(project.resolve("schema.byron"), """
				system shop
				component catalog {
				  entity Item { name: String! }
				  before createItem call checkPrice
				  query cheapest(first: Int = 3): [Item!]!
				}
				""");
		StringWriter log = new StringWriter();
		assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(0, "nats://127.0.0.1:1", "mongodb://127.0.0.1:1"),
				new PrintWriter(log)))
				.as("the stub compiles: what fails next is the unreachable broker").isInstanceOf(LocalRunException.class)
				.hasMessageNotContaining("does not compile");
		Path stub = project.resolve("hooks/CatalogHooksImpl.java");
		assertThat(log.toString()).contains("wrote hooks/CatalogHooksImpl.java");
		assertThat(stub).content().contains("public class CatalogHooksImpl implements byron.shop.catalog.CatalogHooks")
				.contains("return state;").contains("cheapest is not implemented yet");
		Files.writeString(stub, Files.readString(stub).replace("return state;", "return state; // mine"));
		assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(0, "nats://127.0.0.1:1", "mongodb://127.0.0.1:1"),
				new PrintWriter(new StringWriter()))).isInstanceOf(LocalRunException.class);
		assertThat(stub).content().contains("// mine");
	}

	@Test
	void aHookAddedToTheModelIsAGapWhoseFilledStubCompiles() throws Exception {
		Files.createDirectories(project.resolve("hooks"));
		Path hooks = project.resolve("hooks/CatalogHooksImpl.java");
		Files.writeString(hooks, HOOK);
		Files.writeString(project.resolve("schema.byron"), """
				system shop
				component catalog {
				  entity Item { name: String! }
				  before createItem call checkPrice
				  after createItem call announce
				  query cheapest(first: Int = 3): [Item!]!
				}
				""");
		var model = dev.byron.dsl.api.ByronLoader.create().load(project).model();
		var gaps = dev.byron.generator.HookImplementations.find(model, java.util.Map.of(hooks, HOOK));
		assertThat(gaps).extracting(g -> g.method()).containsExactlyInAnyOrder("announce", "cheapest");
		assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(0, "nats://127.0.0.1:1", "mongodb://127.0.0.1:1"),
				new PrintWriter(new StringWriter()))).hasMessageContaining("does not override");
		StringBuilder filled = new StringBuilder(HOOK);
		dev.byron.generator.HookImplementations.fill(HOOK, gaps).stream()
				.sorted(java.util.Comparator.comparingInt(dev.byron.dsl.api.TextEdit::offset).reversed())
				.forEach(e -> filled.replace(e.offset(), e.offset() + e.length(), e.text()));
		Files.writeString(hooks, filled);
		assertThatThrownBy(() -> LocalSystem.start(project, new LocalOptions(0, "nats://127.0.0.1:1", "mongodb://127.0.0.1:1"),
				new PrintWriter(new StringWriter())))
				.as("the filled class compiles: what fails next is the unreachable broker").isInstanceOf(LocalRunException.class)
				.hasMessageNotContaining("does not compile").hasMessageNotContaining("does not override");
	}
}
