package nym.sphinx.internal.header;

import java.util.List;

import nym.crypto.CryptoException;
import nym.crypto.primitives.TruncatedHmac;
import nym.sphinx.PacketVersion;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.NodeAddress;

/**
 * Builds α ‖ γ ‖ β for a route, from the innermost layer outwards: the final block (destination,
 * identifier, padding) encrypted with the last hop's stream and followed by the filler, then one
 * forward block per earlier hop (next address, delay, next γ, the first part of the next β).
 */
public final class HeaderBuilder {
    private HeaderBuilder() {}

    /** @return bytes of random padding after the final block of an {@code hops}-hop route */
    public static int finalPaddingLength(SphinxGeometry geometry, int hops) {
        return geometry.betaLength() - (hops - 1) * SphinxGeometry.ROUTING_BLOCK_LENGTH
                - SphinxGeometry.FINAL_BLOCK_LENGTH;
    }

    /**
     * @param keys the route's key material (α₀ and per-hop keys), n hops
     * @param addresses the route's node addresses, n of them; hop j's block names address j+1
     * @param delays n delays; delay j goes into hop j's block; the last is never used
     * @param destination the final block's destination and identifier
     * @param finalPadding exactly {@link #finalPaddingLength} bytes
     * @return the header, {@code geometry.headerLength()} bytes
     */
    public static byte[] build(SphinxGeometry geometry, KeyMaterial keys, List<NodeAddress> addresses,
            List<Delay> delays, Destination destination, byte[] finalPadding) {
        final int alphaOffset = geometry.alphaOffset();
        final int gammaOffset = geometry.gammaOffset();
        final int betaOffset = geometry.betaOffset();
        final int betaLength = geometry.betaLength();
        final int block = SphinxGeometry.ROUTING_BLOCK_LENGTH;

        List<RoutingKeys> hopKeys = keys.hopKeys();
        int hops = hopKeys.size();
        // Each hop's key stream once, for the filler and for its layer: one AES key schedule per hop.
        byte[][] streams = new byte[hops][];
        byte[] beta;
        byte[] gamma;
        try {
            for (int j = 0; j < hops; j++) {
                streams[j] = hopKeys.get(j).headerKeystream(geometry.headerKeystreamLength());
            }
            byte[] filler = Filler.compute(streams);

            // Final hop: flag ‖ version ‖ destination ‖ identifier ‖ padding, encrypted, then the filler.
            int finalLength = betaLength - filler.length;
            beta = new byte[betaLength];
            beta[0] = SphinxGeometry.FINAL_FLAG;
            PacketVersion.CURRENT.copyTo(beta, SphinxGeometry.VERSION_OFFSET);
            destination.address().copyTo(beta, SphinxGeometry.ADDRESS_OFFSET);
            destination.surbId().copyTo(beta, SphinxGeometry.IDENTIFIER_OFFSET);
            System.arraycopy(finalPadding, 0, beta, SphinxGeometry.FINAL_BLOCK_LENGTH, finalPadding.length);
            xor(streams[hops - 1], beta, finalLength);
            System.arraycopy(filler, 0, beta, finalLength, filler.length);
            gamma = mac(hopKeys.get(hops - 1), beta);

            // Forward hops, innermost first.
            for (int j = hops - 2; j >= 0; j--) {
                byte[] next = new byte[betaLength];
                next[0] = SphinxGeometry.FORWARD_FLAG;
                PacketVersion.CURRENT.copyTo(next, SphinxGeometry.VERSION_OFFSET);
                addresses.get(j + 1).copyTo(next, SphinxGeometry.ADDRESS_OFFSET);
                delays.get(j).writeTo(next, SphinxGeometry.DELAY_OFFSET);
                System.arraycopy(gamma, 0, next, SphinxGeometry.NEXT_MAC_OFFSET, gamma.length);
                System.arraycopy(beta, 0, next, block, betaLength - block);
                xor(streams[j], next, betaLength);
                beta = next;
                gamma = mac(hopKeys.get(j), beta);
            }
        } finally {
            for (byte[] stream : streams) {
                if (stream != null) { // null after a throw part-way through making them
                    java.util.Arrays.fill(stream, (byte) 0);
                }
            }
        }

        byte[] header = new byte[geometry.headerLength()];
        keys.alpha().copyTo(header, alphaOffset);
        System.arraycopy(gamma, 0, header, gammaOffset, gamma.length);
        System.arraycopy(beta, 0, header, betaOffset, betaLength);
        return header;
    }

    /** data[0, length) ^= stream[0, length). */
    private static void xor(byte[] stream, byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            data[i] ^= stream[i];
        }
    }

    private static byte[] mac(RoutingKeys keys, byte[] beta) {
        try {
            return TruncatedHmac.compute(keys.macKey(), beta, 0, beta.length);
        } catch (CryptoException e) {
            throw new IllegalStateException("BUG: derived MAC key has the wrong length", e);
        }
    }
}
