package dev.byron.runtime.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** {@code DateTime}: an ISO-8601 instant, e.g. {@code 2024-01-31T12:00:00Z}; stored and sent as that text. */
public final class DateTimeScalar {
	public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar().name("DateTime")
			.description("An ISO-8601 instant, e.g. 2024-01-31T12:00:00Z").coercing(new Coercing<String, String>() {
				@Override
				public String serialize(Object value, GraphQLContext context, Locale locale) {
					if (value instanceof String text) {
						return text;
					}
					if (value instanceof Instant instant) {
						return instant.toString();
					}
					throw new CoercingSerializeException("not a DateTime: " + value);
				}

				@Override
				public String parseValue(Object input, GraphQLContext context, Locale locale) {
					if (input instanceof String text) {
						try {
							return Instant.parse(text).toString();
						} catch (DateTimeParseException e) {
							throw new CoercingParseValueException("DateTime must be an ISO-8601 instant such as 2024-01-31T12:00:00Z");
						}
					}
					throw new CoercingParseValueException("DateTime must be a string");
				}

				@Override
				public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
					if (input instanceof StringValue text) {
						try {
							return Instant.parse(text.getValue()).toString();
						} catch (DateTimeParseException e) {
							throw new CoercingParseLiteralException("DateTime must be an ISO-8601 instant such as 2024-01-31T12:00:00Z");
						}
					}
					throw new CoercingParseLiteralException("DateTime must be a string");
				}
			}).build();

	private DateTimeScalar() {
	}
}
