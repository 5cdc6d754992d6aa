package dev.byron.runtime.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.byron.runtime.descriptor.ComponentDescriptor;
import dev.byron.runtime.descriptor.ReplicaDescriptor;
import graphql.GraphQLError;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

/**
 * A field asked of another component's entity that this component does not replicate: graphql-java only says the
 * field is undefined, while the gateway's schema (the owner's type) offers it. This says which fields the replica
 * holds and how to get the one asked for.
 */
final class ReplicaFieldHints {
	private static final Pattern UNDEFINED = Pattern.compile("Field '([^']+)' in type '([^']+)' is undefined");

	private final ComponentDescriptor component;

	ReplicaFieldHints(ComponentDescriptor component) {
		this.component = component;
	}

	/** The message for {@code error}, where it is a field missing from a replica. */
	Optional<String> explain(GraphQLError error) {
		if (!(error instanceof ValidationError validation) || validation.getValidationErrorType() != ValidationErrorType.FieldUndefined) {
			return Optional.empty();
		}
		Matcher undefined = UNDEFINED.matcher(validation.getDescription() == null ? "" : validation.getDescription());
		if (!undefined.find()) {
			return Optional.empty();
		}
		String field = undefined.group(1);
		String type = undefined.group(2);
		if (component.entity(type).isPresent()) {
			return Optional.empty();
		}
		return component.replicas().stream().filter(r -> r.entity().equals(type)).findFirst().map(replica -> message(replica, field,
				validation.getQueryPath() == null ? "" : " (at " + String.join(".", validation.getQueryPath()) + ")"));
	}

	private String message(ReplicaDescriptor replica, String field, String where) {
		String owner = replica.component() + "." + replica.entity();
		return component.name() + " answers " + owner + " from its replica, which holds " + String.join(", ", replica.fieldNames())
				+ ": '" + field + "' is not among them" + where + ". Add it to 'replicate " + owner + " { ... }' in " + component.name()
				+ ", or select it through a query of component " + replica.component() + " (" + replica.entity()
				+ " by id) as another root field of the request: a reference does not fetch from its owner.";
	}
}
