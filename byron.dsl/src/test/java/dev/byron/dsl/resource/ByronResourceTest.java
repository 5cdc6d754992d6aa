package dev.byron.dsl.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.byron.dsl.ByronStandaloneSetup;
import dev.byron.dsl.TestModels;

/** A file read again only where it changed ({@link ByronResource#reparse}) against the same text read afresh. */
class ByronResourceTest {
	private static Injector injector;

	@BeforeAll
	static void language() {
		injector = new ByronStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	@Test
	void aFileEditedInPlaceReadsAsTheSameModelWithTheSameProblemsAsTheFileReadAfresh() throws IOException {
		Path folder = TestModels.examples().resolve("microblog");
		Map<String, String> project = texts(folder);
		Random random = new Random(20261203L);
		XtextResourceSet edited = resourceSet(project);
		ByronResource posts = (ByronResource) edited.getResource(uri(folder, "posts.byron"), false);
		String original = project.get("posts.byron");
		String text = original;
		int partial = 0;
		for (int i = 0; i < 300; i++) {
			text = i % 25 == 24 ? original : TestModels.typistEdit(text, random);
			Object rootBefore = posts.getParseResult().getRootASTElement();
			assertThat(posts.reparse(text, posts.pointedAt()) || text.equals(posts.getParseResult().getRootNode().getText()))
					.as("edit %d read", i).isTrue();
			if (posts.getParseResult().getRootASTElement() == rootBefore) {
				partial++;
			}
			project.put("posts.byron", text);
			assertReadAsAfresh(posts, project, "after edit " + i + ":\n" + text, false);
		}
		assertThat(partial).as("edits read in part, not whole").isGreaterThan(60);
	}

	@Test
	void aChangeBetweenTopLevelDeclarationsReadsOnlyThoseItTouchesAndGivesWhatTheFileReadAfreshGives() throws IOException {
		Path folder = TestModels.examples().resolve("microblog");
		StringBuilder all = new StringBuilder();
		for (String file : List.of("schema.byron", "accounts.byron", "posts.byron", "social.byron", "timeline.byron", "config.byron",
				"credentials.byron")) {
			all.append(Files.readString(folder.resolve(file))).append('\n');
		}
		String original = all.toString();
		Map<String, String> project = new java.util.TreeMap<>(Map.of("all.byron", original));
		XtextResourceSet edited = resourceSet(project);
		ByronResource file = (ByronResource) edited.getResource(uri(folder, "all.byron"), false);
		Random random = new Random(20261204L);
		String text = original;
		int spliced = 0;
		int topLevel = 0;
		for (int i = 0; i < 400; i++) {
			String before = text;
			text = i % 20 == 19 ? original : topLevelEdit(text, random, i);
			Object rootBefore = file.getParseResult().getRootASTElement();
			boolean clean = !file.getParseResult().hasSyntaxErrors();
			assertThat(file.reparse(text, file.pointedAt()) || text.equals(file.getParseResult().getRootNode().getText()))
					.as("edit %d read", i).isTrue();
			if (clean && !text.equals(before)) {
				topLevel++;
				if (file.getParseResult().getRootASTElement() == rootBefore) {
					spliced++;
				}
			}
			project.put("all.byron", text);
			assertReadAsAfresh(file, project, "after edit " + i + ":\n" + text, true);
		}
		assertThat(spliced).as("of %d edits to a file without syntax errors, those read in part", topLevel)
				.isGreaterThan(topLevel * 2 / 3);
	}

	@Test
	void aLineCommentTypedBetweenTwoDeclarationsOnOneLineCommentsOutTheSecond() throws IOException {
		Path folder = TestModels.examples().resolve("microblog");
		String text = "system s\ncomponent a { entity A { x: String } }  component b { entity B { y: String } }\ncomponent c {}\n";
		Map<String, String> project = new java.util.TreeMap<>(Map.of("all.byron", text));
		XtextResourceSet edited = resourceSet(project);
		ByronResource file = (ByronResource) edited.getResource(uri(folder, "all.byron"), false);
		int at = text.indexOf("} }") + 3;
		for (String typed : List.of(text.substring(0, at) + " //" + text.substring(at), text)) {
			assertThat(file.reparse(typed, file.pointedAt())).isTrue();
			project.put("all.byron", typed);
			assertReadAsAfresh(file, project, typed, true);
			assertThat(dump(file)).as(typed).contains("Component name=c").doesNotContain(typed == text ? "-" : "name=b");
		}
	}

	/**
	 * An edit a user makes between declarations: a component added at the end or pasted between two, one deleted or
	 * moved, a comment line above any of them, the system line changed, added or taken out, now and then a
	 * declaration left unfinished, and a keystroke anywhere.
	 */
	private static String topLevelEdit(String text, Random random, int n) {
		java.util.regex.Matcher found = java.util.regex.Pattern.compile("(?ms)^(/\\*\\*[^\\n]*\\*/\\n)?(component|deployment|credentials)\\b.*?^\\}\\n")
				.matcher(text);
		List<int[]> blocks = new ArrayList<>();
		while (found.find()) {
			blocks.add(new int[] { found.start(), found.end() });
		}
		List<Integer> between = new ArrayList<>(List.of(0, text.length()));
		blocks.forEach(b -> between.add(b[1]));
		int at = between.get(random.nextInt(between.size()));
		int[] block = blocks.isEmpty() ? null : blocks.get(random.nextInt(blocks.size()));
		return switch (random.nextInt(9)) {
			case 0 -> text + "\ncomponent extra" + n + " {\n  entity Extra" + n + " { name: String! }\n}\n";
			case 1 -> block == null ? text : text.substring(0, block[0]) + text.substring(block[1]);
			case 2 -> block == null ? text : text.substring(0, at) + text.substring(block[0], block[1]) + text.substring(at);
			case 3 -> text.substring(0, at) + (random.nextBoolean() ? "// note " + n + "\n" : "\n") + text.substring(at);
			case 4 -> text.contains("system microblog") ? text.replace("system microblog", random.nextBoolean() ? "system blog" : "")
					: text.replace("system blog", "system microblog");
			case 5 -> {
				if (block == null || at >= block[0] && at <= block[1]) {
					yield text;
				}
				String moved = text.substring(block[0], block[1]);
				String without = text.substring(0, block[0]) + text.substring(block[1]);
				int to = at > block[1] ? at - moved.length() : at;
				yield without.substring(0, to) + moved + without.substring(to);
			}
			case 6 -> text.substring(0, at) + List.of("component half {\n", "// open", "component inline {}", "/* a\nb */").get(random.nextInt(4))
					+ text.substring(at);
			case 7 -> text.substring(0, at) + "component pasted" + n + " { entity Pasted" + n + " { note: String } }\n" + text.substring(at);
			default -> TestModels.typistEdit(text, random);
		};
	}

	/**
	 * The file read in place against the project read afresh: the same objects with the same references, the same
	 * problems, and (when {@code nodes}) the same node model.
	 */
	private static void assertReadAsAfresh(ByronResource file, Map<String, String> project, String context, boolean nodes)
			throws IOException {
		EcoreUtil.resolveAll(file.getResourceSet());
		XtextResourceSet afresh = resourceSet(project);
		EcoreUtil.resolveAll(afresh);
		Resource fresh = afresh.getResource(file.getURI(), false);
		if (nodes) {
			assertThat(nodes(file)).as(context).isEqualTo(nodes(fresh));
		}
		assertThat(dump(file)).as(context).isEqualTo(dump(fresh));
		assertThat(problems(file)).as(context).isEqualTo(problems(fresh));
	}

	/** The file's node model: each node's kind, place, length and grammar rule, in order. */
	private static String nodes(Resource resource) {
		StringBuilder out = new StringBuilder();
		for (org.eclipse.xtext.nodemodel.INode node : ((XtextResource) resource).getParseResult().getRootNode().getAsTreeIterable()) {
			EObject grammar = node.getGrammarElement();
			out.append(node.getClass().getSimpleName()).append(' ').append(node.getTotalOffset()).append('+').append(node.getTotalLength())
					.append(' ').append(grammar == null ? "-" : org.eclipse.xtext.GrammarUtil.containingRule(grammar).getName() + "/"
							+ grammar.eClass().getName())
					.append(node instanceof org.eclipse.xtext.nodemodel.ICompositeNode composite && composite.hasDirectSemanticElement()
							? " " + composite.getSemanticElement().eClass().getName() : "")
					.append(node.getSyntaxErrorMessage() == null ? "" : " error")
					.append('\n');
		}
		return out.toString();
	}

	@Test
	void anotherFilesReferenceIntoTheReadPartFindsItsNewObject() throws IOException {
		Path folder = TestModels.examples().resolve("microblog");
		Map<String, String> project = texts(folder);
		XtextResourceSet set = resourceSet(project);
		EcoreUtil.resolveAll(set);
		ByronResource accounts = (ByronResource) set.getResource(uri(folder, "accounts.byron"), false);
		Resource posts = set.getResource(uri(folder, "posts.byron"), false);
		String original = project.get("accounts.byron");
		String entity = "entity User {";
		int from = original.indexOf(entity);
		int to = original.indexOf('}', from);
		for (int at = from; at <= to; at++) { // a space typed at each place of User's declaration, then taken out
			String spaced = original.substring(0, at) + " " + original.substring(at);
			for (String text : List.of(spaced, original)) {
				Set<EObject> pointedAt = accounts.pointedAt();
				if (text.equals(spaced)) { // the file is as shipped: posts.byron refers to User and its fields
					assertThat(pointedAt).as("what posts.byron refers to").isNotEmpty();
				}
				assertThat(accounts.reparse(text, pointedAt)).isTrue();
				for (EObject before : pointedAt) {
					assertThat(before.eResource() == accounts || before.eIsProxy())
							.as("%s, after a space at %d, is in the file or a proxy", before, at).isTrue();
				}
				EcoreUtil.resolveAll(set);
				if (text.equals(original) || !spaced.contains(entity)) {
					continue;
				}
				EObject user = referredUser(posts);
				assertThat(user).as("posts.byron's reference to User, a space at %d", at).isNotNull();
				assertThat(user.eIsProxy()).isFalse();
				assertThat(user.eResource()).isSameAs(accounts);
			}
		}
	}

	/** The entity User that posts.byron's field {@code author: accounts.User!} refers to. */
	private static EObject referredUser(Resource posts) {
		for (Iterator<EObject> all = posts.getAllContents(); all.hasNext();) {
			EObject object = all.next();
			for (EReference reference : object.eClass().getEAllReferences()) {
				if (!reference.isContainment() && !reference.isContainer() && !reference.isMany()
						&& object.eGet(reference, true) instanceof EObject target && target.eResource() != posts
						&& target.eClass().getEStructuralFeature("name") != null
						&& "User".equals(target.eGet(target.eClass().getEStructuralFeature("name")))) {
					return target;
				}
			}
		}
		return null;
	}

	private static Map<String, String> texts(Path folder) throws IOException {
		Map<String, String> texts = new java.util.TreeMap<>();
		try (var files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".byron")).toList()) {
				texts.put(file.getFileName().toString(), Files.readString(file));
			}
		}
		return texts;
	}

	private static URI uri(Path folder, String name) {
		return URI.createFileURI(folder.resolve(name).toAbsolutePath().normalize().toString());
	}

	private static XtextResourceSet resourceSet(Map<String, String> texts) throws IOException {
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		Path folder = TestModels.examples().resolve("microblog");
		for (Map.Entry<String, String> text : texts.entrySet()) {
			Resource resource = set.createResource(uri(folder, text.getKey()));
			resource.load(new ByteArrayInputStream(text.getValue().getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		}
		return set;
	}

	/** Every object of the file with its attributes and where each of its references leads, in order. */
	private static String dump(Resource resource) {
		StringBuilder out = new StringBuilder();
		for (Iterator<EObject> all = resource.getAllContents(); all.hasNext();) {
			EObject object = all.next();
			out.append(EcoreUtil.getURI(object).fragment()).append(' ').append(object.eClass().getName());
			for (EAttribute attribute : object.eClass().getEAllAttributes()) {
				out.append(' ').append(attribute.getName()).append('=').append(object.eGet(attribute));
			}
			for (EReference reference : object.eClass().getEAllReferences()) {
				if (reference.isContainment() || reference.isContainer()) {
					continue;
				}
				Object value = object.eGet(reference, true);
				List<Object> targets = value instanceof List<?> list ? new ArrayList<>(list) : java.util.Collections.singletonList(value);
				for (Object target : targets) {
					out.append(' ').append(reference.getName()).append("->").append(target instanceof EObject t
							? (t.eIsProxy() ? "unresolved" : t.eResource().getURI().lastSegment() + "#" + EcoreUtil.getURI(t).fragment())
							: "null");
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static List<String> problems(Resource resource) {
		IResourceValidator validator = ((XtextResource) resource).getResourceServiceProvider().getResourceValidator();
		List<String> problems = new ArrayList<>();
		for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
			problems.add(issue.getSeverity() + " " + issue.getLineNumber() + ":" + issue.getColumn() + " " + issue.getCode() + " "
					+ issue.getMessage());
		}
		return problems;
	}
}
