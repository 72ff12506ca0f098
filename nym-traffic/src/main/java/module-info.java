/**
 * Packets in motion: the framed TCP transport between nodes, and the mix node engine (read,
 * unwrap, replay check, hold for the sender's delay, forward). Poisson streams, cover traffic and
 * the client's pipeline join it with the client issue.
 */
module nym.traffic {
    requires transitive nym.sphinx; // packets and routes appear in the transport API
    requires transitive nym.topology; // route selection feeds the client pipeline

    exports nym.traffic.mixnode;
    exports nym.traffic.transport;
}
