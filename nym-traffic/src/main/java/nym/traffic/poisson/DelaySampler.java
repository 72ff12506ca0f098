package nym.traffic.poisson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import nym.sphinx.route.Delay;

/**
 * Samples the per-hop delays a sender writes into a packet's header: exponential with the
 * configured average ({@code average_packet_delay}), one per hop. A zero average gives zero delays.
 *
 * <p>Not thread-safe.
 */
public final class DelaySampler {
    private final PoissonSchedule schedule;

    /**
     * @param average the average delay per hop; zero for none
     * @param random the source of randomness
     */
    public DelaySampler(Duration average, RandomGenerator random) {
        this.schedule = average.isZero() ? null : new PoissonSchedule(average, random);
    }

    /** @return one delay per hop of a route of {@code hops} nodes */
    public List<Delay> forRoute(int hops) {
        List<Delay> delays = new ArrayList<>(hops);
        for (int i = 0; i < hops; i++) {
            delays.add(schedule == null ? Delay.ZERO : Delay.ofNanos(schedule.nextNanos()));
        }
        return delays;
    }
}
