/**
 * Packets in motion: the framed TCP transport, Poisson schedules, cover traffic, the mix node engine
 * (read, process, hold for the sender's delay, forward) and the client's pipeline.
 *
 * <p>Not implemented yet: this descriptor fixes the module's place in the dependency graph.
 */
module nym.traffic {
    requires transitive nym.sphinx; // packets and routes appear in the transport API
    requires transitive nym.topology; // route selection feeds the client pipeline
}
