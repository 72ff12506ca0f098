/**
 * The store-and-forward provider, the last hop of every route: it stores each message durably for its
 * registered owner until the owner pulls it, and the client side of registration and pulls.
 *
 * <p>Not implemented yet: this descriptor fixes the module's place in the dependency graph.
 */
module nym.provider {
    requires transitive nym.traffic; // the provider is a node of the traffic layer
}
