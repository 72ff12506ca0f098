package nym.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.SphinxException;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/** A fixed route for benchmarks: nodes with keys, delays and a destination, from a seed. */
final class BenchmarkRoutes {
    final List<X25519KeyPair> keys = new ArrayList<>();
    final List<Hop> hops = new ArrayList<>();
    final List<Delay> delays = new ArrayList<>();
    final Destination destination;

    BenchmarkRoutes(int length, long seed) throws SphinxException {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            X25519KeyPair pair = X25519KeyPair.generate(random);
            keys.add(pair);
            hops.add(new Hop(NodeAddress.fromBytes(bytes(random, NodeAddress.LENGTH)), pair.publicKey()));
            delays.add(Delay.ofMillis(50));
        }
        destination = new Destination(DestinationAddress.fromBytes(bytes(random, DestinationAddress.LENGTH)),
                SurbId.fromBytes(new byte[SurbId.LENGTH]));
    }

    static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
