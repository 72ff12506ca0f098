package nym.sphinx.internal.header;

import java.util.Arrays;

import nym.sphinx.SphinxGeometry;

/**
 * The filler φ: the bytes each hop's shift appends to β, precomputed by the sender so that every
 * hop's γ covers what that hop will see. Start empty; for j = 1 … n−1 append one zero routing
 * block, then XOR with the last 60·j bytes of PRG(ρⱼ₋₁).
 */
final class Filler {
    private Filler() {}

    /**
     * Writes the filler for a route of {@code hops} hops, 60·(n−1) bytes, to {@code out} at
     * {@code offset}.
     *
     * @param streams each hop's header key stream of {@code streamLength} bytes, one after the other
     */
    static void writeTo(byte[] streams, int streamLength, int hops, byte[] out, int offset) {
        int blocks = hops - 1;
        Arrays.fill(out, offset, offset + blocks * SphinxGeometry.ROUTING_BLOCK_LENGTH, (byte) 0);
        for (int j = 1; j <= blocks; j++) {
            int length = j * SphinxGeometry.ROUTING_BLOCK_LENGTH;
            int streamEnd = j * streamLength; // the end of stream j − 1
            // The filler so far occupies [0, length - 60); the new zero block is implicit.
            for (int k = 0; k < length; k++) {
                out[offset + k] ^= streams[streamEnd - length + k];
            }
        }
    }
}
