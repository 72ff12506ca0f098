package nym.traffic.poisson;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The gaps of a Poisson process: independent exponential samples with a given mean, so events
 * happen at a constant average rate with no pattern an observer could use. The randomness is
 * injected (production passes {@code SecureRandom}; tests a seeded generator).
 *
 * <p>Not thread-safe: one schedule per stream.
 */
public final class PoissonSchedule {
    private final double meanNanos;
    private final RandomGenerator random;

    /**
     * @param mean the average gap, positive
     * @param random the source of randomness
     */
    public PoissonSchedule(Duration mean, RandomGenerator random) {
        if (mean.isNegative() || mean.isZero()) {
            throw new IllegalArgumentException("mean must be positive: " + mean);
        }
        this.meanNanos = mean.toNanos();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return the next gap, exponentially distributed with the mean */
    public Duration next() {
        return Duration.ofNanos(nextNanos());
    }

    /** @return the next gap in nanoseconds */
    public long nextNanos() {
        // 1 - U is in (0, 1], so the logarithm is finite.
        double sample = -meanNanos * Math.log(1.0 - random.nextDouble());
        return (long) Math.min(sample, Long.MAX_VALUE / 2.0);
    }
}
