package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.SphinxPacket;
import nym.traffic.Await;

/** A mix node forwards only where its {@link NextHops} let it, and waits a moment for a hop it does not know. */
class MixNodeNextHopTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final SplittableRandom random = new SplittableRandom(23);
    private final X25519KeyPair mixKey = X25519KeyPair.generate(random);
    private LastHop last;
    private MixNode mix;

    @BeforeEach
    void start() throws Exception {
        last = new LastHop(random);
    }

    @AfterEach
    void stop() {
        if (mix != null) {
            mix.close();
        }
        last.close();
    }

    @Test
    void aPacketForAHopTheNodeMayNotForwardToIsDropped() throws Exception {
        InetSocketAddress elsewhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        mix = startMix(next -> next.equals(elsewhere));
        last.client.send(mix.localAddress(), packetThroughMixToLast());
        Await.until("the packet counted as for an unknown hop", DEADLINE,
                () -> mix.metrics().dropped(DropReason.UNKNOWN_NEXT_HOP) == 1);
        assertEquals(0, mix.metrics().forwarded());
        assertEquals(List.of(), last.arrived);
    }

    @Test
    void aPacketForAHopLearntWhileItWaitsIsForwarded() throws Exception {
        Set<InetSocketAddress> known = ConcurrentHashMap.newKeySet();
        // As TopologyNextHops does: a miss starts a read, which here finds the hop at once.
        mix = startMix(next -> {
            boolean allowed = known.contains(next);
            known.add(next);
            return allowed;
        });
        last.client.send(mix.localAddress(), packetThroughMixToLast());
        Await.until("the packet at the last hop", DEADLINE, () -> last.arrived.size() == 1);
        assertEquals(0, mix.metrics().dropped(DropReason.UNKNOWN_NEXT_HOP));
    }

    private MixNode startMix(NextHops nextHops) throws Exception {
        return MixNode.start(MixNodeConfig.defaults(LastHop.ANY_PORT).withNextHops(nextHops), mixKey.privateKey(),
                new InMemoryReplayFilter(100));
    }

    private SphinxPacket packetThroughMixToLast() throws Exception {
        return last.packetThrough(mix, mixKey.publicKey());
    }
}
