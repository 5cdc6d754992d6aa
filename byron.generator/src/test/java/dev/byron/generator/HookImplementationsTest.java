package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.Source;
import dev.byron.dsl.api.TextEdit;
import dev.byron.dsl.api.model.ByronModel;

/** The hooks the model names that the user's class lacks, found from its source as it stands, and filled in. */
class HookImplementationsTest {
	static final Path HOOKS = Path.of("hooks/CatalogHooksImpl.java");

	static final ByronModel MODEL = ByronLoader.create().loadSources(List.of(new Source(Path.of("m.byron"), """
			system shop
			component catalog {
			  entity Item { name: String! }
			  before createItem call checkPrice
			  after createItem call announce
			  query cheapest(first: Int = 3): [Item!]!
			}
			"""))).model();

	static final String PARTIAL = """
			package shop;

			import byron.shop.catalog.CatalogHooks;
			import byron.shop.catalog.Item;

			public class CatalogHooksImpl implements CatalogHooks {
			  @Override
			  public Item checkPrice(Item item, dev.byron.runtime.spi.CommandHookContext context) {
			    return item;
			  }
			}
			""";

	@Test
	void theMethodsTheClassDoesNotDeclareAreGapsPlacedWhereTheModelNamesThem() {
		List<HookImplementations.Gap> gaps = HookImplementations.find(MODEL, Map.of(HOOKS, PARTIAL));
		assertThat(gaps).extracting(HookImplementations.Gap::method).containsExactlyInAnyOrder("announce", "cheapest");
		HookImplementations.Gap announce = gaps.stream().filter(g -> g.method().equals("announce")).findFirst().orElseThrow();
		assertThat(announce.declaredAt().line()).isEqualTo(5);
		assertThat(announce.className()).isEqualTo("CatalogHooksImpl");
		assertThat(announce.message()).contains("'announce' has no implementation: CatalogHooksImpl.java implements the hooks of catalog", "quick fix");
	}

	@Test
	void theFillAddsEveryMissingMethodAndTheImportsItsBodiesNeedAfterWhichNothingIsMissing() {
		List<HookImplementations.Gap> gaps = HookImplementations.find(MODEL, Map.of(HOOKS, PARTIAL));
		String filled = apply(PARTIAL, HookImplementations.fill(PARTIAL, gaps));
		assertThat(filled).contains("import dev.byron.runtime.api.ByronException;", "import dev.byron.runtime.spi.CommandHookContext;",
				"public void announce(Item state, CommandHookContext context) {",
				"cheapest is not implemented yet").endsWith("}\n");
		assertThat(filled).as("in the file's own indentation").contains("\n  @Override\n  public void announce").doesNotContain("\t");
		assertThat(filled).as("types the file imports, named as it names them").contains("java.util.List<Item> cheapest(")
				.doesNotContain("byron.shop.catalog.Item state");
		assertThat(filled.indexOf("import dev.byron.runtime.api.ByronException;")).isGreaterThan(filled.indexOf("import byron.shop.catalog.Item;"));
		assertThat(HookImplementations.find(MODEL, Map.of(HOOKS, filled))).isEmpty();
	}

	@Test
	void aFileIndentedWithTabsUnderAJavadocGetsItsMethodsIndentedWithTabs() {
		String tabbed = "/**\n * The hooks of catalog.\n */\n" + PARTIAL.replace("\n  ", "\n\t").replace("\t  ", "\t\t");
		List<HookImplementations.Gap> gaps = HookImplementations.find(MODEL, Map.of(HOOKS, tabbed));
		String filled = apply(tabbed, HookImplementations.fill(tabbed, gaps));
		assertThat(filled).contains("\n\t@Override\n\tpublic void announce").doesNotContain("\n @Override");
	}

	@Test
	void aClassImplementingTheHooksOfAComponentTheModelNoLongerHasIsAnOrphanHoweverItNamesTheInterface() {
		Map<Path, String> sources = new java.util.LinkedHashMap<>();
		sources.put(HOOKS, PARTIAL);
		sources.put(Path.of("hooks/PharmacyHooksImpl.java"), "import byron.shop.pharmacy.PharmacyHooks;\n"
				+ "public class PharmacyHooksImpl implements PharmacyHooks {}\n");
		sources.put(Path.of("hooks/BillingHooksImpl.java"), "import byron.shop.billing.*;\npublic class BillingHooksImpl implements BillingHooks {}\n");
		sources.put(Path.of("hooks/OrdersHooksImpl.java"), "public class OrdersHooksImpl implements byron.shop.orders.OrdersHooks {}\n");
		sources.put(Path.of("hooks/Helper.java"), "import java.util.function.Supplier;\npublic class Helper implements Supplier<String> {"
				+ " public String get() { return \"\"; } }\n");
		List<HookImplementations.Orphan> orphans = HookImplementations.orphans(GenerationInput.of(MODEL).descriptors(), sources);
		assertThat(orphans).extracting(HookImplementations.Orphan::component).containsExactly("pharmacy", "billing", "orders");
		assertThat(orphans.get(0).message()).isEqualTo("PharmacyHooksImpl implements the hooks of component 'pharmacy', which the"
				+ " model no longer has: byron run leaves PharmacyHooksImpl.java out. Delete it, or rename it and its package for the"
				+ " component's new name.");
		assertThat(orphans.get(0).diagnostic(sources.get(Path.of("hooks/PharmacyHooksImpl.java"))).line()).isEqualTo(2);
	}

	@Test
	void aComponentNoClassImplementsYetIsLeftToTheStubThatByronRunWrites() {
		assertThat(HookImplementations.find(MODEL, Map.of(HOOKS, "public class Other {}\n"))).isEmpty();
	}

	@Test
	void aClassThatDoesNotParseYetHidesNothingItDeclares() {
		String typing = PARTIAL.replace("return item;", "return item");
		assertThat(HookImplementations.find(MODEL, Map.of(HOOKS, typing))).extracting(HookImplementations.Gap::method)
				.containsExactlyInAnyOrder("announce", "cheapest");
	}

	static String apply(String text, List<TextEdit> edits) {
		StringBuilder result = new StringBuilder(text);
		edits.stream().sorted(Comparator.comparingInt(TextEdit::offset).reversed())
				.forEach(e -> result.replace(e.offset(), e.offset() + e.length(), e.text()));
		return result.toString();
	}
}
