package nym.sphinx.internal.header;

import nym.sphinx.SphinxGeometry;

/**
 * The filler φ: the bytes each hop's shift appends to β, precomputed by the sender so that every
 * hop's γ covers what that hop will see. Start empty; for j = 1 … n−1 append one zero routing
 * block, then XOR with the last 60·j bytes of PRG(ρⱼ₋₁).
 */
final class Filler {
    private Filler() {}

    /**
     * @param streams each hop's header key stream, all of one length
     * @return the filler for a route of {@code streams.length} hops: 60·(n−1) bytes
     */
    static byte[] compute(byte[][] streams) {
        int blocks = streams.length - 1;
        byte[] filler = new byte[blocks * SphinxGeometry.ROUTING_BLOCK_LENGTH];
        for (int j = 1; j <= blocks; j++) {
            int length = j * SphinxGeometry.ROUTING_BLOCK_LENGTH;
            byte[] stream = streams[j - 1];
            int streamOffset = stream.length - length;
            // The filler so far occupies [0, length - 60); the new zero block is implicit.
            for (int k = 0; k < length; k++) {
                filler[k] ^= stream[streamOffset + k];
            }
        }
        return filler;
    }
}
