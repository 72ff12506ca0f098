package nym.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.math.ec.rfc7748.X25519;
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

import nym.crypto.internal.BcMontgomeryLadder;
import nym.crypto.internal.EdwardsFixedBase;
import nym.crypto.internal.Field51;
import nym.crypto.internal.LaneLadder;
import nym.crypto.internal.MontgomeryLadder;

/**
 * The raw unclamped ladder on two fields, in one run: Bouncy Castle's 32-bit limbs (the first
 * implementation) and our radix-2^51 64-bit limbs; plus Bouncy Castle's fixed-base X25519, and our
 * Edwards fixed-base table for an arbitrary point (the multiplication, and building the table).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LadderBenchmark {
    private final byte[] scalar = new byte[MontgomeryLadder.LENGTH];
    private final byte[] point = new byte[MontgomeryLadder.LENGTH];
    private final byte[] out = new byte[MontgomeryLadder.LENGTH];
    private final long[] element = Field51.create();
    private EdwardsFixedBase.Table table;
    private final byte[][] laneScalars = new byte[LaneLadder.LANES][];
    private final byte[][] lanePoints = new byte[LaneLadder.LANES][];
    private final byte[][] laneOuts = new byte[LaneLadder.LANES][MontgomeryLadder.LENGTH];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(5);
        random.nextBytes(scalar);
        scalar[31] &= 0x7F;
        byte[] other = new byte[MontgomeryLadder.LENGTH];
        random.nextBytes(other);
        X25519.scalarMultBase(other, 0, point, 0);
        table = EdwardsFixedBase.precompute(point);
        for (int lane = 0; lane < LaneLadder.LANES; lane++) {
            laneScalars[lane] = scalar.clone();
            laneScalars[lane][0] ^= (byte) lane;
            lanePoints[lane] = point.clone();
        }
    }

    @Benchmark
    public byte[] bcField() {
        BcMontgomeryLadder.multiply(scalar, point, out);
        return out;
    }

    @Benchmark
    public byte[] field51() {
        MontgomeryLadder.multiply(scalar, point, out);
        return out;
    }

    /** One lane-parallel ladder over a full batch: divide by {@link LaneLadder#LANES} for a pair. */
    @Benchmark
    public byte[][] lanesFullBatch() {
        LaneLadder.multiply(laneScalars, lanePoints, laneOuts, 0, LaneLadder.LANES);
        return laneOuts;
    }

    @Benchmark
    public byte[] bcFixedBase() {
        X25519.scalarMultBase(scalar, 0, out, 0);
        return out;
    }

    @Benchmark
    public byte[] edwardsTable() {
        EdwardsFixedBase.multiply(table, scalar, out);
        return out;
    }

    /** One field inversion, which every multiplication above ends with (except BC's). */
    @Benchmark
    public long[] field51Invert() {
        Field51.decode(point, 0, element);
        Field51.invert(element, element);
        return element;
    }

    @Benchmark
    public EdwardsFixedBase.Table edwardsPrecompute() {
        return EdwardsFixedBase.precompute(point);
    }
}
