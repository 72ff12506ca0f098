package nym.benchmarks;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nym.sphinx.PacketBuilder;
import nym.sphinx.PacketOutcome;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;

/**
 * One forward hop at a mix node: shared secret, MAC, decryption, re-blinding, next packet. Alone
 * ({@code processMixHop}), and as one packet of a full batch of {@value #BATCH} ({@code processMixHopInBatch},
 * the time per packet), as a loaded node's workers take them; the fork has {@code jdk.incubator.vector},
 * as the nym-mixnode launcher does, so the batch takes the lane-parallel ladder (8 lanes on AVX-512).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PacketProcessBenchmark {
    /** Packets per batch: the lanes of an AVX-512 machine. */
    static final int BATCH = 8;

    private PacketProcessor firstMix;
    private SphinxPacket packet;
    private List<SphinxPacket> batch;

    @Setup
    public void setUp() throws SphinxException {
        BenchmarkRoutes route = new BenchmarkRoutes(4, 3);
        packet = PacketBuilder.create().route(route.hops).delays(route.delays).destination(route.destination)
                .message(new byte[1000]).random(new SecureRandom()).build();
        firstMix = PacketProcessor.forKey(route.keys.get(0).privateKey());
        PacketProcessor.warmUpBatches(); // as a node's first preferredBatchSize() does: lanes only once measured to pay
        List<SphinxPacket> packets = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            packets.add(PacketBuilder.create().route(route.hops).delays(route.delays).destination(route.destination)
                    .message(new byte[1000]).random(new SecureRandom()).build());
        }
        batch = List.copyOf(packets);
    }

    @Benchmark
    public ProcessedPacket processMixHop() throws SphinxException {
        return firstMix.process(packet);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<PacketOutcome> processMixHopInBatch() {
        return firstMix.processAll(batch);
    }
}
