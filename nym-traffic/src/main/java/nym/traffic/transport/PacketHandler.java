package nym.traffic.transport;

import java.net.InetSocketAddress;

import nym.sphinx.SphinxPacket;

/**
 * Receives each packet a {@link PacketListener} reads. Called on the connection's reading thread:
 * it must not block (hand the packet to a bounded queue and return).
 */
@FunctionalInterface
public interface PacketHandler {
    /**
     * @param packet the packet, already checked for length
     * @param from the peer that sent it
     */
    void onPacket(SphinxPacket packet, InetSocketAddress from);
}
