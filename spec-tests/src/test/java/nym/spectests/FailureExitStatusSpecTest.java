package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * "An error is one line, {@code error: ...}, with exit status 1" (docs/operations.md), also for the
 * launchers that stop their children on the way out: their cleanup hook used to end every exit with
 * status 0, so a testnet that could not start looked like a success to a script.
 */
class FailureExitStatusSpecTest {
    @Test
    void aTestnetThatCannotStartExitsWithStatusOne() throws Exception {
        Path home = Files.createTempDirectory("nym-exit-status-spec");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Image.Run testnet = Image.start(home, home.resolve("testnet.out"), "nym-testnet", "--home",
                        home.resolve("testnet").toString(), "--directory-port", Integer.toString(taken.getLocalPort()))) {
            assertEquals(1, testnet.awaitExit(Duration.ofSeconds(60)), testnet.text());
            assertTrue(testnet.text().contains("error: directory exited (1): error: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use"), testnet.text());
            assertTrue(testnet.text().contains("Testnet stopped."), testnet.text());
        }
    }
}
