package nym.traffic.client;

import java.net.InetSocketAddress;
import java.util.Objects;

import nym.sphinx.SphinxPacket;

/**
 * A reply built through a SURB, waiting for a slot: the packet is ready (its route is the SURB's),
 * and goes to the SURB's first hop.
 *
 * @param packet the reply packet
 * @param firstHop where the SURB's route starts
 */
public record OutboundReply(SphinxPacket packet, InetSocketAddress firstHop) implements Outbound {
    /** Checks for nulls. */
    public OutboundReply {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(firstHop, "firstHop");
    }
}
