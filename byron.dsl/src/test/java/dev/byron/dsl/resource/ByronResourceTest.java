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
			EcoreUtil.resolveAll(edited);
			project.put("posts.byron", text);
			XtextResourceSet afresh = resourceSet(project);
			EcoreUtil.resolveAll(afresh);
			Resource fresh = afresh.getResource(uri(folder, "posts.byron"), false);
			String context = "after edit " + i + ":\n" + text;
			assertThat(dump(posts)).as(context).isEqualTo(dump(fresh));
			assertThat(problems(posts)).as(context).isEqualTo(problems(fresh));
		}
		assertThat(partial).as("edits read in part, not whole").isGreaterThan(60);
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
