package nym.sphinx.internal.header;

import java.util.ArrayList;
import java.util.List;

import nym.crypto.group.Scalar;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;

/**
 * A header built for a route together with the per-hop keys it was built with, which the caller
 * needs for the payload layers and must {@link #wipe()} afterwards. Shared by packet and SURB
 * creation, so both build headers in exactly one way.
 *
 * @param header α ‖ γ ‖ β, {@code geometry.headerLength()} bytes
 * @param keys α₀ and the routing keys of every hop
 */
public record RouteHeader(byte[] header, KeyMaterial keys) {
    /**
     * @param route 1 to maxHops hops, checked by the caller
     * @param delays one per hop, checked by the caller
     * @param initialSecret the packet's ephemeral secret x
     * @param finalPadding {@link HeaderBuilder#finalPaddingLength} bytes
     */
    public static RouteHeader build(SphinxGeometry geometry, List<Hop> route, List<Delay> delays,
            Destination destination, Scalar initialSecret, byte[] finalPadding) {
        List<X25519PublicKey> publicKeys = new ArrayList<>(route.size());
        List<NodeAddress> addresses = new ArrayList<>(route.size());
        for (Hop hop : route) {
            publicKeys.add(hop.publicKey());
            addresses.add(hop.address());
        }
        KeyMaterial material = KeyMaterial.derive(initialSecret, publicKeys);
        return new RouteHeader(HeaderBuilder.build(geometry, material, addresses, delays, destination, finalPadding),
                material);
    }

    /**
     * Checks a route and its delays against the geometry.
     *
     * @throws SphinxException with {@code BAD_ROUTE} if the route is missing, empty or too long, or
     *     the delays are missing or not one per hop
     */
    public static void checkRoute(SphinxGeometry geometry, List<Hop> route, List<Delay> delays)
            throws SphinxException {
        if (route == null || route.isEmpty() || route.size() > geometry.maxHops()) {
            throw new SphinxException(SphinxException.Reason.BAD_ROUTE, "route must have 1 to "
                    + geometry.maxHops() + " hops, got " + (route == null ? "none" : route.size()));
        }
        if (delays == null || delays.size() != route.size()) {
            throw new SphinxException(SphinxException.Reason.BAD_ROUTE, "need one delay per hop: "
                    + route.size() + " hops, " + (delays == null ? "no" : delays.size()) + " delays");
        }
    }

    /** @return the payload keys π₀ … πₙ₋₁ in route order (shared arrays, do not modify) */
    public List<byte[]> payloadKeys() {
        return keys.hopKeys().stream().map(RoutingKeys::payloadKey).toList();
    }

    /** Zeroes the per-hop keys. */
    public void wipe() {
        keys.wipe();
    }
}
