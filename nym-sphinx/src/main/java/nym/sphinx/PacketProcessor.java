package nym.sphinx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import nym.crypto.group.GroupElement;
import nym.crypto.group.SharedSecret;
import nym.crypto.keys.X25519PrivateKey;
import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * A node's side of Sphinx: removes one layer of a packet with the node's private key.
 *
 * <p>The recipe, in order: check the length, check that α is canonically encoded, compute the shared
 * secret s = sk·α and the replay tag, derive the routing keys, verify γ in constant time, decrypt β
 * (appending one zero block), check the version, read the routing command, remove one payload
 * layer, and for a forward hop re-blind α' = b·α and assemble the next packet. {@link #processAll}
 * runs the same recipe over a batch, with the two scalar multiplications done for all packets at once.
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
        requireProcessable(packet);
        GroupElement alpha = packet.alpha();
        OpenedLayer layer = OpenedLayer.open(0, packet, alpha, privateKey.sharedSecret(alpha));
        try {
            return switch (layer.flag()) {
                case SphinxGeometry.FORWARD_FLAG ->
                        forward(pending(layer), layer.alpha.multiply(layer.keys.blindingFactor()));
                case SphinxGeometry.FINAL_FLAG -> deliver(layer);
                default -> throw unknownFlag(layer);
            };
        } finally {
            layer.wipe();
        }
    }

    /**
     * Processes a batch of packets, as a loaded mix node takes them from its queue: each outcome is
     * what {@link #process} gives for that packet, in the same order, but the batch's shared secrets
     * and then its re-blindings are computed together, which is several times cheaper per packet
     * when the JVM has {@code jdk.incubator.vector} (see {@link #preferredBatchSize()}).
     *
     * @param packets not null; may be empty
     * @return one outcome per packet, in order
     */
    public List<PacketOutcome> processAll(List<SphinxPacket> packets) {
        PacketOutcome[] outcomes = new PacketOutcome[packets.size()];
        List<Integer> admitted = new ArrayList<>(packets.size());
        List<GroupElement> alphas = new ArrayList<>(packets.size());
        for (int i = 0; i < outcomes.length; i++) {
            try {
                SphinxPacket packet = packets.get(i);
                requireProcessable(packet);
                alphas.add(packet.alpha());
                admitted.add(i);
            } catch (SphinxException e) {
                outcomes[i] = new PacketOutcome.Refused(e);
            }
        }
        List<SharedSecret> secrets = privateKey.sharedSecrets(alphas);
        List<PendingForward> forwards = new ArrayList<>(admitted.size());
        try {
            for (int k = 0; k < admitted.size(); k++) {
                int index = admitted.get(k);
                OpenedLayer layer = null;
                try {
                    layer = OpenedLayer.open(index, packets.get(index), alphas.get(k), secrets.get(k));
                    switch (layer.flag()) {
                        case SphinxGeometry.FORWARD_FLAG -> {
                            forwards.add(pending(layer));
                            layer = null; // wiped below, after re-blinding
                        }
                        case SphinxGeometry.FINAL_FLAG -> outcomes[index] = new PacketOutcome.Processed(deliver(layer));
                        default -> throw unknownFlag(layer);
                    }
                } catch (SphinxException e) {
                    outcomes[index] = new PacketOutcome.Refused(e);
                } finally {
                    if (layer != null) {
                        layer.wipe();
                    }
                }
            }
            List<GroupElement> blinded = GroupElement.multiplyEach(
                    forwards.stream().map(pending -> pending.layer().alpha).toList(),
                    forwards.stream().map(pending -> pending.layer().keys.blindingFactor()).toList());
            for (int j = 0; j < forwards.size(); j++) {
                PendingForward pending = forwards.get(j);
                outcomes[pending.layer().index] = new PacketOutcome.Processed(forward(pending, blinded.get(j)));
            }
        } finally {
            forwards.forEach(pending -> pending.layer().wipe());
        }
        return List.of(outcomes);
    }

    /**
     * How many packets {@link #processAll} handles best in one call: the number of pairs one vector
     * pass multiplies (8 on AVX-512) when the lanes are faster on this JVM, else 1. The first call
     * runs {@link #warmUpBatches}, so a node that asks before its first packet gets a compiled batch
     * path.
     *
     * @return at least 1
     */
    public static int preferredBatchSize() {
        return GroupElement.preferredBatchSize();
    }

    /**
     * Compiles the batch path before the first batch arrives and measures whether its vector lanes
     * pay on this JVM ({@link GroupElement#warmUpBatches}): about half a second once per JVM with
     * {@code jdk.incubator.vector}, else nothing. {@link #preferredBatchSize()} calls it.
     */
    public static void warmUpBatches() {
        GroupElement.warmUpBatches();
    }

    private void requireProcessable(SphinxPacket packet) throws SphinxException {
        if (!packet.geometry().equals(geometry)) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "packet geometry " + packet.geometry()
                    + " differs from this processor's " + geometry);
        }
        requireCanonicalAlpha(packet.internalBytes(), geometry.alphaOffset());
    }

    /**
     * Assembles the next packet: α' = b·α (given), γ' and β' from the decrypted routing, and the
     * payload, copied into place and decrypted there.
     */
    private ProcessedPacket forward(PendingForward pending, GroupElement nextAlpha) {
        OpenedLayer layer = pending.layer();
        byte[] routing = layer.routing;

        byte[] next = new byte[geometry.packetLength()];
        nextAlpha.copyTo(next, geometry.alphaOffset());
        System.arraycopy(routing, SphinxGeometry.NEXT_MAC_OFFSET, next, geometry.gammaOffset(),
                SphinxGeometry.MAC_LENGTH);
        System.arraycopy(routing, SphinxGeometry.ROUTING_BLOCK_LENGTH, next, geometry.betaOffset(),
                geometry.betaLength());
        final int payloadOffset = geometry.payloadOffset();
        System.arraycopy(layer.packetBytes, payloadOffset, next, payloadOffset, geometry.payloadLength());
        layer.keys.decryptPayload(next, payloadOffset, geometry.payloadLength());
        return new ProcessedPacket.ForwardHop(SphinxPacket.adopt(geometry, next), pending.nextHop(), pending.delay(),
                layer.replayTag);
    }

    /** A forward hop's opened layer and its routing command, waiting for its re-blinding. */
    private record PendingForward(OpenedLayer layer, NodeAddress nextHop, Delay delay) {}

    /** Reads the routing command before any re-blinding, so that a bad next hop or delay costs none. */
    private static PendingForward pending(OpenedLayer layer) throws SphinxException {
        return new PendingForward(layer, NodeAddress.readFrom(layer.routing, SphinxGeometry.ADDRESS_OFFSET),
                Delay.readFrom(layer.routing, SphinxGeometry.DELAY_OFFSET));
    }

    private static SphinxException unknownFlag(OpenedLayer layer) {
        return new SphinxException(SphinxException.Reason.BAD_ROUTING_COMMAND,
                "unknown routing flag " + (layer.flag() & 0xFF));
    }

    /** Hands the payload, with this hop's layer removed, to the destination the routing names. */
    private ProcessedPacket deliver(OpenedLayer layer) throws SphinxException {
        byte[] payload = Arrays.copyOfRange(layer.packetBytes, geometry.payloadOffset(), layer.packetBytes.length);
        layer.keys.decryptPayload(payload, 0, payload.length);
        return new ProcessedPacket.FinalHop(DestinationAddress.readFrom(layer.routing, SphinxGeometry.ADDRESS_OFFSET),
                SurbId.readFrom(layer.routing, SphinxGeometry.IDENTIFIER_OFFSET), PacketPayload.adopt(payload),
                layer.replayTag);
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
}
