package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a mix node keeps after it was killed, and what it gives up after the machine went down
 * (docs/operations.md): a SIGKILL keeps the key, as every tag was written before its packet went on;
 * a crash replaces the key at the next start, with the WARNING the operations guide shows.
 */
class MixNodeCrashSpecTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String UNREACHABLE_DIRECTORY = "http://127.0.0.1:9";
    private static final String KEY_LINE = "Layer 1, public key ";

    @TempDir
    Path home;

    @Test
    void aKilledNodeKeepsItsKeyAndOneThatRanWhenTheMachineWentDownReplacesIt() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/random/boot_id")), "a machine that tells its boot");
        try (Image.Run init = Image.start(home, home.resolve("init.txt"), "nym-mixnode", "init", "--id", "m1",
                "--layer", "1", "--port", "0", "--directory", UNREACHABLE_DIRECTORY)) {
            assertEquals(0, init.awaitExit(TIMEOUT), init.text());
        }
        String key = runAndKill("killed.txt");

        try (Image.Run again = run("after-kill.txt")) {
            assertEquals(key, keyOf(again));
            assertTrue(again.text().contains("were not closed (the process was killed); the machine has not"
                    + " restarted since, so no tag is missing"), again.text());
            assertFalse(again.text().contains("may be incomplete"), again.text());
        }

        assertEquals(key, runAndKill("crashed.txt"));
        Path mark = home.resolve(".nym/mixnodes/m1/data/replay-tags").resolve(key).resolve("not-closed");
        Files.writeString(mark, "an-earlier-boot"); // as a filter open when the machine went down leaves it
        try (Image.Run afterCrash = run("after-crash.txt")) {
            afterCrash.awaitLine("replaced the Sphinx key (its tags may be incomplete)", TIMEOUT);
            assertTrue(afterCrash.text().contains("the replay tags of the Sphinx key " + key + " may be incomplete"
                    + " (the machine went down while the node ran, or the disk refused a write): it is replaced now,"
                    + " and accepted for the grace only"), afterCrash.text());
        }
    }

    /** @return the key the node announced, once it listened and was then killed with SIGKILL */
    private String runAndKill(String output) throws Exception {
        try (Image.Run run = run(output)) {
            String key = keyOf(run);
            run.jvm().destroyForcibly();
            run.jvm().onExit().get();
            return key;
        }
    }

    private Image.Run run(String output) throws Exception {
        return Image.start(home, home.resolve(output), "nym-mixnode", "run", "--id", "m1");
    }

    private static String keyOf(Image.Run run) {
        String line = run.awaitLine(KEY_LINE, TIMEOUT);
        return line.substring(line.indexOf(KEY_LINE) + KEY_LINE.length()).strip();
    }
}
