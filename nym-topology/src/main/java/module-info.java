/**
 * The mixnet topology: mix nodes by layer, providers with their registered clients, route selection,
 * and the directory's HTTP JSON API in the seed's shape.
 *
 * <p>Not implemented yet: this descriptor fixes the module's place in the dependency graph.
 */
module nym.topology {
    requires transitive nym.crypto; // public keys appear in the topology model
    requires com.fasterxml.jackson.databind; // the directory's JSON, kept out of the API
}
