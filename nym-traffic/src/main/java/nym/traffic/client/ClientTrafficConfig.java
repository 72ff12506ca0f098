package nym.traffic.client;

import java.time.Duration;
import java.util.Objects;

import nym.sphinx.SphinxGeometry;

/**
 * The timing of a client's traffic, in the seed's {@code [debug]} terms.
 *
 * @param messageSendingAverageDelay average gap of the main Poisson stream, in which a real packet
 *     takes the slot of a cover packet
 * @param loopCoverAverageDelay average gap of the separate stream of loop cover packets
 * @param averagePacketDelay average delay per hop written into each packet
 * @param queueCapacity packets waiting for a slot before {@code send} is refused
 * @param geometry the network's packet geometry
 */
public record ClientTrafficConfig(Duration messageSendingAverageDelay, Duration loopCoverAverageDelay,
        Duration averagePacketDelay, int queueCapacity, SphinxGeometry geometry) {
    /** Checks the values. */
    public ClientTrafficConfig {
        requirePositive("messageSendingAverageDelay", messageSendingAverageDelay);
        requirePositive("loopCoverAverageDelay", loopCoverAverageDelay);
        if (averagePacketDelay.isNegative()) {
            throw new IllegalArgumentException("averagePacketDelay must not be negative");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive");
        }
        Objects.requireNonNull(geometry, "geometry");
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
