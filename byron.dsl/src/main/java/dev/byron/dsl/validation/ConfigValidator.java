package dev.byron.dsl.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.EList;
import org.eclipse.xtext.validation.Check;

import dev.byron.dsl.byron.BooleanValue;
import dev.byron.dsl.byron.ConfigEntry;
import dev.byron.dsl.byron.Credentials;
import dev.byron.dsl.byron.Deployment;
import dev.byron.dsl.byron.EnvValue;
import dev.byron.dsl.byron.NumberValue;
import dev.byron.dsl.byron.Section;
import dev.byron.dsl.byron.Setting;
import dev.byron.dsl.byron.StringValue;
import dev.byron.dsl.byron.Value;
import dev.byron.dsl.linking.Suggestions;
import dev.byron.dsl.validation.ConfigSchema.Block;
import dev.byron.dsl.validation.ConfigSchema.Kind;
import dev.byron.dsl.validation.ConfigSchema.Label;

/** Checks {@code deployment} and {@code credentials} blocks against {@link ConfigSchema}. */
public class ConfigValidator extends ByronCheck {
	private static final Pattern CPU = Pattern.compile("\\d+(\\.\\d+)?m?");
	private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?([KMGTPE]i?|[kmgtpe])?");
	private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
	private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|apikey|api_key|credential).*");

	@Check
	public void deployment(Deployment deployment) {
		block(deployment.getEntries(), ConfigSchema.DEPLOYMENT, "deployment", false);
	}

	@Check
	public void credentials(Credentials credentials) {
		block(credentials.getEntries(), ConfigSchema.CREDENTIALS, "credentials", true);
	}

	private void block(EList<ConfigEntry> entries, Block schema, String where, boolean secrets) {
		Set<String> seen = new HashSet<>();
		for (ConfigEntry entry : entries) {
			if (entry instanceof Setting setting && setting.getKey() != null) {
				if (!seen.add(setting.getKey())) {
					error("'" + setting.getKey() + "' is set twice in " + where + ". Keep one.", setting,
							P.getSetting_Key(), IssueCodes.DUPLICATE_SETTING);
				}
				setting(setting, schema, where, secrets);
			} else if (entry instanceof Section section && section.getName() != null) {
				String label = section.getComponent() == null ? "" : " " + sectionLabel(section);
				if (!seen.add(section.getName() + label)) {
					error("'" + section.getName() + label + "' appears twice in " + where + ". Merge the two blocks.",
							section, P.getSection_Name(), IssueCodes.DUPLICATE_SETTING);
				}
				section(section, schema, where, secrets);
			}
		}
	}

	private static String sectionLabel(Section section) {
		return section.getComponent().eIsProxy() ? "?" : section.getComponent().getName();
	}

	private void setting(Setting setting, Block schema, String where, boolean secrets) {
		Kind kind = schema.settings().get(setting.getKey());
		if (kind == null) {
			if (!secrets && SECRET_KEY.matcher(setting.getKey()).matches()) {
				error("'" + setting.getKey() + "' looks like a secret. Secrets belong in credentials.byron (git-ignored,"
						+ " deployed as a Kubernetes Secret), never in config.byron.", setting, P.getSetting_Key(),
						IssueCodes.SECRET_IN_CONFIG);
				return;
			}
			unknown(setting.getKey(), schema.settings().keySet(), where, setting, P.getSetting_Key());
			return;
		}
		String problem = problem(kind, setting.getValue());
		if (problem != null) {
			error("'" + setting.getKey() + "' " + problem, setting, P.getSetting_Value(),
					kind == Kind.CPU || kind == Kind.MEMORY ? IssueCodes.INVALID_QUANTITY : IssueCodes.SETTING_TYPE);
		}
	}

	private void section(Section section, Block parent, String where, boolean secrets) {
		Block schema = parent.sections().get(section.getName());
		if (schema == null) {
			unknown(section.getName(), parent.sections().keySet(), where, section, P.getSection_Name());
			return;
		}
		if (schema.label() == Label.REQUIRED && section.getComponent() == null) {
			error("'" + section.getName() + "' needs the name of the component it configures, e.g. '" + section.getName()
					+ " posts { ... }'.", section, P.getSection_Name(), IssueCodes.SETTING_TYPE);
		} else if (schema.label() == Label.NONE && section.getComponent() != null) {
			error("'" + section.getName() + "' applies to the whole system and takes no component name.", section,
					P.getSection_Component(), IssueCodes.SETTING_TYPE);
		}
		block(section.getEntries(), schema, where + " " + section.getName(), secrets);
		if (section.getName().equals("auth") && section.getEntries().stream()
				.noneMatch(e -> e instanceof Setting setting && "issuer".equals(setting.getKey()))) {
			error("'auth' needs the issuer of the tokens the gateway accepts, e.g. issuer: \"https://id.example.com/\"; the"
					+ " keys come from jwksUrl here or from jwt { secret } in credentials.byron.", section, P.getSection_Name(),
					IssueCodes.SETTING_TYPE);
		}
	}

	private void unknown(String key, Set<String> known, String where, org.eclipse.emf.ecore.EObject object,
			org.eclipse.emf.ecore.EStructuralFeature feature) {
		Optional<String> suggestion = Suggestions.closest(key, known);
		List<String> names = new ArrayList<>(known);
		error("Unknown setting '" + key + "' in " + where + "." + Suggestions.didYouMean(suggestion)
				+ (names.isEmpty() ? "" : " Known here: " + String.join(", ", names) + "."), object, feature,
				IssueCodes.UNKNOWN_SETTING, suggestion.stream().toArray(String[]::new));
	}

	private static String problem(Kind kind, Value value) {
		boolean fits = switch (kind) {
			case STRING -> value instanceof StringValue;
			case SECRET -> value instanceof StringValue || value instanceof EnvValue;
			case INT -> value instanceof NumberValue n && !n.getValue().contains(".") && !n.getValue().startsWith("-");
			case BOOLEAN -> value instanceof BooleanValue;
			case CPU -> value instanceof StringValue s && CPU.matcher(s.getValue()).matches();
			case MEMORY -> value instanceof StringValue s && MEMORY.matcher(s.getValue()).matches();
			case DNS_LABEL -> value instanceof StringValue s && DNS_LABEL.matcher(s.getValue()).matches();
		};
		return fits ? null : "must be " + kind.what() + ".";
	}
}
