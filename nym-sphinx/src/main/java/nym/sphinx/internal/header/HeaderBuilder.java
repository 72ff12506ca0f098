package nym.sphinx.internal.header;

import java.util.Arrays;
import java.util.List;

import nym.sphinx.PacketVersion;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.Hop;

/**
 * Builds α ‖ γ ‖ β for a route, from the innermost layer outwards: the final block (destination,
 * identifier, padding) encrypted with the last hop's stream and followed by the filler, then one
 * forward block per earlier hop (next address, delay, next γ, the first part of the next β).
 *
 * <p>β is built where it ends up: each earlier layer shifts the array's β one routing block to the
 * right in place, so a header costs no array per hop.
 */
public final class HeaderBuilder {
    /** Every hop's header key stream, one after the other, per thread; zeroed after each header. */
    private static final ThreadLocal<byte[]> STREAMS = ThreadLocal.withInitial(() -> new byte[0]);

    private HeaderBuilder() {}

    /** @return bytes of random padding after the final block of an {@code hops}-hop route */
    public static int finalPaddingLength(SphinxGeometry geometry, int hops) {
        return geometry.betaLength() - (hops - 1) * SphinxGeometry.ROUTING_BLOCK_LENGTH
                - SphinxGeometry.FINAL_BLOCK_LENGTH;
    }

    /**
     * Writes the header to {@code out[offset, offset + geometry.headerLength())}.
     *
     * @param keys the route's key material (α₀ and per-hop keys), n hops
     * @param route the route, n hops; hop j's block names the address of hop j+1
     * @param delays n delays; delay j goes into hop j's block; the last is never used
     * @param destination the final block's destination and identifier
     * @param finalPadding exactly {@link #finalPaddingLength} bytes
     */
    public static void buildInto(SphinxGeometry geometry, KeyMaterial keys, List<Hop> route,
            List<Delay> delays, Destination destination, byte[] finalPadding, byte[] out, int offset) {
        final int beta = offset + geometry.betaOffset();
        final int betaLength = geometry.betaLength();
        final int block = SphinxGeometry.ROUTING_BLOCK_LENGTH;
        final int streamLength = geometry.headerKeystreamLength();

        final int gammaAt = offset + geometry.gammaOffset();
        int hops = keys.hopCount();
        // Each hop's key stream once, for the filler and for its layer: one AES key schedule per hop.
        byte[] streams = streamScratch(hops * streamLength);
        try {
            for (int j = 0; j < hops; j++) {
                keys.hop(j).headerKeystreamInto(streams, j * streamLength, streamLength);
            }

            // Final hop: flag ‖ version ‖ destination ‖ identifier ‖ padding, encrypted, then the filler.
            int fillerLength = (hops - 1) * block;
            int finalLength = betaLength - fillerLength;
            // The fields of either kind of block fill it, so no byte of what out held survives.
            out[beta] = SphinxGeometry.FINAL_FLAG;
            PacketVersion.CURRENT.copyTo(out, beta + SphinxGeometry.VERSION_OFFSET);
            destination.address().copyTo(out, beta + SphinxGeometry.ADDRESS_OFFSET);
            destination.surbId().copyTo(out, beta + SphinxGeometry.IDENTIFIER_OFFSET);
            System.arraycopy(finalPadding, 0, out, beta + SphinxGeometry.FINAL_BLOCK_LENGTH, finalPadding.length);
            xor(streams, (hops - 1) * streamLength, out, beta, finalLength);
            Filler.writeTo(streams, streamLength, hops, out, beta + finalLength);
            // Each γ is written where the packet's γ goes (outside β), and moved into the next block from there.
            keys.hop(hops - 1).macInto(out, beta, betaLength, out, gammaAt);

            // Forward hops, innermost first: shift β one block right, write the block in front.
            for (int j = hops - 2; j >= 0; j--) {
                System.arraycopy(out, beta, out, beta + block, betaLength - block);
                out[beta] = SphinxGeometry.FORWARD_FLAG;
                PacketVersion.CURRENT.copyTo(out, beta + SphinxGeometry.VERSION_OFFSET);
                route.get(j + 1).address().copyTo(out, beta + SphinxGeometry.ADDRESS_OFFSET);
                delays.get(j).writeTo(out, beta + SphinxGeometry.DELAY_OFFSET);
                System.arraycopy(out, gammaAt, out, beta + SphinxGeometry.NEXT_MAC_OFFSET, SphinxGeometry.MAC_LENGTH);
                xor(streams, j * streamLength, out, beta, betaLength);
                keys.hop(j).macInto(out, beta, betaLength, out, gammaAt);
            }
        } finally {
            Arrays.fill(streams, 0, hops * streamLength, (byte) 0);
        }

        keys.alpha().copyTo(out, offset + geometry.alphaOffset());
    }

    private static byte[] streamScratch(int length) {
        byte[] streams = STREAMS.get();
        if (streams.length < length) {
            streams = new byte[length];
            STREAMS.set(streams);
        }
        return streams;
    }

    /** data[offset, offset + length) ^= stream[streamOffset, streamOffset + length). */
    private static void xor(byte[] stream, int streamOffset, byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= stream[streamOffset + i];
        }
    }
}
