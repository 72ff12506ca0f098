package nym.sphinx.internal.header;

import java.util.ArrayList;
import java.util.List;

import nym.crypto.group.GroupElement;
import nym.crypto.group.Scalar;
import nym.crypto.keys.X25519PublicKey;

/**
 * The sender's side of the key schedule for one route: α₀ = x·G and, for each hop i, the shared
 * secret sᵢ = aᵢ·PKᵢ and its routing keys, where a₀ = x and aᵢ₊₁ = aᵢ·bᵢ mod ℓ.
 *
 * @param alpha α₀, the group element written into the packet
 * @param hopKeys the routing keys of each hop, in route order
 */
public record KeyMaterial(GroupElement alpha, List<RoutingKeys> hopKeys) {
    /** Copies the list. */
    public KeyMaterial {
        hopKeys = List.copyOf(hopKeys);
    }

    /**
     * @param initialSecret x, the packet's ephemeral secret
     * @param nodeKeys the public keys of the route, in order, at least one
     */
    public static KeyMaterial derive(Scalar initialSecret, List<X25519PublicKey> nodeKeys) {
        GroupElement alpha = GroupElement.multiplyBase(initialSecret);
        List<RoutingKeys> keys = new ArrayList<>(nodeKeys.size());
        Scalar accumulator = initialSecret;
        for (int i = 0; i < nodeKeys.size(); i++) {
            // Node keys are long-lived: a cached fixed-base table per key, about a third of a ladder.
            GroupElement nodeKey = nodeKeys.get(i).toGroupElement();
            RoutingKeys hop = RoutingKeys.derive(accumulator.sharedSecretWithKnownKey(nodeKey));
            keys.add(hop);
            if (i + 1 < nodeKeys.size()) {
                accumulator = accumulator.multiply(hop.blindingFactor());
            }
        }
        return new KeyMaterial(alpha, keys);
    }

    /** @return the payload keys π₀ … πₙ₋₁ in route order (shared arrays, do not modify) */
    public List<byte[]> payloadKeys() {
        List<byte[]> payloadKeys = new ArrayList<>(hopKeys.size());
        for (RoutingKeys hop : hopKeys) {
            payloadKeys.add(hop.payloadKey());
        }
        return payloadKeys;
    }

    /** Zeroes every hop's symmetric keys. */
    public void wipe() {
        hopKeys.forEach(RoutingKeys::wipe);
    }
}
