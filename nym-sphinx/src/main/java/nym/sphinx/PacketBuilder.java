package nym.sphinx;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import nym.crypto.group.Scalar;
import nym.sphinx.internal.header.HeaderBuilder;
import nym.sphinx.internal.header.KeyMaterial;
import nym.sphinx.internal.header.RouteHeader;
import nym.sphinx.internal.payload.PayloadCodec;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.Hop;

/**
 * Builds a Sphinx packet for a route of 1 to {@code maxHops} nodes, byte-compatible with the
 * reference {@code sphinx-packet} 0.1.0.
 *
 * <pre>{@code
 * SphinxPacket packet = PacketBuilder.create()
 *         .route(hops)               // mixes, then the recipient's provider
 *         .delays(delays)            // one per hop; the last is never read
 *         .destination(destination)  // recipient address and identifier
 *         .message(bytes)            // at most geometry.maxMessageLength()
 *         .random(new SecureRandom())
 *         .build();
 * }</pre>
 *
 * <p>Randomness (the packet's ephemeral secret and the final block's padding) comes from the
 * injected generator. Not thread-safe; build one packet per builder, or reuse it sequentially.
 */
public final class PacketBuilder {
    private final SphinxGeometry geometry;
    private List<Hop> route;
    private List<Delay> delays;
    private Destination destination;
    private byte[] message;
    private RandomGenerator random;
    private Scalar fixedInitialSecret;
    private byte[] fixedFinalPadding;

    private PacketBuilder(SphinxGeometry geometry) {
        this.geometry = geometry;
    }

    /** @return a builder for the default geometry (5 hops, 1024-byte payload) */
    public static PacketBuilder create() {
        return new PacketBuilder(SphinxGeometry.DEFAULT);
    }

    /** @return a builder for {@code geometry} */
    public static PacketBuilder create(SphinxGeometry geometry) {
        return new PacketBuilder(Objects.requireNonNull(geometry, "geometry"));
    }

    /**
     * @param hops 1 to {@code maxHops} nodes, in the order the packet visits them; checked by
     *     {@link #build()}
     */
    public PacketBuilder route(List<Hop> hops) {
        this.route = List.copyOf(Objects.requireNonNull(hops, "hops"));
        return this;
    }

    /** @param delays one per hop; delay i is read by hop i; the last is never read */
    public PacketBuilder delays(List<Delay> delays) {
        this.delays = List.copyOf(Objects.requireNonNull(delays, "delays"));
        return this;
    }

    /** @param destination the recipient and identifier the last hop reads */
    public PacketBuilder destination(Destination destination) {
        this.destination = Objects.requireNonNull(destination, "destination");
        return this;
    }

    /**
     * @param message the bytes to carry, copied
     * @throws SphinxException with {@code MESSAGE_TOO_LONG} above {@code geometry.maxMessageLength()}
     */
    public PacketBuilder message(byte[] message) throws SphinxException {
        PayloadCodec.checkFits(geometry, Objects.requireNonNull(message, "message").length);
        this.message = message.clone();
        return this;
    }

    /** @param random the source of the packet's randomness; production passes {@code SecureRandom} */
    public PacketBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Replaces randomness with recorded inputs, to reproduce a known packet byte for byte. Only for
     * known-answer tests: a packet built twice with the same inputs is linkable.
     */
    PacketBuilder insecureFixedRandomness(Scalar initialSecret, byte[] finalPadding) {
        this.fixedInitialSecret = Objects.requireNonNull(initialSecret, "initialSecret");
        this.fixedFinalPadding = finalPadding.clone();
        return this;
    }

    /**
     * @return the packet, {@code geometry.packetLength()} bytes
     * @throws SphinxException with {@code BAD_ROUTE} if the route is empty or longer than the
     *     geometry allows, the delays are not one per hop, or the destination is missing
     */
    public SphinxPacket build() throws SphinxException {
        RouteHeader.checkRoute(geometry, route, delays);
        if (destination == null) {
            throw new SphinxException(SphinxException.Reason.BAD_ROUTE, "a destination is required");
        }
        byte[] body = message == null ? new byte[0] : message;
        int paddingLength = HeaderBuilder.finalPaddingLength(geometry, route.size());
        Scalar initialSecret;
        byte[] padding;
        if (fixedInitialSecret != null) {
            if (fixedFinalPadding.length != paddingLength) {
                throw new SphinxException(SphinxException.Reason.BAD_ROUTE, "final padding must be "
                        + paddingLength + " bytes, got " + fixedFinalPadding.length);
            }
            initialSecret = fixedInitialSecret;
            padding = fixedFinalPadding;
        } else {
            if (random == null) {
                throw new SphinxException(SphinxException.Reason.BAD_ROUTE, "a source of randomness is required");
            }
            initialSecret = Scalar.randomClamped(random);
            padding = new byte[paddingLength];
            random.nextBytes(padding);
        }

        byte[] packet = new byte[geometry.packetLength()];
        // Header and payload are built where they travel, not in arrays of their own.
        KeyMaterial keys = RouteHeader.writeTo(geometry, route, delays, destination, initialSecret, padding, packet, 0);
        try {
            PayloadCodec.padInto(geometry, body, packet, geometry.payloadOffset());
            keys.encryptPayload(packet, geometry.payloadOffset(), geometry.payloadLength());
            return SphinxPacket.adopt(geometry, packet);
        } finally {
            keys.wipe();
        }
    }
}
