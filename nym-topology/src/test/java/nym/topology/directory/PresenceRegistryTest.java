package nym.topology.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nym.topology.MixNodeInfo;
import nym.topology.TestNodes;
import nym.topology.Topology;
import nym.topology.TopologyException;
import org.junit.jupiter.api.Test;

class PresenceRegistryTest {
    private final FakeClock clock = new FakeClock();
    private final PresenceRegistry registry = new PresenceRegistry(DirectoryConfig.defaults(), clock);

    @Test
    void stampsNodesWithTheClock() throws TopologyException {
        MixNodeInfo stored = registry.registerMixNode(TestNodes.mix(1, 0));
        assertEquals(FakeClock.nanos(FakeClock.START), stored.lastSeenNanos());
        assertEquals(List.of(stored), registry.topology().mixNodes());
    }

    @Test
    void aNodeNotSeenForTheTtlDropsOut() throws TopologyException {
        registry.registerMixNode(TestNodes.mix(1, 0));
        registry.registerMixNode(TestNodes.mix(2, 0));
        registry.registerProvider(TestNodes.provider(0, List.of(TestNodes.client(0))));
        clock.advance(Duration.ofSeconds(6));
        registry.registerMixNode(TestNodes.mix(2, 0)); // keeps reporting
        clock.advance(Duration.ofSeconds(4));
        assertEquals(2, registry.topology().mixNodes().size(), "exactly the TTL old is still listed");
        clock.advance(Duration.ofNanos(1));
        assertEquals(List.of(2), registry.topology().mixNodes().stream().map(MixNodeInfo::layer).toList());
        assertTrue(registry.topology().providers().isEmpty());
        clock.advance(Duration.ofSeconds(7));
        assertTrue(registry.topology().mixNodes().isEmpty());
    }

    @Test
    void reRegisteringReplacesTheEntry() throws TopologyException {
        MixNodeInfo node = TestNodes.mix(1, 0);
        registry.registerMixNode(node);
        registry.registerMixNode(new MixNodeInfo("127.0.0.2:1", node.publicKey(), 3, 0, "v2"));
        List<MixNodeInfo> listed = registry.topology().mixNodes();
        assertEquals(1, listed.size());
        assertEquals("127.0.0.2:1", listed.get(0).host());
    }

    @Test
    void aNewKeyAtAListedHostReplacesTheOldKey() throws TopologyException {
        MixNodeInfo node = TestNodes.mix(1, 0);
        MixNodeInfo other = TestNodes.mix(1, 1);
        registry.registerMixNode(node);
        registry.registerMixNode(other);
        MixNodeInfo rotated = new MixNodeInfo(node.host(), TestNodes.key(42), 1, 0, "test");
        registry.registerMixNode(rotated);
        assertEquals(List.of(rotated.publicKey(), other.publicKey()),
                registry.topology().mixNodes().stream().map(MixNodeInfo::publicKey).toList());
    }

    @Test
    void aRotatedNodeIsListedEvenWhenTheDirectoryIsFull() throws TopologyException {
        PresenceRegistry small = new PresenceRegistry(DirectoryConfig.defaults().withMaxNodes(1), clock);
        MixNodeInfo node = TestNodes.mix(1, 0);
        small.registerMixNode(node);
        small.registerMixNode(new MixNodeInfo(node.host(), TestNodes.key(42), 1, 0, "test"));
        assertEquals(List.of(TestNodes.key(42)), small.topology().mixNodes().stream().map(MixNodeInfo::publicKey).toList());
    }

    @Test
    void theEncodedTopologyIsEncodedAgainOnlyWhenTheListChangesOrAnEntryExpires() throws TopologyException {
        AtomicInteger encodings = new AtomicInteger();
        Function<Topology, byte[]> encoder = topology -> {
            encodings.incrementAndGet();
            return topology.mixNodes().stream().map(MixNodeInfo::host).toList().toString().getBytes();
        };
        registry.registerMixNode(TestNodes.mix(1, 0));
        assertEquals("[127.0.0.1:11000]", new String(registry.encodedTopology(encoder)));
        registry.reportMetrics(new MixMetricsReport(TestNodes.mix(1, 0).publicKey(), 1, Map.of()));
        assertEquals("[127.0.0.1:11000]", new String(registry.encodedTopology(encoder)));
        assertEquals(1, encodings.get(), "a metrics report does not change the topology");

        clock.advance(Duration.ofSeconds(5));
        registry.registerMixNode(TestNodes.mix(2, 0));
        assertEquals("[127.0.0.1:11000, 127.0.0.1:12000]", new String(registry.encodedTopology(encoder)));
        assertEquals(2, encodings.get());

        clock.advance(Duration.ofSeconds(5)); // exactly the TTL since the first: still listed
        registry.encodedTopology(encoder);
        assertEquals(2, encodings.get());
        clock.advance(Duration.ofNanos(1));
        assertEquals("[127.0.0.1:12000]", new String(registry.encodedTopology(encoder)));
        assertEquals(3, encodings.get());

        byte[] copy = registry.encodedTopology(encoder);
        copy[0] = 'x';
        assertEquals("[127.0.0.1:12000]", new String(registry.encodedTopology(encoder)), "callers get copies");
    }

    @Test
    void refusesNewNodesBeyondTheCapUntilOthersExpire() throws TopologyException {
        PresenceRegistry small = new PresenceRegistry(DirectoryConfig.defaults().withMaxNodes(2), clock);
        small.registerMixNode(TestNodes.mix(1, 0));
        small.registerProvider(TestNodes.provider(0, List.of()));
        TopologyException full = assertThrows(TopologyException.class, () -> small.registerMixNode(TestNodes.mix(1, 1)));
        assertEquals(TopologyException.Reason.FULL, full.reason());
        small.registerMixNode(TestNodes.mix(1, 0)); // a known node may refresh
        clock.advance(Duration.ofSeconds(11));
        small.registerMixNode(TestNodes.mix(1, 1));
        assertEquals(1, small.topology().mixNodes().size());
    }

    @Test
    void keepsTheLatestMetricsPerNodeAndExpiresThem() throws TopologyException {
        registry.reportMetrics(new MixMetricsReport(TestNodes.key(1), 1, Map.of()));
        clock.advance(Duration.ofSeconds(5));
        MixMetricsReport latest = new MixMetricsReport(TestNodes.key(1), 2, Map.of("127.0.0.1:9", 2L));
        registry.reportMetrics(latest);
        registry.reportMetrics(new MixMetricsReport(TestNodes.key(2), 3, Map.of()));
        List<MixMetricsEntry> entries = registry.metrics();
        assertEquals(2, entries.size());
        assertTrue(entries.stream().anyMatch(entry -> entry.report().equals(latest)));
        clock.advance(Duration.ofSeconds(11));
        assertTrue(registry.metrics().isEmpty());
    }

    @Test
    void configChecksItsValues() {
        assertThrows(IllegalArgumentException.class, () -> DirectoryConfig.defaults().withTtl(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DirectoryConfig.defaults().withMaxNodes(0));
        assertThrows(IllegalArgumentException.class, () -> DirectoryConfig.defaults().withMaxBodyBytes(-1));
    }
}
