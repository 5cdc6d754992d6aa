package dev.byron.runtime.gateway;

import dev.byron.runtime.descriptor.ComponentDescriptor;

/** A component behind the gateway: what it is, and where its GraphQL endpoint listens. */
public record Route(ComponentDescriptor component, String graphqlUrl) {
}
