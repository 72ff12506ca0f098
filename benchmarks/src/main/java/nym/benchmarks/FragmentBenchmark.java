package nym.benchmarks;

import java.security.SecureRandom;
import java.util.List;
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

import nym.sphinx.SphinxGeometry;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.MessageSplitter;

/** Splitting a 1 MiB message into fragments that each fit one packet. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FragmentBenchmark {
    private static final int MESSAGE_BYTES = 1 << 20;

    private byte[] message;
    private MessageSplitter splitter;

    @Setup
    public void setUp() {
        message = BenchmarkRoutes.bytes(new SplittableRandom(6), MESSAGE_BYTES);
        splitter = MessageSplitter.forGeometry(SphinxGeometry.DEFAULT, new SecureRandom());
    }

    @Benchmark
    public List<Fragment> splitOneMebibyte() {
        return splitter.split(message);
    }
}
