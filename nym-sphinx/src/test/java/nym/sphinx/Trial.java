package nym.sphinx;

import java.util.SplittableRandom;

import nym.crypto.keys.X25519PrivateKey;

/**
 * The start of most properties: a random source seeded from a jqwik-generated seed (so a failure
 * shrinks and replays), and a random route of in-process nodes drawn from it.
 *
 * @param random the seeded source for everything else the try needs
 * @param route the nodes, with keys from {@code random}
 */
record Trial(SplittableRandom random, TestRoutes route) {
    /** @return a trial on a route of {@code hops} nodes, all drawn from {@code seed} */
    static Trial of(int hops, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Trial(random, TestRoutes.random(hops, random));
    }

    /** @return a packet carrying {@code message} along the route to a random destination */
    SphinxPacket packet(byte[] message) throws SphinxException {
        return PropertyFixtures.packet(route, TestRoutes.destination(random), message, random);
    }

    /** @return the private key of node {@code hop} */
    X25519PrivateKey key(int hop) {
        return route.keys().get(hop).privateKey();
    }

    /** @return the processor of node {@code hop} */
    PacketProcessor node(int hop) {
        return PacketProcessor.forKey(key(hop));
    }
}
