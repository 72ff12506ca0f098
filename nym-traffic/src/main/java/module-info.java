/**
 * Packets in motion: the framed TCP transport between nodes, and the mix node engine (read,
 * unwrap, replay check, hold for the sender's delay, forward). And the client's side: Poisson
 * streams in which real packets take the slots of cover packets, and loop cover traffic.
 */
module nym.traffic {
    requires transitive nym.sphinx; // packets and routes appear in the transport API
    requires transitive nym.topology; // route selection feeds the client pipeline

    exports nym.traffic.client;
    exports nym.traffic.mixnode;
    exports nym.traffic.poisson;
    exports nym.traffic.transport;
}
