package nym.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RouteSelectorTest {
    private final Topology topology = TestNodes.topology(3);
    private final ProviderInfo provider = topology.providers().get(0);

    @Test
    void sameSeedSameRoute() throws TopologyException {
        List<NodeInfo> first = new RouteSelector(new SplittableRandom(7)).select(topology, provider);
        List<NodeInfo> again = new RouteSelector(new SplittableRandom(7)).select(topology, provider);
        assertEquals(first, again);
    }

    @Test
    void everyMixOfALayerIsEventuallyChosen() throws TopologyException {
        RouteSelector selector = new RouteSelector(new SplittableRandom(1));
        Set<NodeInfo> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.addAll(selector.select(topology, provider));
        }
        assertTrue(seen.containsAll(topology.mixNodes()));
    }

    @Property
    void oneMixPerLayerInOrderThenTheProvider(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int perLayer)
            throws TopologyException {
        Topology network = TestNodes.topology(perLayer);
        ProviderInfo destination = network.providers().get(1);
        List<NodeInfo> route = new RouteSelector(new SplittableRandom(seed)).select(network, destination);
        assertEquals(Layer.COUNT + 1, route.size());
        for (int layer = Layer.FIRST; layer <= Layer.COUNT; layer++) {
            MixNodeInfo hop = assertInstanceOf(MixNodeInfo.class, route.get(layer - 1));
            assertEquals(layer, hop.layer());
            assertTrue(network.mixNodes().contains(hop));
        }
        assertEquals(destination, route.get(Layer.COUNT));
    }

    @Test
    void routesToTheProviderOfAClient() throws TopologyException {
        List<NodeInfo> route = new RouteSelector(new SplittableRandom(3)).selectTo(topology, TestNodes.client(2));
        assertEquals(topology.providers().get(1), route.get(Layer.COUNT));
        TopologyException unknown = assertThrows(TopologyException.class,
                () -> new RouteSelector(new SplittableRandom(3)).selectTo(topology, TestNodes.client(42)));
        assertEquals(TopologyException.Reason.UNKNOWN_CLIENT, unknown.reason());
    }

    @Test
    void anEmptyLayerIsAnError() {
        for (int empty = Layer.FIRST; empty <= Layer.COUNT; empty++) {
            List<MixNodeInfo> mixes = new ArrayList<>(topology.mixNodes());
            int layer = empty;
            mixes.removeIf(node -> node.layer() == layer);
            Topology broken = Topology.of(mixes, topology.providers());
            TopologyException e = assertThrows(TopologyException.class,
                    () -> new RouteSelector(new SplittableRandom(5)).select(broken, provider));
            assertEquals(TopologyException.Reason.EMPTY_LAYER, e.reason());
            assertTrue(e.getMessage().startsWith("topology: "));
            assertTrue(e.getMessage().contains("layer " + layer));
        }
    }

    @Test
    void differentSeedsSpreadRoutes() throws TopologyException {
        Set<List<NodeInfo>> routes = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            routes.add(new RouteSelector(new SplittableRandom(seed)).select(topology, provider));
        }
        assertNotEquals(1, routes.size());
    }
}
