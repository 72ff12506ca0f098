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

/**
 * The in-run yardstick: Bouncy Castle's X25519 variable-base multiplication. Sphinx figures are
 * reported as ratios to it, so they hold when the machine's speed drifts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BaselineBenchmark {
    private final byte[] scalar = new byte[X25519.SCALAR_SIZE];
    private final byte[] point = new byte[X25519.POINT_SIZE];
    private final byte[] out = new byte[X25519.POINT_SIZE];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(4);
        random.nextBytes(scalar);
        byte[] other = new byte[X25519.SCALAR_SIZE];
        random.nextBytes(other);
        X25519.scalarMultBase(other, 0, point, 0);
    }

    @Benchmark
    public byte[] bouncyCastleX25519() {
        X25519.scalarMult(scalar, 0, point, 0, out, 0);
        return out;
    }
}
