package nym.traffic.mixnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.traffic.Await;

/** The next hops a layer gets from the topology, and a read when a packet names a hop not known yet. */
class TopologyNextHopsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration HOUR = Duration.ofHours(1);

    private final SplittableRandom random = new SplittableRandom(29);

    @Test
    void eachLayerForwardsToTheNextAndTheLastToProviders() {
        Topology topology = Topology.of(List.of(mix("10.0.0.1:1789", 1), mix("10.0.0.2:1789", 2),
                mix("10.0.0.3:1789", 3)), List.of(provider("10.0.0.9:1789")));
        assertEquals(Set.of(address("10.0.0.2", 1789)), TopologyNextHops.nextHopsOf(topology, 1));
        assertEquals(Set.of(address("10.0.0.3", 1789)), TopologyNextHops.nextHopsOf(topology, 2));
        assertEquals(Set.of(address("10.0.0.9", 1789)), TopologyNextHops.nextHopsOf(topology, 3));
    }

    @Test
    void aHopNotKnownYetIsLearntByReadingTheTopologyAgain() {
        AtomicReference<Topology> network = new AtomicReference<>(Topology.of(List.of(mix("10.0.0.2:1789", 2)), List.of()));
        AtomicInteger reads = new AtomicInteger();
        try (TopologyNextHops hops = TopologyNextHops.start(1, () -> {
            reads.incrementAndGet();
            return network.get();
        }, HOUR, Duration.ZERO)) {
            Await.until("the read at start", DEADLINE, () -> hops.knownHops() == 1);
            assertEquals(1, reads.get(), "read once at start");
            assertTrue(hops.allows(address("10.0.0.2", 1789)));
            InetSocketAddress joined = address("10.0.0.7", 1789);
            network.set(Topology.of(List.of(mix("10.0.0.2:1789", 2), mix("10.0.0.7:1789", 2)), List.of()));
            assertFalse(hops.allows(joined), "not known before the next read");
            Await.until("the joined node learnt", DEADLINE, () -> hops.knownHops() == 2);
            assertTrue(hops.allows(joined));
            assertFalse(hops.allows(address("127.0.0.1", 22)), "a host of no node is never allowed");
        }
    }

    @Test
    void afterCloseAnUnknownHopIsRefusedWithoutAnError() {
        TopologyNextHops hops = TopologyNextHops.start(1,
                () -> Topology.of(List.of(mix("10.0.0.2:1789", 2)), List.of()), HOUR, Duration.ZERO);
        Await.until("the read at start", DEADLINE, () -> hops.knownHops() == 1);
        hops.close(); // as the node stops, with packets still in its workers
        assertFalse(hops.allows(address("10.0.0.7", 1789)));
        assertTrue(hops.allows(address("10.0.0.2", 1789)));
    }

    @Test
    void aFailedReadKeepsWhatWasKnown() {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        try (TopologyNextHops hops = TopologyNextHops.start(3, () -> {
            if (reads.incrementAndGet() > 1) {
                log.add("failed");
                throw new IllegalStateException("directory down");
            }
            return Topology.of(List.of(), List.of(provider("10.0.0.9:1789")));
        }, HOUR, Duration.ZERO)) {
            Await.until("the read at start", DEADLINE, () -> hops.knownHops() == 1);
            assertFalse(hops.allows(address("10.0.0.8", 1789)));
            Await.until("a second read", DEADLINE, () -> !log.isEmpty());
            assertTrue(hops.allows(address("10.0.0.9", 1789)));
        }
    }

    @Test
    void startDoesNotWaitForTheFirstReadAndAPacketMeanwhileWaitsForThatRead() throws Exception {
        CountDownLatch directoryAnswers = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        TopologyNextHops.Source slowDirectory = () -> {
            reads.incrementAndGet();
            directoryAnswers.await();
            return Topology.of(List.of(mix("10.0.0.2:1789", 2)), List.of());
        };
        // Started on another thread: if start waited for the directory, it would never return here.
        CompletableFuture<TopologyNextHops> starting = CompletableFuture.supplyAsync(
                () -> TopologyNextHops.start(1, slowDirectory, HOUR, HOUR));
        try {
            Await.until("start to return before the directory answers", DEADLINE, starting::isDone);
            TopologyNextHops hops = starting.join();
            Await.until("the first read asking the directory", DEADLINE, () -> reads.get() == 1);
            InetSocketAddress next = address("10.0.0.2", 1789);
            assertFalse(hops.allows(next), "no hop is known before the directory answers");
            directoryAnswers.countDown();
            Await.until("the hop learnt from the read in flight", DEADLINE, () -> hops.allows(next));
            assertEquals(1, reads.get(), "a miss within minGap of the read in flight waits for it");
        } finally {
            directoryAnswers.countDown();
            starting.thenAccept(TopologyNextHops::close);
        }
    }

    @Test
    void refusesALayerThatDoesNotExist() {
        assertThrows(IllegalArgumentException.class, () -> TopologyNextHops.start(4, Topology::empty, HOUR, HOUR));
    }

    private MixNodeInfo mix(String host, int layer) {
        return new MixNodeInfo(host, X25519KeyPair.generate(random).publicKey(), layer, 0, "test");
    }

    private ProviderInfo provider(String host) {
        return new ProviderInfo(host, "10.0.0.9:9000", X25519KeyPair.generate(random).publicKey(), new ArrayList<>(), 0,
                "test");
    }

    private static InetSocketAddress address(String ip, int port) {
        return new InetSocketAddress(ip, port);
    }
}
