package nym.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the network: the mix nodes and the providers, indexed by layer, by
 * provider key and by registered client.
 *
 * <p>Guarantees: the lists are unmodifiable copies in the order given; lookups never change the
 * snapshot; safe to share between threads. If two providers claim the same client, or share a key,
 * the first in the list wins for lookups. A snapshot says nothing about freshness: ask the directory
 * again for a newer one.
 */
public final class Topology {
    private final List<MixNodeInfo> mixNodes;
    private final List<ProviderInfo> providers;
    private final int skippedEntries;
    private final List<List<MixNodeInfo>> layers;
    private final Map<String, ProviderInfo> providersByKey = new HashMap<>();
    private final Map<String, ProviderInfo> providersByClient = new HashMap<>();

    private Topology(List<MixNodeInfo> mixNodes, List<ProviderInfo> providers, int skippedEntries) {
        this.mixNodes = List.copyOf(mixNodes);
        this.providers = List.copyOf(providers);
        if (skippedEntries < 0) {
            throw new IllegalArgumentException("skippedEntries must not be negative, got " + skippedEntries);
        }
        this.skippedEntries = skippedEntries;
        List<List<MixNodeInfo>> byLayer = new ArrayList<>();
        for (int layer = Layer.FIRST; layer <= Layer.COUNT; layer++) {
            int wanted = layer;
            byLayer.add(this.mixNodes.stream().filter(node -> node.layer() == wanted).toList());
        }
        this.layers = List.copyOf(byLayer);
        for (ProviderInfo provider : this.providers) {
            providersByKey.putIfAbsent(provider.publicKey().toBase58(), provider);
            provider.registeredClients().forEach(client -> providersByClient.putIfAbsent(client, provider));
        }
    }

    /**
     * @param mixNodes the mix nodes, not null, copied
     * @param providers the providers, not null, copied
     * @return a snapshot of exactly these nodes
     */
    public static Topology of(List<MixNodeInfo> mixNodes, List<ProviderInfo> providers) {
        return new Topology(mixNodes, providers, 0);
    }

    /**
     * A snapshot built from a source some of whose entries were malformed and left out.
     *
     * @param skippedEntries how many entries were left out, at least 0
     * @throws IllegalArgumentException if {@code skippedEntries} is negative
     */
    public static Topology of(List<MixNodeInfo> mixNodes, List<ProviderInfo> providers, int skippedEntries) {
        return new Topology(mixNodes, providers, skippedEntries);
    }

    /** @return an empty topology */
    public static Topology empty() {
        return of(List.of(), List.of());
    }

    /** @return every mix node, unmodifiable */
    public List<MixNodeInfo> mixNodes() {
        return mixNodes;
    }

    /** @return every provider, unmodifiable */
    public List<ProviderInfo> providers() {
        return providers;
    }

    /** @return how many entries of the source were malformed and left out of this snapshot (0 if none) */
    public int skippedEntries() {
        return skippedEntries;
    }

    /**
     * @param layer a layer, {@code 1..}{@link Layer#COUNT}
     * @return the mix nodes of that layer, unmodifiable, possibly empty
     * @throws IllegalArgumentException if {@code layer} is not a valid layer
     */
    public List<MixNodeInfo> mixNodesInLayer(int layer) {
        if (!Layer.isValid(layer)) {
            throw new IllegalArgumentException("layer must be 1 to " + Layer.COUNT + ", got " + layer);
        }
        return layers.get(layer - Layer.FIRST);
    }

    /**
     * @param clientAddress a client's base58 address, not null
     * @return the provider that lists it among its registered clients, if any
     */
    public Optional<ProviderInfo> providerOf(String clientAddress) {
        return Optional.ofNullable(providersByClient.get(Objects.requireNonNull(clientAddress, "clientAddress")));
    }

    /**
     * @param publicKeyBase58 a provider's public key in base58, not null
     * @return the provider with that key, if any
     */
    public Optional<ProviderInfo> providerByKey(String publicKeyBase58) {
        return Optional.ofNullable(providersByKey.get(Objects.requireNonNull(publicKeyBase58, "publicKeyBase58")));
    }

    /** @return whether a route can be built: at least one mix in every layer and at least one provider */
    public boolean isRoutable() {
        return !providers.isEmpty() && layers.stream().noneMatch(List::isEmpty);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Topology that && mixNodes.equals(that.mixNodes)
                && providers.equals(that.providers) && skippedEntries == that.skippedEntries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mixNodes, providers, skippedEntries);
    }

    @Override
    public String toString() {
        return "Topology[mixNodes=" + mixNodes.size() + ", providers=" + providers.size()
                + ", skipped=" + skippedEntries + "]";
    }
}
