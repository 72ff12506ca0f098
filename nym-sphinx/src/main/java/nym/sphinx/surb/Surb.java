package nym.sphinx.surb;

import java.util.Arrays;
import java.util.Objects;

import nym.crypto.ConstantTime;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.internal.payload.PayloadCodec;
import nym.sphinx.route.NodeAddress;

/**
 * A single-use reply block: what a sender hands to a recipient so that the recipient can send
 * one reply without learning the sender's address. It holds a finished Sphinx header routed back
 * to the creator, the address of that route's first hop, and a one-time payload key.
 *
 * <p>Encoding ({@link #toBytes()}): first hop address (32) ‖ header (geometry.headerLength()) ‖
 * reply key (192). Immutable; bytes are copied in and out.
 *
 * <p>Security: use a SURB once. Two replies through the same SURB carry the same header and are
 * linkable by every mix on the route (and the replay check of the first node drops the second).
 * The payload key hides the reply from the mixes; the creator's {@link SurbDecryptionKeys}
 * recover it.
 */
public final class Surb {
    private final SphinxGeometry geometry;
    private final NodeAddress firstHop;
    private final byte[] header;
    private final byte[] replyKey;

    /** @param header adopted: every caller passes an array of its own; replyKey is copied */
    Surb(SphinxGeometry geometry, NodeAddress firstHop, byte[] header, byte[] replyKey) {
        this.geometry = geometry;
        this.firstHop = firstHop;
        this.header = header;
        this.replyKey = replyKey.clone();
    }

    /** @return bytes of an encoded SURB for {@code geometry} */
    public static int encodedLength(SphinxGeometry geometry) {
        return NodeAddress.LENGTH + geometry.headerLength() + SurbDecryptionKeys.KEY_LENGTH;
    }

    /**
     * @param bytes an encoded SURB of the default geometry
     * @throws SphinxException with {@code TRUNCATED} for the wrong length
     */
    public static Surb fromBytes(byte[] bytes) throws SphinxException {
        return fromBytes(SphinxGeometry.DEFAULT, bytes);
    }

    /**
     * @param bytes an encoded SURB of {@code geometry}
     * @throws SphinxException with {@code TRUNCATED} for the wrong length
     */
    public static Surb fromBytes(SphinxGeometry geometry, byte[] bytes) throws SphinxException {
        Objects.requireNonNull(geometry, "geometry");
        int expected = encodedLength(geometry);
        if (bytes == null || bytes.length != expected) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "SURB must be " + expected + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        final int headerOffset = NodeAddress.LENGTH;
        final int keyOffset = headerOffset + geometry.headerLength();
        return new Surb(geometry, NodeAddress.readFrom(bytes, 0),
                Arrays.copyOfRange(bytes, headerOffset, keyOffset),
                Arrays.copyOfRange(bytes, keyOffset, bytes.length));
    }

    /** @return the encoding: first hop ‖ header ‖ reply key */
    public byte[] toBytes() {
        byte[] out = new byte[encodedLength(geometry)];
        firstHop.copyTo(out, 0);
        System.arraycopy(header, 0, out, NodeAddress.LENGTH, header.length);
        System.arraycopy(replyKey, 0, out, NodeAddress.LENGTH + header.length, replyKey.length);
        return out;
    }

    /** @return where to send the reply packet */
    public NodeAddress firstHop() {
        return firstHop;
    }

    /** @return the geometry of the reply packet */
    public SphinxGeometry geometry() {
        return geometry;
    }

    /**
     * Builds the reply packet: the SURB's header and {@code message}, padded and encrypted with the
     * reply key. Send it to {@link #firstHop()}.
     *
     * @throws SphinxException with {@code MESSAGE_TOO_LONG} above {@code geometry.maxMessageLength()}
     */
    public SphinxPacket createReply(byte[] message) throws SphinxException {
        byte[] payload = PayloadCodec.pad(geometry, Objects.requireNonNull(message, "message"));
        PayloadCodec.encrypt(replyKey, payload);
        byte[] packet = new byte[geometry.packetLength()];
        System.arraycopy(header, 0, packet, 0, header.length);
        System.arraycopy(payload, 0, packet, geometry.payloadOffset(), payload.length);
        return SphinxPacket.fromBytes(geometry, packet);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Surb that && geometry.equals(that.geometry) && firstHop.equals(that.firstHop)
                && ConstantTime.equal(header, that.header) && ConstantTime.equal(replyKey, that.replyKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(header);
    }

    @Override
    public String toString() {
        return "Surb[firstHop=" + firstHop.toBase58() + ", " + encodedLength(geometry) + " bytes]";
    }
}
