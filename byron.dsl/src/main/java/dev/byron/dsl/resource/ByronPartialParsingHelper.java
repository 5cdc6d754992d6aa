package dev.byron.dsl.resource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.impl.AbstractNode;
import org.eclipse.xtext.nodemodel.impl.CompositeNode;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.ParseException;
import org.eclipse.xtext.parser.ParseResult;
import org.eclipse.xtext.parser.antlr.IReferableElementsUnloader;
import org.eclipse.xtext.parser.impl.PartialParsingHelper;
import org.eclipse.xtext.util.ReplaceRegion;

import com.google.inject.Inject;

import dev.byron.dsl.byron.Element;
import dev.byron.dsl.byron.Model;
import dev.byron.dsl.byron.SystemDecl;
import dev.byron.dsl.services.ByronGrammarAccess;

/**
 * Xtext's partial parser reads again the smallest rule that holds a change, but a file's top rule is not one it can
 * read in part: a component added, removed or pasted, a line above everything, any change between two top-level
 * declarations had the whole file parsed again (30 ms at 100 components, at every such keystroke, in the language
 * server and in the studio alike). Here such a change reads again only the declarations it touches, with the text
 * between them and their untouched neighbours, and puts what it reads in their place. A change inside a declaration
 * is read at that declaration's grain too, so that the resource knows exactly what is new and links only that
 * ({@link ByronResource#doLinking}). Every change this cannot place exactly is Xtext's as before: while the file has a
 * syntax error, when the new part does not parse alone, when a line comment would run on into what follows, or when
 * the system declaration would not stay first.
 */
public class ByronPartialParsingHelper extends PartialParsingHelper {
	@Inject
	private ByronGrammarAccess grammar;

	@Inject
	private IReferableElementsUnloader unloader;

	@Override
	public IParseResult reparse(IParser parser, IParseResult previous, ReplaceRegion change) {
		ICompositeNode root = previous.getRootNode();
		if (root != null && previous.getRootASTElement() instanceof Model model && !previous.hasSyntaxErrors()
				&& change.getEndOffset() <= root.getTotalLength()) {
			IParseResult spliced = splice(parser, previous, model, change);
			if (spliced != null) {
				return spliced;
			}
		}
		return super.reparse(parser, previous, change);
	}

	/**
	 * The file with the top-level declarations the change touches read again: from the end of the last declaration
	 * before the change to the start of the first one after it (each not touching it). Null when that part cannot
	 * stand for the whole file's parse.
	 */
	private IParseResult splice(IParser parser, IParseResult previous, Model model, ReplaceRegion change) {
		ICompositeNode root = previous.getRootNode();
		List<INode> children = new ArrayList<>();
		root.getChildren().forEach(children::add);
		int first = 0;
		int end = children.size();
		INode before = null;
		INode after = null;
		for (int i = 0; i < children.size(); i++) {
			if (children.get(i) instanceof ICompositeNode && children.get(i).getTotalEndOffset() < change.getOffset()) {
				before = children.get(i);
				first = i + 1;
			}
		}
		for (int i = children.size() - 1; i >= first; i--) {
			if (children.get(i) instanceof ICompositeNode && children.get(i).getTotalOffset() > change.getEndOffset()) {
				after = children.get(i);
				end = i;
			}
		}
		String old = root.getText();
		int from = before == null ? 0 : before.getTotalEndOffset();
		int to = after == null ? old.length() : after.getTotalOffset();
		String part = old.substring(from, change.getOffset()) + change.getText() + old.substring(change.getEndOffset(), to);
		if (part.isEmpty()) {
			return null;
		}
		IParseResult read;
		try {
			read = parser.parse(grammar.getModelRule(), new StringReader(part));
		} catch (ParseException e) {
			return null;
		}
		ICompositeNode readRoot = read.getRootNode();
		if (read.hasSyntaxErrors() || readRoot == null || readRoot.getFirstChild() == null
				|| after != null && endsInOpenLineComment(readRoot)) {
			return null;
		}
		Set<INode> replaced = Collections.newSetFromMap(new IdentityHashMap<>());
		replaced.addAll(children.subList(first, end));
		Model readModel = read.getRootASTElement() instanceof Model m ? m : null;
		SystemDecl system = model.getSystem();
		boolean systemReplaced = system != null && replaced.contains(topLevel(root, system));
		boolean systemAfter = system != null && !systemReplaced && topLevel(root, system).getTotalOffset() >= to;
		SystemDecl readSystem = readModel == null ? null : readModel.getSystem();
		List<Element> readElements = readModel == null ? List.of() : List.copyOf(readModel.getElements());
		if (readSystem != null && (from != 0 || system != null && !systemReplaced)) {
			return null; // a system declaration that would not be the file's first
		}
		if (systemAfter && !readElements.isEmpty()) {
			return null; // declarations above the system's
		}
		List<Element> dropped = new ArrayList<>();
		int index = 0;
		for (int i = 0; i < model.getElements().size(); i++) {
			INode node = topLevel(root, model.getElements().get(i));
			if (replaced.contains(node)) {
				dropped.add(model.getElements().get(i));
			} else if (node != null && node.getTotalOffset() < from) {
				index = i + 1;
			}
		}
		long declarations = replaced.stream().filter(ICompositeNode.class::isInstance).count();
		if (declarations != dropped.size() + (systemReplaced ? 1 : 0)) {
			return null; // a node at the top that is no declaration of the model: not a file this knows how to splice
		}
		// what goes is dropped while its addresses still hold (the unloader turns what other files refer to into proxies)
		dropped.forEach(unloader::unloadRoot);
		if (systemReplaced) {
			unloader.unloadRoot(system);
		}
		model.getElements().removeAll(dropped);
		model.getElements().addAll(index, readElements);
		if (systemReplaced || readSystem != null) {
			model.setSystem(readSystem);
		}
		if (model.eResource() instanceof ByronResource resource) {
			List<org.eclipse.emf.ecore.EObject> added = new ArrayList<>(readElements);
			if (readSystem != null) {
				added.add(readSystem);
			}
			resource.spliced(added);
		}
		Splicer splicer = new Splicer();
		splicer.splice(root, children.subList(0, first), readRoot, children.subList(end, children.size()));
		StringBuilder text = new StringBuilder(old);
		change.applyTo(text);
		splicer.setCompleteContent(root, text.toString());
		return new ParseResult(model, root, false);
	}

	/** The node at the top of the file that holds the object's node; null when it has none. */
	private static INode topLevel(ICompositeNode root, org.eclipse.emf.ecore.EObject object) {
		INode node = NodeModelUtils.getNode(object);
		while (node != null && node.getParent() != root) {
			node = node.getParent();
		}
		return node;
	}

	/** A {@code //} comment at the part's very end runs on, in the whole file, into what follows it. */
	private static boolean endsInOpenLineComment(ICompositeNode root) {
		ILeafNode last = null;
		for (ILeafNode leaf : root.getLeafNodes()) {
			last = leaf;
		}
		return last != null && last.isHidden() && last.getText().startsWith("//") && !last.getText().endsWith("\n");
	}

	/** Puts a part's nodes in place of a run of the root's children, then counts every leaf's offset again. */
	private static final class Splicer extends NodeModelBuilder {
		private boolean moving;

		void splice(ICompositeNode root, List<INode> kept, ICompositeNode part, List<INode> keptAfter) {
			List<INode> read = new ArrayList<>();
			part.getChildren().forEach(read::add);
			replaceChildren(new CompositeNode(), (AbstractNode) root); // the root without children, to be given them again
			moving = true;
			try {
				kept.forEach(node -> addChild(root, (AbstractNode) node));
				// the part's first node takes this one's place below, which counts the offsets of the whole file again
				ILeafNode place = newLeafNode(0, 0, null, true, null, root);
				read.subList(1, read.size()).forEach(node -> addChild(root, (AbstractNode) node));
				keptAfter.forEach(node -> addChild(root, (AbstractNode) node));
				replaceAndTransferLookAhead(place, part);
			} finally {
				moving = false;
			}
		}

		/** A node moved here still names its old neighbours: {@link #addChild} links it anew. */
		@Override
		protected void checkValidNewChild(AbstractNode child) {
			if (!moving) {
				super.checkValidNewChild(child);
			}
		}
	}
}
