package dev.byron.dsl.ide.contentassist;

import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;

import com.google.inject.Inject;

import dev.byron.dsl.api.LanguageReference;
import dev.byron.dsl.byron.Annotation;
import dev.byron.dsl.byron.Argument;
import dev.byron.dsl.byron.ConfigEntry;
import dev.byron.dsl.byron.Field;
import dev.byron.dsl.byron.Section;
import dev.byron.dsl.byron.Setting;
import dev.byron.dsl.byron.TypeRef;
import dev.byron.dsl.byron.Value;
import dev.byron.dsl.model.TypeInfo;
import dev.byron.dsl.services.ByronGrammarAccess;
import dev.byron.dsl.validation.AnnotationCatalog;
import dev.byron.dsl.validation.AnnotationCatalog.Param;
import dev.byron.dsl.validation.AnnotationCatalog.Spec;
import dev.byron.dsl.validation.AnnotationCatalog.Target;
import dev.byron.dsl.validation.AnnotationValidator;
import dev.byron.dsl.validation.ConfigSchema;

/**
 * Completion beyond what the grammar gives: the annotations that apply where the cursor is, their argument
 * names, and the values of an enum for {@code @default}. Keywords that only serve as names, and punctuation, are
 * left out.
 */
public class ByronContentProposalProvider extends IdeContentProposalProvider {
	@Inject
	private ByronGrammarAccess grammar;

	@Override
	protected boolean filterKeyword(Keyword keyword, ContentAssistContext context) {
		// punctuation ('}', '!', '@', '(') is typed, not chosen from a list: only words are proposed
		return Character.isLetter(keyword.getValue().charAt(0)) && !"Name".equals(GrammarUtil.containingRule(keyword).getName())
				&& !keyword.getValue().equals(context.getPrefix()) && super.filterKeyword(keyword, context);
	}

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		if (assignment == grammar.getAnnotationAccess().getNameAssignment_1()) {
			annotations(context, acceptor);
		} else if (assignment == grammar.getArgumentAccess().getNameAssignment_0_0()) {
			argumentNames(context, acceptor);
		} else if (assignment == grammar.getEnumLiteralValueAccess().getLiteralAssignment()) {
			enumValues(context, acceptor);
		} else if (assignment == grammar.getSettingAccess().getKeyAssignment_0()) {
			settings(context, acceptor);
		} else if (assignment == grammar.getSectionAccess().getNameAssignment_0()) {
			sections(context, acceptor);
		} else {
			super._createProposals(assignment, context, acceptor);
		}
	}

	private void annotations(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		EObject owner = annotationOwner(context.getCurrentModel());
		Target target = owner == null ? null : AnnotationValidator.targetOf(owner);
		TypeInfo fieldType = owner instanceof Field field ? TypeInfo.of(field.getType()) : null;
		for (Spec spec : AnnotationCatalog.SPECS.values()) {
			if (target != null && !spec.targets().contains(target)) {
				continue;
			}
			if (fieldType != null && fieldType.isResolved() && !AnnotationValidator.appliesTo(spec.name(), fieldType)) {
				continue; // @length on an Int: the checks would refuse it
			}
			String proposal = spec.params().isEmpty() ? spec.name() : spec.name() + "(";
			accept(context, acceptor, proposal, spec.name(), ContentAssistEntry.KIND_PROPERTY,
					LanguageReference.annotation(spec.name()).orElse(null));
		}
	}

	private void argumentNames(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		Annotation annotation = enclosing(context.getCurrentModel(), Annotation.class);
		Spec spec = annotation == null ? null : AnnotationCatalog.SPECS.get(annotation.getName());
		if (spec == null) {
			return;
		}
		Set<String> given = annotation.getArguments().stream().map(Argument::getName).collect(Collectors.toSet());
		for (Param param : spec.params()) {
			if (!given.contains(param.name())) {
				accept(context, acceptor, param.name() + ": ", param.name(), ContentAssistEntry.KIND_FIELD,
						param.type().name().toLowerCase() + (param.required() ? ", required" : ", optional"));
			}
		}
	}

	private void enumValues(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		Annotation annotation = enclosing(context.getCurrentModel(), Annotation.class);
		if (annotation == null || !"default".equals(annotation.getName())
				|| !(annotation.eContainer() instanceof Field field)) {
			return;
		}
		dev.byron.dsl.byron.Enum enumeration = TypeInfo.of(field.getType()).enumType();
		if (enumeration != null) {
			enumeration.getValues().forEach(value -> accept(context, acceptor, value.getName(), value.getName(),
					ContentAssistEntry.KIND_ENUM, enumeration.getName()));
		}
	}

	/** In {@code deployment} or {@code credentials}, or a section of them: the settings it takes that are not set yet. */
	private void settings(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		EObject block = configBlock(context.getCurrentModel());
		ConfigSchema.of(block).ifPresent(schema -> {
			Set<String> given = entries(block).stream().filter(e -> e instanceof Setting).map(e -> ((Setting) e).getKey())
					.collect(Collectors.toSet());
			schema.settings().forEach((key, kind) -> {
				if (!given.contains(key)) {
					accept(context, acceptor, key + ": ", key, ContentAssistEntry.KIND_PROPERTY, kind.what());
				}
			});
		});
	}

	/** The sections a block takes: those naming a component any number of times, the others once. */
	private void sections(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		EObject block = configBlock(context.getCurrentModel());
		ConfigSchema.of(block).ifPresent(schema -> {
			Set<String> given = entries(block).stream().filter(e -> e instanceof Section).map(e -> ((Section) e).getName())
					.collect(Collectors.toSet());
			schema.sections().forEach((name, section) -> {
				if (section.label() == ConfigSchema.Label.REQUIRED) {
					accept(context, acceptor, name + " ", name, ContentAssistEntry.KIND_MODULE, "a section per component: "
							+ name + " <component> { ... }");
				} else if (!given.contains(name)) {
					accept(context, acceptor, name + " {", name, ContentAssistEntry.KIND_MODULE, "settings: "
							+ String.join(", ", section.settings().keySet()));
				}
			});
		});
	}

	private static EObject configBlock(EObject current) {
		for (EObject o = current; o != null; o = o.eContainer()) {
			if (o instanceof Section || o instanceof dev.byron.dsl.byron.Deployment || o instanceof dev.byron.dsl.byron.Credentials) {
				return o;
			}
		}
		return null;
	}

	private static java.util.List<ConfigEntry> entries(EObject block) {
		if (block instanceof Section section) {
			return section.getEntries();
		}
		if (block instanceof dev.byron.dsl.byron.Deployment deployment) {
			return deployment.getEntries();
		}
		return block instanceof dev.byron.dsl.byron.Credentials credentials ? credentials.getEntries() : java.util.List.of();
	}

	private void accept(ContentAssistContext context, IIdeContentProposalAcceptor acceptor, String proposal,
			String label, String kind, String documentation) {
		ContentAssistEntry entry = getProposalCreator().createProposal(proposal, context, e -> {
			e.setLabel(label);
			e.setKind(kind);
			e.setDocumentation(documentation);
		});
		if (entry != null) {
			acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry) + 10);
		}
	}

	/** The element an annotation typed at the cursor belongs to: the field, entity, event... around it. */
	private static EObject annotationOwner(EObject current) {
		EObject object = current;
		while (object instanceof Annotation || object instanceof Argument || object instanceof TypeRef
				|| object instanceof Value) {
			object = object.eContainer();
		}
		return object;
	}

	private static <T extends EObject> T enclosing(EObject object, Class<T> type) {
		for (EObject o = object; o != null; o = o.eContainer()) {
			if (type.isInstance(o)) {
				return type.cast(o);
			}
		}
		return null;
	}
}
