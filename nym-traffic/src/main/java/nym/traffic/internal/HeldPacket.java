package nym.traffic.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

import nym.sphinx.SphinxPacket;

/**
 * A packet held until {@code releaseAtNanos} (on the {@link System#nanoTime()} scale), then sent to
 * {@code nextHop}; if {@code nextHopKnown} is false, only if the node has learnt of that hop by then.
 */
public record HeldPacket(long releaseAtNanos, SphinxPacket packet, InetSocketAddress nextHop, String nextHost,
        boolean nextHopKnown) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(releaseAtNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(releaseAtNanos, ((HeldPacket) other).releaseAtNanos);
    }
}
