package nym.benchmarks;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load run in a JVM of its own, as it is started: a run that cannot start must end. */
class MixNodeLoadTest {
    private static final long DEADLINE_SECONDS = 30;

    /**
     * The run starts its own directory before the node; a failure after that (here: no image, so the
     * node cannot be initialised) must still stop it, or its non-daemon HTTP thread keeps the JVM up.
     */
    @Test
    void aRunWhoseNodeCannotStartEnds(@TempDir Path noImage) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MixNodeLoad.class.getName(), "--image", noImage.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(run.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the run did not end after failing to start");
            assertNotEquals(0, run.exitValue(), "a run that could not start reports it");
        } finally {
            run.destroy();
        }
    }
}
