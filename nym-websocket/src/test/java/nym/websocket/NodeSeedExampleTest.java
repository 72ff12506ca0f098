package nym.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The seed's TypeScript examples, run by Node.js with the {@code ws} package (a third-party client)
 * against a server on port 0: {@code src/test/node/seed-example.mjs}. Needs node and npm on PATH;
 * fails, not skips, without them. Installs {@code ws} once into {@code src/test/node/node_modules}.
 */
class NodeSeedExampleTest {
    private static final Path SCRIPT_DIR = Path.of("src", "test", "node");

    @Test
    void theSeedsExamplesWorkFromNode() throws Exception {
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules"))) {
            ExternalProcess.Result install = ExternalProcess.run(SCRIPT_DIR, Duration.ofMinutes(5),
                    "npm", "install", "--no-audit", "--no-fund");
            assertEquals(0, install.exitCode(), "npm install failed\n" + install.output());
        }
        FakeClientPort client = new FakeClientPort();
        try (WebSocketApiServer server = WebSocketApiServer.start(WebSocketConfig.ofPort(0), client)) {
            ExternalProcess.Result run = ExternalProcess.run(SCRIPT_DIR, Duration.ofSeconds(60),
                    "node", "seed-example.mjs", "ws://127.0.0.1:" + server.port() + "/mix");
            assertEquals(0, run.exitCode(), run.output());
            assertEquals(List.of(
                    "{\"step\":\"send\",\"confirmation\":\"received send confirmation\",\"response\":{\"type\":\"send\"}}",
                    "{\"step\":\"fetch\",\"messages\":[\"foo\"]}",
                    "{\"step\":\"binary\",\"response\":{\"type\":\"error\",\"message\":\"binary frames are not supported: send text JSON\"}}",
                    run.stdout().get(3),
                    "{\"step\":\"ownDetails\",\"response\":{\"type\":\"ownDetails\",\"address\":\"" + FakeClientPort.OWN_ADDRESS + "\"}}"),
                    run.stdout(), run.output());
            assertTrue(run.stdout().get(3).startsWith("{\"step\":\"malformed\",\"response\":{\"type\":\"error\",\"message\":\"malformed JSON: "),
                    run.stdout().get(3));
            assertEquals(List.of(new FakeClientPort.Sent(FakeClientPort.OWN_ADDRESS, "foo")), client.sent());
        }
    }
}
