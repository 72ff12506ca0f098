package nym.sphinx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import nym.crypto.group.GroupElement;
import nym.crypto.primitives.Sha256;
import nym.crypto.primitives.TruncatedHmac;
import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * Every size and offset of a Sphinx packet, computed once from the maximum number of hops and the
 * payload length; no other class writes a size literal. The default geometry is the reference's:
 * 5 hops, 1024-byte payload, 1372-byte packets. docs/sphinx.md has the same table, and a test keeps
 * the two equal.
 *
 * <p>Packet: α (alpha, 32) ‖ γ (gamma, 16) ‖ β (beta, maxHops · 60) ‖ payload. A forward routing
 * block in β: flag (1) ‖ version (3) ‖ next address (32) ‖ delay (8) ‖ γ of the next hop (16) = 60
 * bytes. The final block: flag ‖ version ‖ destination (32) ‖ identifier (16) = 52 bytes, padded.
 *
 * @param maxHops the most hops a route may have, 1 to {@link #MAX_SUPPORTED_HOPS}
 * @param payloadLength bytes of the payload, at least {@link #PAYLOAD_OVERHEAD} + 1 + 32
 */
public record SphinxGeometry(int maxHops, int payloadLength) {
    /** The reference's limit on route length, and ours. */
    public static final int MAX_SUPPORTED_HOPS = 5;
    /** Bytes of the payload the reference uses. */
    public static final int DEFAULT_PAYLOAD_LENGTH = 1024;
    /** The reference's geometry: 5 hops, 1024-byte payload. */
    public static final SphinxGeometry DEFAULT = new SphinxGeometry(MAX_SUPPORTED_HOPS, DEFAULT_PAYLOAD_LENGTH);

    /** Bytes of the routing flag. */
    public static final int FLAG_LENGTH = 1;
    /** The flag of a forward routing block. */
    public static final byte FORWARD_FLAG = 0x01;
    /** The flag of the final routing block. */
    public static final byte FINAL_FLAG = 0x02;
    /** Bytes of zeros that prefix a payload's plaintext (the security parameter k). */
    public static final int PAYLOAD_ZERO_PREFIX = 16;
    /** The byte that ends the message inside a payload. */
    public static final byte PAYLOAD_TERMINATOR = 0x01;
    /** Bytes a payload spends on its zero prefix and terminator. */
    public static final int PAYLOAD_OVERHEAD = PAYLOAD_ZERO_PREFIX + 1;

    /** Bytes of α. */
    public static final int ALPHA_LENGTH = GroupElement.LENGTH;
    /** Bytes of γ. */
    public static final int MAC_LENGTH = TruncatedHmac.LENGTH;
    /** Bytes of one forward routing block, the unit by which β shifts per hop. */
    public static final int ROUTING_BLOCK_LENGTH =
            FLAG_LENGTH + PacketVersion.LENGTH + NodeAddress.LENGTH + Delay.LENGTH + MAC_LENGTH;
    /** Bytes of the final routing block before its random padding. */
    public static final int FINAL_BLOCK_LENGTH =
            FLAG_LENGTH + PacketVersion.LENGTH + DestinationAddress.LENGTH + SurbId.LENGTH;

    // Offsets inside a decrypted routing block.
    /** Offset of the version in a routing block. */
    public static final int VERSION_OFFSET = FLAG_LENGTH;
    /** Offset of the next address (forward) or destination (final) in a routing block. */
    public static final int ADDRESS_OFFSET = VERSION_OFFSET + PacketVersion.LENGTH;
    /** Offset of the delay in a forward routing block. */
    public static final int DELAY_OFFSET = ADDRESS_OFFSET + NodeAddress.LENGTH;
    /** Offset of the next γ in a forward routing block. */
    public static final int NEXT_MAC_OFFSET = DELAY_OFFSET + Delay.LENGTH;
    /** Offset of the identifier in the final routing block. */
    public static final int IDENTIFIER_OFFSET = ADDRESS_OFFSET + DestinationAddress.LENGTH;

    /** Checks the inputs; see {@link #validate()}. */
    public SphinxGeometry {
        if (maxHops < 1 || maxHops > MAX_SUPPORTED_HOPS) {
            throw new IllegalArgumentException("maxHops must be 1 to " + MAX_SUPPORTED_HOPS + ", got " + maxHops);
        }
        if (payloadLength < PAYLOAD_OVERHEAD + 1 + ALPHA_LENGTH) {
            throw new IllegalArgumentException("payloadLength too small: " + payloadLength);
        }
    }

    /**
     * @return the geometry for these inputs
     * @throws SphinxException with {@link SphinxException.Reason#BAD_GEOMETRY} if they are out of range
     */
    public static SphinxGeometry of(int maxHops, int payloadLength) throws SphinxException {
        try {
            return new SphinxGeometry(maxHops, payloadLength);
        } catch (IllegalArgumentException e) {
            throw new SphinxException(SphinxException.Reason.BAD_GEOMETRY, e.getMessage());
        }
    }

    /** @return bytes of β: one routing block per possible hop */
    public int betaLength() {
        return maxHops * ROUTING_BLOCK_LENGTH;
    }

    /** @return bytes of the header α ‖ γ ‖ β */
    public int headerLength() {
        return ALPHA_LENGTH + MAC_LENGTH + betaLength();
    }

    /** @return bytes of a whole packet on the wire */
    public int packetLength() {
        return headerLength() + payloadLength;
    }

    /** @return bytes of header key stream a node needs: β plus one routing block */
    public int headerKeystreamLength() {
        return betaLength() + ROUTING_BLOCK_LENGTH;
    }

    /** @return the longest message one packet carries */
    public int maxMessageLength() {
        return payloadLength - PAYLOAD_OVERHEAD;
    }

    /** @return offset of α in a packet */
    public int alphaOffset() {
        return 0;
    }

    /** @return offset of γ in a packet */
    public int gammaOffset() {
        return ALPHA_LENGTH;
    }

    /** @return offset of β in a packet */
    public int betaOffset() {
        return ALPHA_LENGTH + MAC_LENGTH;
    }

    /** @return offset of the payload in a packet */
    public int payloadOffset() {
        return headerLength();
    }

    /**
     * Checks that the final block fits into β for the longest route.
     *
     * @throws SphinxException with {@link SphinxException.Reason#BAD_GEOMETRY} otherwise
     */
    public void validate() throws SphinxException {
        if (FINAL_BLOCK_LENGTH > ROUTING_BLOCK_LENGTH || packetLength() <= headerLength()) {
            throw new SphinxException(SphinxException.Reason.BAD_GEOMETRY, "inconsistent geometry " + this);
        }
    }

    /**
     * @return the first 8 bytes of SHA-256 over a canonical encoding of every size, in hex: nodes and
     *     clients log it at start-up, and two parties with different fingerprints cannot talk
     */
    public String fingerprint() {
        ByteBuffer canonical = ByteBuffer.allocate(64)
                .put("nym-sphinx-geometry-v1".getBytes(StandardCharsets.US_ASCII))
                .putInt(maxHops).putInt(payloadLength).putInt(ALPHA_LENGTH).putInt(MAC_LENGTH)
                .putInt(ROUTING_BLOCK_LENGTH).putInt(PAYLOAD_ZERO_PREFIX);
        return HexFormat.of().formatHex(Sha256.digest(canonical.array()), 0, 8);
    }

    @Override
    public String toString() {
        return "SphinxGeometry[hops=" + maxHops + ", alpha=" + ALPHA_LENGTH + ", gamma=" + MAC_LENGTH
                + ", beta=" + betaLength() + ", payload=" + payloadLength + ", packet=" + packetLength() + "]";
    }
}
