package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;
import nym.traffic.Await;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.PacketListener;
import nym.traffic.transport.PacketSender;

/** A mix node forwards only where its {@link NextHops} let it, and waits a moment for a hop it does not know. */
class MixNodeNextHopTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final SplittableRandom random = new SplittableRandom(23);
    private final X25519KeyPair mixKey = X25519KeyPair.generate(random);
    private final X25519KeyPair lastKey = X25519KeyPair.generate(random);
    private final List<SphinxPacket> arrived = new CopyOnWriteArrayList<>();
    private PacketListener last;
    private PacketSender client;
    private MixNode mix;

    @BeforeEach
    void start() throws Exception {
        last = PacketListener.start(ANY_PORT, SphinxGeometry.DEFAULT, (packet, from) -> arrived.add(packet));
        client = PacketSender.create(PacketSender.Config.DEFAULT);
    }

    @AfterEach
    void stop() {
        client.close();
        if (mix != null) {
            mix.close();
        }
        last.close();
    }

    @Test
    void aPacketForAHopTheNodeMayNotForwardToIsDropped() throws Exception {
        InetSocketAddress elsewhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
        mix = startMix(next -> next.equals(elsewhere));
        client.send(mix.localAddress(), packetThroughMixToLast());
        Await.until("the packet counted as for an unknown hop", DEADLINE,
                () -> mix.metrics().dropped(DropReason.UNKNOWN_NEXT_HOP) == 1);
        assertEquals(0, mix.metrics().forwarded());
        assertEquals(List.of(), arrived);
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
        client.send(mix.localAddress(), packetThroughMixToLast());
        Await.until("the packet at the last hop", DEADLINE, () -> arrived.size() == 1);
        assertEquals(0, mix.metrics().dropped(DropReason.UNKNOWN_NEXT_HOP));
    }

    private MixNode startMix(NextHops nextHops) throws Exception {
        return MixNode.start(MixNodeConfig.defaults(ANY_PORT).withNextHops(nextHops), mixKey.privateKey(),
                new InMemoryReplayFilter(100));
    }

    private SphinxPacket packetThroughMixToLast() throws Exception {
        return PacketBuilder.create()
                .route(List.of(new Hop(NodeAddresses.encode(mix.localAddress()), mixKey.publicKey()),
                        new Hop(NodeAddresses.encode(last.localAddress()), lastKey.publicKey())))
                .delays(List.of(Delay.ZERO, Delay.ZERO))
                .destination(new Destination(DestinationAddress.fromBytes(new byte[32]), SurbId.fromBytes(new byte[16])))
                .random(random).build();
    }
}
