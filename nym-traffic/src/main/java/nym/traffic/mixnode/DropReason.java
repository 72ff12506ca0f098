package nym.traffic.mixnode;

/** Why a mix node dropped a packet instead of forwarding it. */
public enum DropReason {
    /** The packet's replay tag was seen before. */
    REPLAY,
    /** The packet failed processing (bad MAC, unknown version, bad routing command) or asked for a delay over the node's maximum. */
    BAD_PACKET,
    /**
     * The next hop in the header is not a valid socket address, or not one the node may forward to
     * ({@link NextHops}: for a node of a network, a node of the next layer).
     */
    UNKNOWN_NEXT_HOP,
    /** A bounded queue (processing, delay, or the next hop's send queue) was full. */
    QUEUE_FULL,
    /** The packet was addressed to a final hop, which a mix node is not. */
    NOT_A_MIX_PACKET,
    /**
     * The replay filter of the key the packet was built for is full (the key could not be replaced in
     * time, for instance on a full disk): it would have to forget a tag to take the packet's.
     */
    KEY_FULL,
}
