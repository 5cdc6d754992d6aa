package dev.byron.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.AbstractDeclarativeIdeQuickfixProvider;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.byron.dsl.api.ModelEdits;
import dev.byron.dsl.byron.Annotation;
import dev.byron.dsl.byron.Component;
import dev.byron.dsl.model.Models;
import dev.byron.dsl.validation.IssueCodes;

/**
 * The quick fixes editors offer as code actions, keyed by the diagnostic codes of {@link IssueCodes}. Fixes
 * that need a value (the suggested name, the entity to replicate) read it from the diagnostic's data.
 */
public class ByronQuickfixProvider extends AbstractDeclarativeIdeQuickfixProvider {
	private static final String CLOSEST_NAME = "Change to the closest name";
	private static final String CONVENTIONAL_SPELLING = "Rename to the conventional spelling";

	/** A fix that writes the name the diagnostic suggests is not offered when it suggests none: it would change nothing. */
	@Override
	public List<org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution> getResolutions(
			org.eclipse.xtext.ide.server.codeActions.ICodeActionService2.Options options, Diagnostic diagnostic) {
		var resolutions = super.getResolutions(options, diagnostic);
		if (DiagnosticData.get(diagnostic, 0).isPresent()) {
			return resolutions;
		}
		return resolutions.stream().filter(fix -> !fix.getLabel().equals(CLOSEST_NAME) && !fix.getLabel().equals(CONVENTIONAL_SPELLING))
				.toList();
	}

	/** A fix's title, naming what it writes where it writes the diagnostic's suggestion ("Change to 'Patient'"). */
	static String titleNaming(String label, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
		if (!CLOSEST_NAME.equals(label) && !CONVENTIONAL_SPELLING.equals(label) || diagnostics == null || diagnostics.size() != 1) {
			return label;
		}
		return DiagnosticData.get(diagnostics.get(0), 0)
				.map(name -> (CLOSEST_NAME.equals(label) ? "Change to '" : "Rename to '") + name + "'").orElse(label);
	}

	@QuickFix(IssueCodes.UNKNOWN_TYPE)
	public void unknownType(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.UNKNOWN_ENTITY)
	public void unknownEntity(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.UNKNOWN_FIELD)
	public void unknownField(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.UNKNOWN_EVENT)
	public void unknownEvent(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.UNKNOWN_COMMAND)
	public void unknownCommand(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.UNKNOWN_COMPONENT)
	public void unknownComponent(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.UNKNOWN_ANNOTATION)
	public void unknownAnnotation(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.UNKNOWN_SETTING)
	public void unknownSetting(DiagnosticResolutionAcceptor acceptor) {
		replaceWithSuggestion(acceptor);
	}

	@QuickFix(IssueCodes.TYPE_NAME_STYLE)
	public void typeNameStyle(DiagnosticResolutionAcceptor acceptor) {
		renameTo(acceptor);
	}

	@QuickFix(IssueCodes.FIELD_NAME_STYLE)
	public void fieldNameStyle(DiagnosticResolutionAcceptor acceptor) {
		renameTo(acceptor);
	}

	@QuickFix(IssueCodes.ENUM_VALUE_STYLE)
	public void enumValueStyle(DiagnosticResolutionAcceptor acceptor) {
		renameTo(acceptor);
	}

	@QuickFix(IssueCodes.MISSING_REPLICA)
	public void missingReplica(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add the missing replicate", (diagnostic, object, document) -> DiagnosticData
				.get(diagnostic, 0).map(entity -> addReplica(document, object, entity)).orElse(List.of()));
	}

	@QuickFix(IssueCodes.DUPLICATE_ANNOTATION)
	public void duplicateAnnotation(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Remove the repeated annotation", (diagnostic, object, document) -> {
			Annotation annotation = EcoreUtil2.getContainerOfType(object, Annotation.class);
			return annotation == null ? List.of() : List.of(removeWithLeadingSpace(document, annotation));
		});
	}

	@QuickFix(IssueCodes.SELF_SUBSCRIPTION)
	public void selfSubscription(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Remove this subscription", (diagnostic, object, document) -> {
			dev.byron.dsl.byron.Reaction reaction = EcoreUtil2.getContainerOfType(object, dev.byron.dsl.byron.Reaction.class);
			return reaction == null ? List.of() : List.of(removeLines(document, NodeModelUtils.getNode(reaction)));
		});
	}

	@QuickFix(IssueCodes.MISSING_SYSTEM)
	public void missingSystem(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Declare the system", (diagnostic, object, document) -> {
			String name = SystemNames.fromUri(object.eResource().getURI());
			Range start = new Range(document.getPosition(0), document.getPosition(0));
			return List.of(new TextEdit(start, "system " + name + "\n\n"));
		});
	}

	private void replaceWithSuggestion(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept(CLOSEST_NAME, (diagnostic, object, document) -> DiagnosticData
				.get(diagnostic, 0).map(name -> createTextEdit(diagnostic, name)).orElse(List.of()));
	}

	private void renameTo(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept(CONVENTIONAL_SPELLING, (diagnostic, object, document) -> DiagnosticData
				.get(diagnostic, 0).map(name -> createTextEdit(diagnostic, name)).orElse(List.of()));
	}

	private static List<TextEdit> addReplica(Document document, EObject object, String entity) {
		Component component = Models.componentOf(object);
		ICompositeNode node = component == null ? null : NodeModelUtils.getNode(component);
		if (node == null) {
			return List.of();
		}
		dev.byron.dsl.api.TextEdit edit = ModelEdits.insertMember(null, document.getContents(), node.getOffset(),
				node.getLength(), "replicate " + entity);
		Range at = new Range(document.getPosition(edit.offset()), document.getPosition(edit.offset() + edit.length()));
		return List.of(new TextEdit(at, edit.text()));
	}

	/** Removes a node's text, and its lines where nothing else stands on them. */
	private static TextEdit removeLines(Document document, INode node) {
		String text = document.getContents();
		int start = node.getOffset();
		int end = node.getEndOffset();
		int lineStart = text.lastIndexOf('\n', start - 1) + 1;
		int lineEnd = text.indexOf('\n', end);
		lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
		if (text.substring(lineStart, start).isBlank() && text.substring(end, lineEnd).isBlank()) {
			start = lineStart;
			end = lineEnd;
		}
		return new TextEdit(new Range(document.getPosition(start), document.getPosition(end)), "");
	}

	private static TextEdit removeWithLeadingSpace(Document document, Annotation annotation) {
		ICompositeNode node = NodeModelUtils.getNode(annotation);
		int start = node.getOffset();
		INode previous = NodeModelUtils.findLeafNodeAtOffset(node.getRootNode(), start - 1);
		if (previous instanceof ILeafNode leaf && leaf.isHidden() && leaf.getText().isBlank()
				&& !leaf.getText().contains("\n")) {
			start = leaf.getOffset();
		}
		return new TextEdit(new Range(document.getPosition(start), document.getPosition(node.getEndOffset())), "");
	}
}
