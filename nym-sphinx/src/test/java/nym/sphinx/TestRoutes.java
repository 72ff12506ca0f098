package nym.sphinx;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * Test fixture: a route of in-process nodes with fresh keys, and a helper that walks a packet
 * through all of them. Public so tests in sub-packages can use it.
 */
public final class TestRoutes {
    private final List<X25519KeyPair> keys;
    private final List<Hop> hops;
    private final List<Delay> delays;

    private TestRoutes(List<X25519KeyPair> keys, List<Hop> hops, List<Delay> delays) {
        this.keys = keys;
        this.hops = hops;
        this.delays = delays;
    }

    /** @return a route of {@code length} nodes with keys and addresses from {@code random} */
    public static TestRoutes random(int length, RandomGenerator random) {
        List<X25519KeyPair> keys = new ArrayList<>();
        List<Hop> hops = new ArrayList<>();
        List<Delay> delays = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            X25519KeyPair pair = X25519KeyPair.generate(random);
            keys.add(pair);
            hops.add(new Hop(address(random), pair.publicKey()));
            delays.add(Delay.ofNanos(random.nextLong(1, 10_000_000_000L)));
        }
        return new TestRoutes(keys, hops, delays);
    }

    /** @return a destination with random address and identifier */
    public static Destination destination(RandomGenerator random) {
        try {
            byte[] address = new byte[DestinationAddress.LENGTH];
            random.nextBytes(address);
            byte[] id = new byte[SurbId.LENGTH];
            random.nextBytes(id);
            return new Destination(DestinationAddress.fromBytes(address), SurbId.fromBytes(id));
        } catch (SphinxException e) {
            throw new AssertionError(e);
        }
    }

    public List<Hop> hops() {
        return hops;
    }

    public List<Delay> delays() {
        return delays;
    }

    public List<X25519KeyPair> keys() {
        return keys;
    }

    /**
     * Processes {@code packet} at every node in order, checking that each forward hop names the next
     * node and the delay the sender chose.
     *
     * @param seen receives the packet at every hop, input first (may be null)
     * @return the final hop
     */
    public ProcessedPacket.FinalHop walk(SphinxPacket packet, List<SphinxPacket> seen) throws SphinxException {
        SphinxPacket current = packet;
        for (int i = 0; i < hops.size(); i++) {
            if (seen != null) {
                seen.add(current);
            }
            ProcessedPacket result = PacketProcessor.forKey(keys.get(i).privateKey()).process(current);
            if (i == hops.size() - 1) {
                if (result instanceof ProcessedPacket.FinalHop last) {
                    return last;
                }
                throw new AssertionError("last hop did not deliver");
            }
            if (!(result instanceof ProcessedPacket.ForwardHop forward)) {
                throw new AssertionError("hop " + i + " delivered early");
            }
            if (!forward.nextHop().equals(hops.get(i + 1).address()) || !forward.delay().equals(delays.get(i))) {
                throw new AssertionError("hop " + i + " read the wrong next hop or delay");
            }
            current = forward.next();
        }
        throw new AssertionError("unreachable");
    }

    private static NodeAddress address(RandomGenerator random) {
        byte[] bytes = new byte[NodeAddress.LENGTH];
        random.nextBytes(bytes);
        try {
            return NodeAddress.fromBytes(bytes);
        } catch (SphinxException e) {
            throw new AssertionError(e);
        }
    }
}
