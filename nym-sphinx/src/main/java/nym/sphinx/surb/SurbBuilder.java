package nym.sphinx.surb;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import nym.crypto.group.Scalar;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.internal.header.HeaderBuilder;
import nym.sphinx.internal.header.KeyMaterial;
import nym.sphinx.internal.header.RouteHeader;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.SurbId;

/**
 * Creates a {@link Surb} for a return route that ends at the creator, and the
 * {@link SurbDecryptionKeys} the creator keeps. The header is built exactly as a forward packet's
 * header, so a reply is indistinguishable from any other packet on the wire.
 *
 * <pre>{@code
 * SurbBuilder.Created created = SurbBuilder.create()
 *         .route(returnHops).delays(delays).destination(myAddress)
 *         .random(new SecureRandom()).build();
 * send(created.surb());              // to the party who will reply
 * keep(created.decryptionKeys());    // indexed by created.decryptionKeys().surbId()
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class SurbBuilder {
    /**
     * A new SURB and the keys to read its reply.
     *
     * @param surb the reply block to hand out
     * @param decryptionKeys what the creator keeps (secret)
     */
    public record Created(Surb surb, SurbDecryptionKeys decryptionKeys) {
        /** Checks for nulls. */
        public Created {
            Objects.requireNonNull(surb, "surb");
            Objects.requireNonNull(decryptionKeys, "decryptionKeys");
        }
    }

    private final SphinxGeometry geometry;
    private List<Hop> route;
    private List<Delay> delays;
    private DestinationAddress destination;
    private RandomGenerator random;

    private SurbBuilder(SphinxGeometry geometry) {
        this.geometry = geometry;
    }

    /** @return a builder for the default geometry */
    public static SurbBuilder create() {
        return new SurbBuilder(SphinxGeometry.DEFAULT);
    }

    /** @return a builder for {@code geometry} */
    public static SurbBuilder create(SphinxGeometry geometry) {
        return new SurbBuilder(Objects.requireNonNull(geometry, "geometry"));
    }

    /** @param hops the return route: mixes, then the creator's provider */
    public SurbBuilder route(List<Hop> hops) {
        this.route = List.copyOf(Objects.requireNonNull(hops, "hops"));
        return this;
    }

    /** @param delays one per hop of the return route */
    public SurbBuilder delays(List<Delay> delays) {
        this.delays = List.copyOf(Objects.requireNonNull(delays, "delays"));
        return this;
    }

    /** @param creator the creator's own address, where the reply is delivered */
    public SurbBuilder destination(DestinationAddress creator) {
        this.destination = Objects.requireNonNull(creator, "creator");
        return this;
    }

    /** @param random the source of the SURB's secrets; production passes {@code SecureRandom} */
    public SurbBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * @throws SphinxException with {@code BAD_ROUTE} if the route, delays, destination or randomness
     *     are missing or do not fit the geometry
     */
    public Created build() throws SphinxException {
        RouteHeader.checkRoute(geometry, route, delays);
        if (destination == null || random == null) {
            throw new SphinxException(SphinxException.Reason.BAD_ROUTE, "a destination and randomness are required");
        }
        byte[] id = new byte[SurbId.LENGTH];
        random.nextBytes(id);
        SurbId surbId = SurbId.fromBytes(id);
        byte[] padding = new byte[HeaderBuilder.finalPaddingLength(geometry, route.size())];
        random.nextBytes(padding);
        byte[] replyKey = new byte[SurbDecryptionKeys.KEY_LENGTH];
        random.nextBytes(replyKey);

        try {
            byte[] header = new byte[geometry.headerLength()];
            KeyMaterial keys = RouteHeader.writeTo(geometry, route, delays, new Destination(destination, surbId),
                    Scalar.randomClamped(random), padding, header, 0);
            try {
                Surb surb = new Surb(geometry, route.get(0).address(), header, replyKey);
                // Copies: the keys' arena is zeroed below, and these outlive the build.
                return new Created(surb, new SurbDecryptionKeys(surbId, replyKey.clone(), keys.payloadKeyCopies()));
            } finally {
                keys.wipe();
            }
        } finally {
            java.util.Arrays.fill(replyKey, (byte) 0); // also when the header could not be built
        }
    }
}
