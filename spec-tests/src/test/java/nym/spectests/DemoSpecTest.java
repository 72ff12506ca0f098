package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nym.provider.client.ClientMessageStore;
import nym.provider.store.Inboxes;

/**
 * {@code nym-demo} from the image with non-default ports, over a home an earlier run left a message
 * in: the message bob reports is the one alice sent in this run, the earlier one is moved aside by
 * bob's {@code init --force} (and the demo says where), the command it suggests for a
 * third client points at this run's directory, and killing the demo outright (SIGKILL) stops every
 * process it started, the testnet and its nodes included, so that the next run finds its ports free.
 */
class DemoSpecTest {
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    @Test
    void bobGetsThisRunsMessageTheHintNamesThisRunsDirectoryAndAKilledDemoLeavesNoProcessBehind() throws Exception {
        Path home = Files.createTempDirectory("nym-demo-spec");
        Path bobData = Files.createDirectories(home.resolve("demo/.nym/clients/bob/data"));
        try (ClientMessageStore earlier = Inboxes.openClientStore(bobData.resolve("received.db"))) {
            earlier.completeMessage("left over from an earlier run".getBytes(StandardCharsets.UTF_8), List.of());
        }
        try (Image.Run demo = Image.start(home, home.resolve("demo.out"), "nym-demo", "--home",
                home.resolve("demo").toString(), "--directory-port", "0", "--alice-port", Integer.toString(freePort()),
                "--bob-port", Integer.toString(freePort()))) {
            String received = demo.awaitLine("bob received: ", DEADLINE);
            assertTrue(received.startsWith("bob received: \"Hello bob, this is alice, through the mixnet.\""),
                    demo.text());
            String prefix = "bob: Moved the previous identity's received messages to \"";
            String moved = demo.awaitLine(prefix, DEADLINE);
            Path aside = Path.of(moved.substring(prefix.length(), moved.indexOf('"', prefix.length())));
            assertEquals(bobData, aside.getParent(), moved);
            try (ClientMessageStore kept = Inboxes.openClientStore(aside)) {
                assertEquals(List.of("left over from an earlier run"), kept.peekMessages(10, Long.MAX_VALUE, Set.of())
                        .stream().map(stored -> new String(stored.body(), StandardCharsets.UTF_8)).toList(),
                        "the earlier run's message is kept, not fetched by this run's bob");
            }
            String ready = demo.awaitLine("Network ready: directory ", DEADLINE);
            String directory = ready.substring(ready.indexOf("http://")).strip();
            demo.awaitLine("Ctrl-C stops everything.", DEADLINE);
            String hint = demo.awaitLine("nym-client init --id carol", DEADLINE);
            assertTrue(hint.contains("--directory " + directory + " "), hint);

            List<ProcessHandle> started = demo.jvm().descendants().toList();
            try {
                assertTrue(started.size() >= 12, "testnet, directory, 9 nodes and 2 clients: " + started.size());
                demo.jvm().destroyForcibly();
                Image.await("every process the killed demo started to exit", Duration.ofSeconds(60),
                        () -> started.stream().noneMatch(ProcessHandle::isAlive));
            } finally {
                started.forEach(ProcessHandle::destroyForcibly); // orphans are no longer the demo's descendants
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
