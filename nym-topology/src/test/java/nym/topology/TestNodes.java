package nym.topology;

import java.util.List;
import java.util.SplittableRandom;
import nym.crypto.keys.X25519PublicKey;

/** Deterministic nodes for tests: keys derived from a seed, loopback hosts. */
public final class TestNodes {
    private TestNodes() {}

    /** @return a public key that depends only on {@code seed} */
    public static X25519PublicKey key(long seed) {
        byte[] bytes = new byte[X25519PublicKey.LENGTH];
        new SplittableRandom(seed).nextBytes(bytes);
        try {
            return X25519PublicKey.fromBytes(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** @return the base58 address of client number {@code n} */
    public static String client(int n) {
        return key(1_000_000L + n).toBase58();
    }

    /** @return mix node number {@code n} of {@code layer}, on port {@code 10000 + n} */
    public static MixNodeInfo mix(int layer, int n) {
        return new MixNodeInfo("127.0.0.1:" + (10_000 + 1_000 * layer + n), key(layer * 100_000L + n), layer, 0, "test");
    }

    /** @return provider number {@code n} with the given clients */
    public static ProviderInfo provider(int n, List<String> clients) {
        return new ProviderInfo("127.0.0.1:" + (20_000 + n), "127.0.0.1:" + (30_000 + n), key(900_000L + n),
                clients, 0, "test");
    }

    /** @return {@code perLayer} mixes in each layer and two providers with clients 0-1 and 2 */
    public static Topology topology(int perLayer) {
        List<MixNodeInfo> mixes = new java.util.ArrayList<>();
        for (int layer = Layer.FIRST; layer <= Layer.COUNT; layer++) {
            for (int n = 0; n < perLayer; n++) {
                mixes.add(mix(layer, n));
            }
        }
        return Topology.of(mixes, List.of(provider(0, List.of(client(0), client(1))), provider(1, List.of(client(2)))));
    }
}
