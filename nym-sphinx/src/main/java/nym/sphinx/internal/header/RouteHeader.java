package nym.sphinx.internal.header;

import java.util.List;

import nym.crypto.group.Scalar;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.Hop;

/**
 * Writes the header for a route and hands back the per-hop keys it was built with, which the
 * caller needs for the payload layers and must {@link KeyMaterial#wipe()} afterwards. Shared by
 * packet and SURB creation, so both build headers in exactly one way.
 */
public final class RouteHeader {
    private RouteHeader() {}

    /**
     * Writes α ‖ γ ‖ β to {@code out[offset, offset + geometry.headerLength())}.
     *
     * @param route 1 to maxHops hops, checked by the caller
     * @param delays one per hop, checked by the caller
     * @param initialSecret the packet's ephemeral secret x
     * @param finalPadding {@link HeaderBuilder#finalPaddingLength} bytes
     * @return α₀ and the routing keys of every hop
     */
    public static KeyMaterial writeTo(SphinxGeometry geometry, List<Hop> route, List<Delay> delays,
            Destination destination, Scalar initialSecret, byte[] finalPadding, byte[] out, int offset) {
        KeyMaterial material = KeyMaterial.derive(initialSecret, route);
        try {
            HeaderBuilder.buildInto(geometry, material, route, delays, destination, finalPadding, out, offset);
        } catch (RuntimeException e) {
            material.wipe();
            throw e;
        }
        return material;
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
}
