package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node launchers resolve the vector module and say how the node unwraps packets; the operator's
 * switch {@code -Dnym.crypto.lanes=false} (docs/operations.md) turns batches off.
 */
class MixNodeBatchesSpecTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String UNREACHABLE_DIRECTORY = "http://127.0.0.1:9";

    @TempDir
    Path home;

    @Test
    void theLauncherResolvesTheVectorModuleAndTheSwitchTurnsBatchesOff() throws Exception {
        try (Image.Run init = Image.start(home, home.resolve("init.txt"), "nym-mixnode", "init", "--id", "m1",
                "--layer", "1", "--port", "0", "--directory", UNREACHABLE_DIRECTORY)) {
            assertEquals(0, init.awaitExit(TIMEOUT), init.text());
        }

        try (Image.Run run = Image.start(home, home.resolve("run.txt"), "nym-mixnode", "run", "--id", "m1")) {
            String line = run.awaitLine("unwrapping", TIMEOUT);
            assertTrue(line.contains("in batches of up to") || line.contains("one packet at a time"), line);
            assertTrue(run.text().contains("WARNING: Using incubator modules: jdk.incubator.vector"), run.text());
        }

        try (Image.Run off = Image.start(home, home.resolve("off.txt"),
                Map.of("JDK_JAVA_OPTIONS", "-Dnym.crypto.lanes=false"), "nym-mixnode", "run", "--id", "m1")) {
            String line = off.awaitLine("unwrapping", TIMEOUT);
            assertTrue(line.contains("unwrapping one packet at a time"), line);
        }
    }
}
