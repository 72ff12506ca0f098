package nym.benchmarks;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nym.sphinx.SphinxException;
import nym.sphinx.surb.SurbBuilder;

/** Creating a single-use reply block for a 4-hop return route. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SurbBenchmark {
    private BenchmarkRoutes route;
    private SecureRandom random;

    @Setup
    public void setUp() throws SphinxException {
        route = new BenchmarkRoutes(4, 5);
        random = new SecureRandom();
    }

    @Benchmark
    public SurbBuilder.Created createSurbFourHops() throws SphinxException {
        return SurbBuilder.create().route(route.hops).delays(route.delays).destination(route.destination.address())
                .random(random).build();
    }
}
