package nym.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import nym.topology.internal.Text;

/**
 * Picks the path of one packet: one mix node chosen uniformly at random from each layer
 * {@code 1..}{@link Layer#COUNT}, in layer order, then the recipient's provider.
 *
 * <p>Guarantees: every route has exactly {@code Layer.COUNT + 1} hops, the i-th of layer i, the last
 * the given provider; the choice depends only on the topology and the injected generator (a seeded
 * generator gives repeatable routes). Thread-safe if and only if the generator is; production passes
 * a {@code SecureRandom}.
 */
public final class RouteSelector {
    private final RandomGenerator random;

    /** @param random the source of the choices, not null */
    public RouteSelector(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param topology the network to route through, not null
     * @param destination the provider of the recipient, not null
     * @return the hops: a mix of layer 1, 2 and 3, then {@code destination}; unmodifiable
     * @throws TopologyException with {@code EMPTY_LAYER} if a layer has no mix node
     */
    public List<NodeInfo> select(Topology topology, ProviderInfo destination) throws TopologyException {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(destination, "destination");
        List<NodeInfo> route = new ArrayList<>(Layer.COUNT + 1);
        for (int layer = Layer.FIRST; layer <= Layer.COUNT; layer++) {
            List<MixNodeInfo> candidates = topology.mixNodesInLayer(layer);
            if (candidates.isEmpty()) {
                throw new TopologyException(TopologyException.Reason.EMPTY_LAYER,
                        "no mix node in layer " + layer + ", cannot build a route");
            }
            route.add(candidates.get(random.nextInt(candidates.size())));
        }
        route.add(destination);
        return List.copyOf(route);
    }

    /**
     * Routes to the provider that serves {@code clientAddress}.
     *
     * @param clientAddress the recipient's base58 address, not null
     * @throws TopologyException with {@code UNKNOWN_CLIENT} if no provider lists the client, or
     *     {@code EMPTY_LAYER} as {@link #select(Topology, ProviderInfo)}
     */
    public List<NodeInfo> selectTo(Topology topology, String clientAddress) throws TopologyException {
        ProviderInfo provider = topology.providerOf(clientAddress).orElseThrow(() -> new TopologyException(
                TopologyException.Reason.UNKNOWN_CLIENT, "no provider has registered client " + Text.printable(clientAddress, 60)));
        return select(topology, provider);
    }
}
