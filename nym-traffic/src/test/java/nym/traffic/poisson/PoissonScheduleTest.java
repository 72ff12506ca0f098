package nym.traffic.poisson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.sphinx.route.Delay;

class PoissonScheduleTest {
    @Test
    void gapsAreExponentialWithTheConfiguredMean() {
        PoissonSchedule schedule = new PoissonSchedule(Duration.ofMillis(500), new SplittableRandom(1));
        int n = 200_000;
        double sum = 0;
        double sumSquares = 0;
        int aboveMean = 0;
        for (int i = 0; i < n; i++) {
            double gap = schedule.nextNanos() / 1e6;
            assertTrue(gap >= 0);
            sum += gap;
            sumSquares += gap * gap;
            if (gap > 500) {
                aboveMean++;
            }
        }
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        assertEquals(500, mean, 5, "mean");
        assertEquals(500, Math.sqrt(variance), 10, "an exponential's standard deviation equals its mean");
        assertEquals(Math.exp(-1), aboveMean / (double) n, 0.005, "P(gap > mean) = 1/e");
    }

    @Test
    void aZeroOrNegativeMeanIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PoissonSchedule(Duration.ZERO, new SplittableRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> new PoissonSchedule(Duration.ofMillis(-1), new SplittableRandom()));
    }

    @Test
    void delaySamplerGivesOneDelayPerHop() {
        DelaySampler none = new DelaySampler(Duration.ZERO, new SplittableRandom(2));
        assertEquals(java.util.List.of(Delay.ZERO, Delay.ZERO, Delay.ZERO), none.forRoute(3));
        DelaySampler some = new DelaySampler(Duration.ofMillis(200), new SplittableRandom(3));
        double total = 0;
        for (int i = 0; i < 10_000; i++) {
            for (Delay delay : some.forRoute(4)) {
                total += delay.nanos() / 1e6;
            }
        }
        assertEquals(200, total / 40_000, 5, "average delay per hop");
    }
}
