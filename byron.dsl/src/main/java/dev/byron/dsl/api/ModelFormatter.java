package dev.byron.dsl.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.preferences.TypedPreferenceValues;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;
import com.google.inject.Provider;

/** Formats .byron text the canonical way; text with syntax errors is returned unchanged. */
public final class ModelFormatter {
	private final Provider<XtextResourceSet> resourceSets;
	private final Provider<IFormatter2> formatters;
	private final Provider<TextRegionAccessBuilder> regionAccessBuilders;

	private ModelFormatter(Injector injector) {
		this.resourceSets = injector.getProvider(XtextResourceSet.class);
		this.formatters = injector.getProvider(IFormatter2.class);
		this.regionAccessBuilders = injector.getProvider(TextRegionAccessBuilder.class);
	}

	public static ModelFormatter create() {
		return new ModelFormatter(ByronLoader.injector());
	}

	/** The formatted text; the input itself when it does not parse (there is nothing safe to do). */
	public String format(String text) {
		XtextResource resource = (XtextResource) resourceSets.get().createResource(URI.createURI("format.byron"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
			return text;
		}
		ITextRegionAccess regions = regionAccessBuilders.get().forNodeModel(resource).create();
		FormatterRequest request = new FormatterRequest();
		request.setTextRegionAccess(regions);
		request.setPreferences(TypedPreferenceValues.castOrWrap(
				new MapBasedPreferenceValues(Map.of(FormatterPreferenceKeys.indentation.getId(), "  "))));
		List<ITextReplacement> replacements = new ArrayList<>(formatters.get().format(request));
		replacements.sort(Comparator.comparingInt(ITextReplacement::getOffset).reversed());
		StringBuilder result = new StringBuilder(text);
		for (ITextReplacement replacement : replacements) {
			result.replace(replacement.getOffset(), replacement.getEndOffset(), replacement.getReplacementText());
		}
		return result.toString();
	}
}
