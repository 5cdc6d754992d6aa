package dev.byron.runtime.command;

import java.util.Objects;

import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.Caller;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.descriptor.Ownership;

/**
 * {@code @owner(field)} on a command that came through the API: only the caller the stored entity's field names may
 * update or delete it, nobody may hand it to someone else, and a create names its caller (a create that leaves the
 * field out gets the caller's subject). Callers with the rule's role are exempt; the component's own code is not
 * bound.
 */
final class CheckOwnership implements CommandStep {

	@Override
	public void apply(CommandContext context) {
		Ownership rule = context.entity.ownership();
		if (rule == null || !context.external || context.alreadyDone) {
			return;
		}
		Caller caller = context.caller;
		if (rule.role() != null && caller.hasRole(rule.role())) {
			return;
		}
		String entity = context.entity.name();
		String field = rule.field();
		if (!caller.authenticated()) {
			throw forbidden(field, "Changing a " + entity + " needs a signed-in caller: each " + entity
					+ " belongs to the one its '" + field + "' names. Send a bearer token.");
		}
		String me = caller.subject();
		switch (context.kind) {
			case CREATE -> {
				Object owner = context.state.get(field);
				if (owner == null) {
					context.state.put(field, me);
					BuildNewState.recordChanges(context);
				} else if (!me.equals(String.valueOf(owner))) {
					throw forbidden(field, "A new " + entity + " must name you (" + me + ") in '" + field + "'.");
				}
			}
			case UPDATE -> {
				mustOwn(context, entity, field, me, "change");
				if (!Objects.equals(String.valueOf(context.state.get(field)), me)) {
					throw forbidden(field, "You cannot hand this " + entity + " to someone else: '" + field + "' stays " + me + ".");
				}
			}
			case DELETE -> mustOwn(context, entity, field, me, "delete");
		}
	}

	private static void mustOwn(CommandContext context, String entity, String field, String me, String verb) {
		if (!me.equals(String.valueOf(context.previous.get(field)))) {
			throw forbidden(field, "This " + entity + " belongs to someone else ('" + field + "'); only they may " + verb + " it.");
		}
	}

	private static ByronException forbidden(String field, String message) {
		return new ByronException(ErrorCode.FORBIDDEN, message, field, null);
	}
}
