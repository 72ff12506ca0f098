package nym.sphinx.internal.header;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import nym.crypto.group.GroupElement;
import nym.crypto.group.Scalar;
import nym.sphinx.route.Hop;

/**
 * The sender's side of the key schedule for one route: α₀ = x·G and, for each hop i, the shared
 * secret sᵢ = aᵢ·PKᵢ and its routing keys, where a₀ = x and aᵢ₊₁ = aᵢ·bᵢ mod ℓ.
 *
 * <p>Every hop's ρ ‖ μ ‖ π is written to one per-thread arena ({@link KeyArena}) rather than to three
 * arrays per hop; the {@link RoutingKeys} are views of it. The caller must {@link #wipe()} once the
 * packet or SURB is built, also when building failed: that zeroes the arena and hands it back to the
 * thread. {@link #derive} zeroes it itself if it throws.
 */
public final class KeyMaterial {
    private final GroupElement alpha;
    private final RoutingKeys[] hops;
    /** The arena the views point into, or null when the hops' keys are arrays of their own. */
    private final KeyArena arena;
    private boolean wiped;

    private KeyMaterial(GroupElement alpha, RoutingKeys[] hops, KeyArena arena) {
        this.alpha = alpha;
        this.hops = hops;
        this.arena = arena;
    }

    /**
     * Key material of routing keys made elsewhere (tests that build headers for chosen secrets);
     * {@link #wipe()} wipes each of them.
     */
    public static KeyMaterial of(GroupElement alpha, List<RoutingKeys> hopKeys) {
        return new KeyMaterial(Objects.requireNonNull(alpha, "alpha"), hopKeys.toArray(RoutingKeys[]::new), null);
    }

    /**
     * @param initialSecret x, the packet's ephemeral secret
     * @param route the route, in order, at least one hop; only the public keys are read
     */
    public static KeyMaterial derive(Scalar initialSecret, List<Hop> route) {
        GroupElement alpha = GroupElement.multiplyBase(initialSecret);
        int count = route.size();
        KeyArena arena = KeyArena.acquire(count * RoutingKeys.SYMMETRIC_LENGTH);
        try {
            RoutingKeys[] hops = new RoutingKeys[count];
            Scalar accumulator = initialSecret;
            for (int i = 0; i < count; i++) {
                // Node keys are long-lived: a cached fixed-base table per key, about a third of a ladder.
                GroupElement nodeKey = route.get(i).publicKey().toGroupElement();
                hops[i] = RoutingKeys.derive(accumulator.sharedSecretWithKnownKey(nodeKey), arena.bytes(),
                        i * RoutingKeys.SYMMETRIC_LENGTH);
                if (i + 1 < count) {
                    accumulator = accumulator.multiply(hops[i].blindingFactor());
                }
            }
            return new KeyMaterial(alpha, hops, arena);
        } catch (RuntimeException | Error e) {
            arena.release();
            throw e;
        }
    }

    /** @return α₀, the group element written into the packet */
    public GroupElement alpha() {
        return alpha;
    }

    /** @return the number of hops */
    public int hopCount() {
        return hops.length;
    }

    /** @return the routing keys of hop {@code i}, in route order */
    public RoutingKeys hop(int i) {
        return hops[i];
    }

    /** Encrypts the payload {@code data[offset, offset + length)} in place with π of hops n−1 down to 0. */
    public void encryptPayload(byte[] data, int offset, int length) {
        for (int i = hops.length - 1; i >= 0; i--) {
            hops[i].encryptPayload(data, offset, length);
        }
    }

    /** @return copies of π₀ … πₙ₋₁ in route order, which outlive {@link #wipe()}: the caller wipes them */
    public List<byte[]> payloadKeyCopies() {
        List<byte[]> copies = new ArrayList<>(hops.length);
        for (RoutingKeys hop : hops) {
            copies.add(hop.payloadKey());
        }
        return copies;
    }

    /** Zeroes every hop's symmetric keys and, if they were in the arena, hands it back. Idempotent. */
    public void wipe() {
        if (wiped) {
            return; // the arena may already hold another build's keys
        }
        wiped = true;
        if (arena != null) {
            arena.release();
        } else {
            Arrays.stream(hops).forEach(RoutingKeys::wipe);
        }
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + hops.length + " hops, secret]";
    }
}
