package nym.sphinx;

import java.util.Arrays;
import java.util.Objects;

import nym.crypto.CryptoException;
import nym.crypto.group.GroupElement;
import nym.crypto.group.SharedSecret;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.primitives.TruncatedHmac;
import nym.sphinx.internal.header.RoutingKeys;
import nym.sphinx.internal.payload.PayloadCodec;
import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * A node's side of Sphinx: removes one layer of a packet with the node's private key.
 *
 * <p>The recipe, in order: check the length, check that α is canonically encoded, compute the shared
 * secret s = sk·α and the replay tag,
 * derive the routing keys, verify γ in constant time, decrypt β (appending one zero block), check
 * the version, read the routing command, remove one payload layer, and for a forward hop re-blind
 * α' = b·α and assemble the next packet.
 *
 * <p>Thread-safe and immutable; one instance per node key serves every thread. Every bad input ends
 * in a {@link SphinxException}, never in an unchecked exception.
 */
public final class PacketProcessor {
    private final X25519PrivateKey privateKey;
    private final SphinxGeometry geometry;

    private PacketProcessor(X25519PrivateKey privateKey, SphinxGeometry geometry) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
    }

    /** @return a processor for packets of the default geometry addressed to {@code privateKey} */
    public static PacketProcessor forKey(X25519PrivateKey privateKey) {
        return new PacketProcessor(privateKey, SphinxGeometry.DEFAULT);
    }

    /** @return a processor for packets of {@code geometry} addressed to {@code privateKey} */
    public static PacketProcessor forKey(X25519PrivateKey privateKey, SphinxGeometry geometry) {
        return new PacketProcessor(privateKey, geometry);
    }

    /**
     * Parses and processes raw bytes from the network.
     *
     * @throws SphinxException with the reason the bytes are not a packet for this node
     */
    public ProcessedPacket process(byte[] packetBytes) throws SphinxException {
        return process(SphinxPacket.fromBytes(geometry, packetBytes));
    }

    /**
     * @throws SphinxException with {@code MAC_MISMATCH} if γ does not verify, {@code UNKNOWN_VERSION},
     *     {@code BAD_ROUTING_COMMAND} for an unknown flag or impossible delay, {@code TRUNCATED} if the
     *     packet has another geometry
     */
    public ProcessedPacket process(SphinxPacket packet) throws SphinxException {
        if (!packet.geometry().equals(geometry)) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "packet geometry " + packet.geometry()
                    + " differs from this processor's " + geometry);
        }
        byte[] bytes = packet.internalBytes();

        requireCanonicalAlpha(bytes, geometry.alphaOffset());
        GroupElement alpha = packet.alpha();
        SharedSecret secret = privateKey.sharedSecret(alpha);
        ReplayTag replayTag = ReplayTag.of(secret);
        RoutingKeys keys = RoutingKeys.derive(secret);
        byte[] routing = null;
        try {
            verifyMac(keys, bytes, geometry.betaOffset(), geometry.betaLength(),
                    Arrays.copyOfRange(bytes, geometry.gammaOffset(), geometry.betaOffset()));

            // β followed by one zero block, which the key stream turns into the shifted-in filler.
            routing = new byte[geometry.headerKeystreamLength()];
            System.arraycopy(bytes, geometry.betaOffset(), routing, 0, geometry.betaLength());
            keys.xorHeaderKeystream(routing, routing.length);
            PacketVersion.requireKnown(routing, SphinxGeometry.VERSION_OFFSET);

            return switch (routing[0]) {
                case SphinxGeometry.FORWARD_FLAG -> forward(keys, alpha, routing, bytes, replayTag);
                case SphinxGeometry.FINAL_FLAG -> deliver(keys, routing, bytes, replayTag);
                default -> throw new SphinxException(SphinxException.Reason.BAD_ROUTING_COMMAND,
                        "unknown routing flag " + (routing[0] & 0xFF));
            };
        } finally {
            keys.wipe();
            if (routing != null) {
                Arrays.fill(routing, (byte) 0);
            }
        }
    }

    /**
     * Assembles the next packet: α' = b·α, γ' and β' from the decrypted routing, and the payload,
     * copied into place and decrypted there.
     */
    private ProcessedPacket forward(RoutingKeys keys, GroupElement alpha, byte[] routing, byte[] bytes,
            ReplayTag replayTag) throws SphinxException {
        NodeAddress nextHop = NodeAddress.readFrom(routing, SphinxGeometry.ADDRESS_OFFSET);
        Delay delay = Delay.readFrom(routing, SphinxGeometry.DELAY_OFFSET);

        byte[] next = new byte[geometry.packetLength()];
        alpha.multiply(keys.blindingFactor()).copyTo(next, geometry.alphaOffset());
        System.arraycopy(routing, SphinxGeometry.NEXT_MAC_OFFSET, next, geometry.gammaOffset(),
                SphinxGeometry.MAC_LENGTH);
        System.arraycopy(routing, SphinxGeometry.ROUTING_BLOCK_LENGTH, next, geometry.betaOffset(),
                geometry.betaLength());
        final int payloadOffset = geometry.payloadOffset();
        System.arraycopy(bytes, payloadOffset, next, payloadOffset, geometry.payloadLength());
        PayloadCodec.decrypt(keys.payloadKey(), next, payloadOffset, geometry.payloadLength());
        return new ProcessedPacket.ForwardHop(SphinxPacket.adopt(geometry, next), nextHop, delay, replayTag);
    }

    /** Hands the payload, with this hop's layer removed, to the destination the routing names. */
    private ProcessedPacket deliver(RoutingKeys keys, byte[] routing, byte[] bytes, ReplayTag replayTag)
            throws SphinxException {
        byte[] payload = Arrays.copyOfRange(bytes, geometry.payloadOffset(), bytes.length);
        PayloadCodec.decrypt(keys.payloadKey(), payload);
        return new ProcessedPacket.FinalHop(DestinationAddress.readFrom(routing, SphinxGeometry.ADDRESS_OFFSET),
                SurbId.readFrom(routing, SphinxGeometry.IDENTIFIER_OFFSET), PacketPayload.adopt(payload), replayTag);
    }

    /**
     * γ covers only β; α is protected because another α gives another shared secret. That fails for
     * the encodings of u ≥ p = 2²⁵⁵ − 19 (bit 255 set, or u in [p, 2²⁵⁵)): the ladder reduces them
     * to the same point, so without this check flipping α's top bit would give a second valid packet.
     * Senders only write reduced u, so refusing the others loses no honest packet.
     */
    private static void requireCanonicalAlpha(byte[] bytes, int alphaOffset) throws SphinxException {
        final int top = alphaOffset + SphinxGeometry.ALPHA_LENGTH - 1;
        boolean canonical = (bytes[top] & 0x80) == 0;
        if (canonical && bytes[top] == 0x7F) {
            // u ≥ p only if bytes 30..1 are all 0xFF and byte 0 is at least 0xED (p = 7F FF … FF ED).
            boolean allOnes = true;
            for (int i = top - 1; i > alphaOffset; i--) {
                allOnes &= bytes[i] == (byte) 0xFF;
            }
            canonical = !allOnes || (bytes[alphaOffset] & 0xFF) < 0xED;
        }
        if (!canonical) {
            throw new SphinxException(SphinxException.Reason.MAC_MISMATCH, "header authentication failed");
        }
    }

    private static void verifyMac(RoutingKeys keys, byte[] bytes, int betaOffset, int betaLength, byte[] gamma)
            throws SphinxException {
        try {
            TruncatedHmac.verify(keys.macKey(), bytes, betaOffset, betaLength, gamma);
        } catch (CryptoException e) {
            throw new SphinxException(SphinxException.Reason.MAC_MISMATCH, "header authentication failed");
        }
    }
}
