package dev.byron.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.byron.dsl.api.ByronLoader;
import dev.byron.dsl.api.model.ByronModel;
import dev.byron.diagram.LaidOutDiagram.Box;

/** The three C4 views of both examples, laid out and exported; the PNGs are kept for the README. */
class DiagramExportTest {
	private static final Path EXAMPLES = Path.of(System.getProperty("byron.examples", "../examples"));
	private static final Path OUT = Path.of(System.getProperty("byron.screenshots", "target/screenshots"));

	static ByronModel model(String example) throws Exception {
		return ByronLoader.create().load(EXAMPLES.resolve(example)).model();
	}

	@Test
	void coordinatesAreWrittenExactlyAsTheJdkFormatterWritesThemWithOneDecimal() {
		java.util.Random random = new java.util.Random(18);
		List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 0.05, 0.15, 0.25, -0.04, -0.05, -3.25, 1.05, 2.675,
				99.95, 1e-4, 12345678.95, 1e7, -1e8, 0.45, 1000.05));
		for (int i = 0; i < 20_000; i++) {
			values.add((random.nextInt(400_000) - 20_000) / 100.0);
			values.add((random.nextDouble() - 0.1) * 5_000);
		}
		for (double value : values) {
			assertThat(SvgWriter.num(value)).as("%s", value).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", value));
		}
	}

	@ParameterizedTest
	@CsvSource({ "microblog,context,", "microblog,containers,", "microblog,component,timeline", "shop,context,",
			"shop,containers,", "shop,component,orders" })
	void exportsEachLevelAsSvgAndPng(String example, String level, String component) throws Exception {
		ByronModel model = model(example);
		String base = example + "-" + level;
		LaidOutDiagram laidOut = DiagramExport.export(model, C4Level.parse(level), component, OUT.resolve(base + ".svg"));
		DiagramExport.export(model, C4Level.parse(level), component, OUT.resolve(base + ".png"));

		String svg = Files.readString(OUT.resolve(base + ".svg"));
		for (DiagramNode node : laidOut.diagram().nodes()) {
			assertThat(svg).contains("id=\"" + SvgWriter.escape(node.id()) + "\"").contains(SvgWriter.escape(node.title()));
		}
		assertNoOverlaps(laidOut);
		for (EdgeKind kind : EdgeKind.values()) {
			boolean drawn = laidOut.diagram().edges().stream().anyMatch(edge -> edge.kind() == kind);
			assertThat(svg.contains(">" + SvgWriter.escape(DiagramLegend.meaning(kind)) + "<")).as("legend for %s", kind).isEqualTo(drawn);
		}
		assertEachElementOnALineOfItsOwn(svg);
		double lowestBox = laidOut.boxes().values().stream().mapToDouble(b -> b.y() + b.height()).max().orElse(0);
		assertThat(DiagramLegend.of(laidOut)).allSatisfy(entry -> assertThat(entry.y()).as("the legend below every box")
				.isGreaterThan(lowestBox));
		BufferedImage png = ImageIO.read(OUT.resolve(base + ".png").toFile());
		assertThat(png.getWidth()).isEqualTo((int) Math.ceil(laidOut.width() * 2));
		assertThat(png.getRGB(png.getWidth() / 2, 5) & 0xffffff).as("white background").isEqualTo(0xffffff);
	}

	/** What {@link SvgWriter#parts} relies on: the picture's children, one per line, each whole. */
	private static void assertEachElementOnALineOfItsOwn(String svg) throws Exception {
		var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var children = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg))).getDocumentElement()
				.getChildNodes();
		List<String> elements = new java.util.ArrayList<>();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof org.w3c.dom.Element element) {
				elements.add(element.getTagName() + " " + element.getAttribute("id") + " " + element.getTextContent());
			}
		}
		List<String> parts = new java.util.ArrayList<>();
		for (String part : SvgWriter.parts(svg)) {
			var element = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(part))).getDocumentElement();
			parts.add(element.getTagName() + " " + element.getAttribute("id") + " " + element.getTextContent());
		}
		assertThat(parts).isEqualTo(elements);
		assertThat(SvgWriter.opening(svg)).startsWith("<svg ").endsWith(">");
	}

	@Test
	void containersShowTheEventsFlowingBetweenComponents() throws Exception {
		Diagram diagram = C4Diagrams.containers(model("microblog"));
		assertThat(diagram.edges()).anySatisfy(edge -> {
			assertThat(edge.from()).isEqualTo("component:posts");
			assertThat(edge.to()).isEqualTo("component:timeline");
			assertThat(edge.kind()).isEqualTo(EdgeKind.EVENTS);
			assertThat(edge.label()).contains("Post (replica)", "PostCreated \u2192 fanOut", "PostDeleted \u2192 removeEntries");
		});
		assertThat(diagram.nodes()).extracting(DiagramNode::id).contains("clients", "gateway", "broker",
				"component:accounts", "component:posts", "component:social", "component:likes", "component:timeline");
	}

	@Test
	void theComponentViewShowsApiSinkCacheEntitiesAndSubscriptions() throws Exception {
		Diagram diagram = C4Diagrams.component(model("microblog"), "posts");
		assertThat(diagram.nodes()).extracting(DiagramNode::id).containsExactly("gateway", "api", "stream", "sink", "cache",
				"entity:Post", "replica:accounts.User", "events", "source:accounts", "source:likes", "subscriber:likes",
				"subscriber:timeline");
		assertThat(diagram.node("entity:Post").orElseThrow().details()).contains("author: User!", "likeCount: Int!");
		assertThat(diagram.node("events").orElseThrow().details()).contains("PostCreated", "PostUpdated", "PostDeleted");
		assertThat(diagram.node("sink").orElseThrow().details()).contains("on likes.LikeCreated \u2192 countLike");
	}

	@Test
	void theComponentViewShowsWhoReadsItsStreamAndWhat() throws Exception {
		Diagram diagram = C4Diagrams.component(model("microblog"), "posts");
		assertThat(diagram.node("subscriber:timeline").orElseThrow().technology()).isEqualTo("Sink of component timeline");
		assertThat(diagram.edges()).filteredOn(edge -> edge.to().equals("subscriber:timeline")).singleElement().satisfies(edge -> {
			assertThat(edge.from()).as("from the events it reads").isEqualTo("events");
			assertThat(edge.kind()).isEqualTo(EdgeKind.EVENTS);
			assertThat(edge.label()).contains("Post (replica)", "PostCreated \u2192 fanOut", "PostDeleted \u2192 removeEntries");
		});
	}

	@Test
	void aSubscriptionToAnEventOrEntityThatDoesNotExistIsNotDrawnAsAnArrow() {
		var model = ByronLoader.create().loadSources(List.of(new dev.byron.dsl.api.Source(Path.of("m.byron"), """
				system s
				component relay {
				  entity Ping { at: DateTime }
				  event Pinged { at: DateTime }
				}
				component listener {
				  on relay.Pinged call heard
				}
				component mistaken {
				  on relay.Pnged call heard
				  replicate relay.Png { at }
				}
				"""))).model();
		Diagram containers = C4Diagrams.containers(model);
		assertThat(containers.edges()).anyMatch(e -> e.id().equals(C4Diagrams.eventFlowId("relay", "listener")));
		assertThat(containers.edges()).noneMatch(e -> e.id().equals(C4Diagrams.eventFlowId("relay", "mistaken")));
		assertThat(C4Diagrams.component(model, "mistaken").nodes()).noneMatch(n -> n.id().equals("source:relay"));
		assertThat(C4Diagrams.component(model, "relay").nodes()).anyMatch(n -> n.id().equals("subscriber:listener"))
				.noneMatch(n -> n.id().equals("subscriber:mistaken"));
	}

	@Test
	void aContainersViewOfTwentyFourComponentsWithoutFlowsIsLaidOutInRowsNotOneLongRow() {
		StringBuilder text = new StringBuilder("system s\n");
		for (int i = 0; i < 24; i++) {
			text.append("component c").append(i).append(" {\n  entity E").append(i).append(" { n: String }\n}\n");
		}
		var model = ByronLoader.create().loadSources(List.of(new dev.byron.dsl.api.Source(Path.of("m.byron"), text.toString()))).model();
		LaidOutDiagram laidOut = DiagramLayout.layout(C4Diagrams.containers(model));
		assertThat(laidOut.width()).as("as wide as a screen's shape asks, not one row of 24 boxes").isLessThan(2 * laidOut.height());
		assertNoOverlaps(laidOut);
	}

	@Test
	void theCacheOfAComponentWithoutEntitiesDoesNotPointAtEntitiesBelow() throws Exception {
		var model = ByronLoader.create().loadSources(List.of(new dev.byron.dsl.api.Source(Path.of("m.byron"), """
				system s
				component relay {
				  event Pinged { at: DateTime }
				}
				"""))).model();
		assertThat(C4Diagrams.component(model, "relay").node("cache").orElseThrow().details()).containsExactly("database relay", "no entities yet");
		assertThat(C4Diagrams.component(model("microblog"), "posts").node("cache").orElseThrow().details())
				.containsExactly("database posts", "stores the entities below");
	}

	static void assertNoOverlaps(LaidOutDiagram laidOut) {
		List<Box> boxes = laidOut.boxes().values().stream().toList();
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				Box a = boxes.get(i);
				Box b = boxes.get(j);
				boolean overlap = a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height()
						&& b.y() < a.y() + a.height();
				assertThat(overlap).as("boxes %s and %s overlap", a, b).isFalse();
			}
			assertThat(boxes.get(i).x() + boxes.get(i).width()).isLessThanOrEqualTo(laidOut.width());
		}
	}
}
