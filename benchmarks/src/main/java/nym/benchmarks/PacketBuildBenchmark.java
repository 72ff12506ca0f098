package nym.benchmarks;

import java.security.SecureRandom;
import java.util.SplittableRandom;
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

import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;

/** Creating a packet for 3 mixes and a provider with a 1 KiB payload, as a client does per message. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PacketBuildBenchmark {
    private static final int HOPS = 4;
    private static final int MESSAGE_BYTES = 1000;

    private BenchmarkRoutes route;
    private byte[] message;
    private SecureRandom random;

    @Setup
    public void setUp() throws SphinxException {
        route = new BenchmarkRoutes(HOPS, 1);
        message = BenchmarkRoutes.bytes(new SplittableRandom(2), MESSAGE_BYTES);
        random = new SecureRandom();
    }

    @Benchmark
    public SphinxPacket createFourHops() throws SphinxException {
        return PacketBuilder.create().route(route.hops).delays(route.delays).destination(route.destination)
                .message(message).random(random).build();
    }
}
