package nym.traffic.mixnode;

import java.net.InetSocketAddress;

/**
 * Which addresses a mix node forwards packets to. The next hop is written in the header, and anyone
 * can build a header: without a check, a mix node would open connections wherever a sender asks,
 * to hosts outside the network or to services on its own machine.
 */
@FunctionalInterface
public interface NextHops {
    /**
     * @return whether the node may forward to {@code next}; {@code false} may start a fresh look at
     *     the network, so the same question can get {@code true} a moment later
     */
    boolean allows(InetSocketAddress next);

    /** Every address: for a node that is not part of a directory's network (tests, benchmarks). */
    NextHops ANY = next -> true;
}
