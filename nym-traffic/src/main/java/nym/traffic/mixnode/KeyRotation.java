package nym.traffic.mixnode;

import java.time.Duration;
import java.util.Objects;

/**
 * When a mix node replaces its Sphinx key. A node remembers the replay tag of every packet it
 * unwrapped for as long as it accepts the key the packet was built for; the memory that takes grows
 * with the packets, so the key is replaced after {@code rotateAfterPackets} packets or
 * {@code maxAge}, whichever comes first, and the key before it is forgotten {@code grace} later.
 * A key is not replaced while the one before it is in its grace, unless its filter is full (see
 * {@link ReplayFilter#capacity()}): then the previous key is forgotten early.
 *
 * @param rotateAfterPackets packets unwrapped with one key before it is replaced; positive
 * @param maxAge the oldest a current key may be; positive
 * @param grace how long a replaced key is still accepted; not negative
 */
public record KeyRotation(long rotateAfterPackets, Duration maxAge, Duration grace) {
    /** Never: the old behaviour, one key for ever and a filter that forgets its oldest tags. */
    public static final KeyRotation NEVER = new KeyRotation(Long.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE),
            Duration.ZERO);
    /** A day. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
    /**
     * An hour: far longer than a topology read (seconds) plus a packet's holds at the hops before
     * this one (each at most {@link MixNodeConfig#DEFAULT_MAX_DELAY}).
     */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    public KeyRotation {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(grace, "grace");
        if (rotateAfterPackets < 1 || !maxAge.isPositive() || grace.isNegative()) {
            throw new IllegalArgumentException("rotateAfterPackets and maxAge must be positive, grace not negative");
        }
    }

    /** @return whether keys are replaced at all */
    public boolean rotates() {
        return !equals(NEVER);
    }
}
