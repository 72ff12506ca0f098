package nym.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.cli.wiring.ChildProcesses;

/**
 * A child's log is appended to across runs; waiting for a line must see only this run's output.
 * The bug this pins: a second {@code nym-demo} found the first run's "testnet ready" line, went on
 * before the network was up, and failed.
 */
class LinesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void anEarlierRunsLineInTheSameLogDoesNotCount() throws Exception {
        ChildProcesses processes = processes();
        processes.runToCompletion("node", "say", List.of("testnet ready: directory http://old"));

        ChildProcesses.Child second = processes.start("node", "say", List.of("still starting"));
        IOException exited = assertThrows(IOException.class, () -> Lines.await(second, "testnet ready", DEADLINE));
        assertEquals("node exited: still starting", exited.getMessage());
        assertEquals(List.of("still starting"), second.lines());
        assertTrue(Files.readString(second.log()).contains("http://old"), "the log keeps the earlier run");
    }

    @Test
    void theLineThisRunWritesIsFound() throws Exception {
        ChildProcesses processes = processes();
        processes.runToCompletion("node", "say", List.of("testnet ready: directory http://old"));
        ChildProcesses.Child second = processes.start("node", "say", List.of("testnet ready: directory http://new"));
        assertEquals("testnet ready: directory http://new", Lines.await(second, "testnet ready", DEADLINE));
    }

    @Test
    void aFailureReportsThisRunsLastLine() throws Exception {
        ChildProcesses processes = processes();
        processes.runToCompletion("init", "say", List.of("an old line"));
        IOException failed = assertThrows(IOException.class,
                () -> processes.runToCompletion("init", "fail", List.of("boom")));
        assertEquals("init failed (exit 3): boom", failed.getMessage());
        IOException silent = assertThrows(IOException.class,
                () -> processes.runToCompletion("init", "fail", List.of()));
        assertTrue(silent.getMessage().startsWith("init failed (exit 3): (nothing in its log"), silent.getMessage());
    }

    @Test
    void aFailureQuotesTheErrorLineNotTheCleanStopAfterIt() throws Exception {
        ChildProcesses processes = processes();
        ChildProcesses.Child testnet = processes.start("testnet", "fail", List.of(
                "error: directory exited (1): error: cannot listen on 127.0.0.1:8080", "Testnet stopped."));
        IOException exited = assertThrows(IOException.class, () -> Lines.await(testnet, "testnet ready", DEADLINE));
        assertEquals("testnet exited: error: directory exited (1): error: cannot listen on 127.0.0.1:8080",
                exited.getMessage());
    }

    private ChildProcesses processes() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        launcher(bin.resolve("say"), "#!/bin/sh\necho \"$@\"\n");
        launcher(bin.resolve("fail"), "#!/bin/sh\nif [ $# -gt 0 ]; then printf '%s\\n' \"$@\"; fi\nexit 3\n");
        return new ChildProcesses(bin, dir.resolve("logs"), Map.of());
    }

    private static void launcher(Path path, String script) throws IOException {
        Files.writeString(path, script);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
