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

import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;

/** One forward hop at a mix node: shared secret, MAC, decryption, re-blinding, next packet. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PacketProcessBenchmark {
    private PacketProcessor firstMix;
    private SphinxPacket packet;

    @Setup
    public void setUp() throws SphinxException {
        BenchmarkRoutes route = new BenchmarkRoutes(4, 3);
        packet = PacketBuilder.create().route(route.hops).delays(route.delays).destination(route.destination)
                .message(new byte[1000]).random(new SecureRandom()).build();
        firstMix = PacketProcessor.forKey(route.keys.get(0).privateKey());
    }

    @Benchmark
    public ProcessedPacket processMixHop() throws SphinxException {
        return firstMix.process(packet);
    }
}
