package nym.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private final Topology topology = TestNodes.topology(2);

    @Test
    void groupsMixNodesByLayer() {
        for (int layer = Layer.FIRST; layer <= Layer.COUNT; layer++) {
            List<MixNodeInfo> nodes = topology.mixNodesInLayer(layer);
            assertEquals(2, nodes.size());
            int expected = layer;
            assertTrue(nodes.stream().allMatch(node -> node.layer() == expected));
        }
        assertThrows(IllegalArgumentException.class, () -> topology.mixNodesInLayer(0));
        assertThrows(IllegalArgumentException.class, () -> topology.mixNodesInLayer(Layer.COUNT + 1));
    }

    @Test
    void findsTheProviderOfAClientAndByKey() {
        ProviderInfo second = topology.providers().get(1);
        assertEquals(second, topology.providerOf(TestNodes.client(2)).orElseThrow());
        assertEquals(topology.providers().get(0), topology.providerOf(TestNodes.client(1)).orElseThrow());
        assertTrue(topology.providerOf(TestNodes.client(99)).isEmpty());
        assertEquals(second, topology.providerByKey(second.publicKey().toBase58()).orElseThrow());
        assertTrue(topology.providerByKey("nope").isEmpty());
    }

    @Test
    void isRoutableOnlyWithEveryLayerAndAProvider() {
        assertTrue(topology.isRoutable());
        assertFalse(Topology.empty().isRoutable());
        assertFalse(Topology.of(topology.mixNodes(), List.of()).isRoutable());
        List<MixNodeInfo> withoutLayer2 = new ArrayList<>(topology.mixNodes());
        withoutLayer2.removeIf(node -> node.layer() == Layer.SECOND);
        assertFalse(Topology.of(withoutLayer2, topology.providers()).isRoutable());
    }

    @Test
    void isAnImmutableCopy() {
        List<MixNodeInfo> mixes = new ArrayList<>(topology.mixNodes());
        Topology copy = Topology.of(mixes, topology.providers());
        mixes.clear();
        assertEquals(topology, copy);
        assertThrows(UnsupportedOperationException.class, () -> copy.mixNodes().clear());
    }

    @Test
    void recordsRefuseInvalidFields() {
        var key = TestNodes.key(1);
        assertThrows(IllegalArgumentException.class, () -> new MixNodeInfo("127.0.0.1:1", key, 4, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new MixNodeInfo("127.0.0.1:1", key, 0, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new MixNodeInfo("localhost:1", key, 1, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new MixNodeInfo("127.0.0.1:1", key, 1, -1, ""));
        assertThrows(IllegalArgumentException.class, () -> new MixNodeInfo("127.0.0.1:1", key, 1, 0, "v".repeat(65)));
        assertThrows(IllegalArgumentException.class,
                () -> new ProviderInfo("127.0.0.1:1", "127.0.0.1:2", key, List.of("0OIl"), 0, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new ProviderInfo("127.0.0.1:1", "127.0.0.1:2", key, List.of("abc"), 0, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new ProviderInfo("127.0.0.1:1", "nowhere", key, List.of(), 0, ""));
    }
}
