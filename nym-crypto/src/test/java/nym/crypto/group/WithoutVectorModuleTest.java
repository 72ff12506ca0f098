package nym.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nym.crypto.keys.X25519KeyPair;

/**
 * Child JVMs (surefire resolves jdk.incubator.vector in every test JVM): without the module the
 * batch API works on the scalar ladder and no Vector API class, nor LaneField/LaneLadder, is ever
 * loaded; with the module but no C2, the warm-up keeps the scalar ladder.
 */
class WithoutVectorModuleTest {
    @Test
    void batchApiRunsAndLoadsNoVectorClass() throws Exception {
        String output = runChild("-verbose:class");
        assertTrue(output.contains("nym.crypto.internal.LadderBatch"), "class loading is logged");
        assertFalse(output.contains("jdk.incubator.vector"), "a Vector API class was loaded");
        assertFalse(output.contains("nym.crypto.internal.LaneField"), "LaneField was loaded");
        assertFalse(output.contains("nym.crypto.internal.LaneLadder"), "LaneLadder was loaded");
    }

    /**
     * With the module but with C1 only (as the client's launcher runs the JVM), a lane pass is
     * hundreds of times slower than the ladder: the warm-up must find that and keep the ladder.
     */
    @Test
    void withoutC2TheWarmUpKeepsThePlainLadder() throws Exception {
        runChild("-XX:TieredStopAtLevel=1", "--add-modules=jdk.incubator.vector");
    }

    /**
     * Runs {@link Child} in a new JVM with {@code options} and checks that it ended well and kept the
     * plain ladder.
     *
     * @return everything the child printed
     */
    private static String runChild(String... options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("CHILD OK preferred=1"), output);
        return output;
    }

    /** Runs in the child JVM. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            GroupElement.warmUpBatches();
            SplittableRandom random = new SplittableRandom(1);
            List<GroupElement> points = new ArrayList<>();
            List<Scalar> scalars = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] b = new byte[32];
                random.nextBytes(b);
                points.add(GroupElement.fromBytes(b));
                random.nextBytes(b);
                scalars.add(Scalar.fromBytesModOrder(b));
            }
            List<GroupElement> out = GroupElement.multiplyEach(points, scalars);
            for (int i = 0; i < out.size(); i++) {
                if (!out.get(i).equals(points.get(i).multiply(scalars.get(i)))) {
                    throw new AssertionError("pair " + i);
                }
            }
            X25519KeyPair.generate(random).privateKey().sharedSecrets(points);
            System.out.println("CHILD OK preferred=" + GroupElement.preferredBatchSize());
        }
    }
}
