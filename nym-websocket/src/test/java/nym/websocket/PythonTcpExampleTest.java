package nym.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python example of {@code docs/client-api.md}, read from the document itself, against a
 * {@link TcpApiServer} on port 0, so the documented client is one that works. Needs python3 on
 * PATH; fails, not skips, without it.
 */
class PythonTcpExampleTest {
    private static final Path DOC = Path.of("..", "docs", "client-api.md");
    private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theDocumentedPythonClientSendsAndFetches(@TempDir Path dir) throws Exception {
        Matcher block = PYTHON_BLOCK.matcher(Files.readString(DOC));
        assertEquals(true, block.find(), "no ```python block in " + DOC);
        Path script = Files.writeString(dir.resolve("tcp_client.py"), block.group(1));
        try (TcpApiServer server = TcpApiServer.start(WebSocketConfig.ofPort(0), new FakeClientPort())) {
            ExternalProcess.Result run = ExternalProcess.run(dir, Duration.ofSeconds(60),
                    "python3", script.toString(), Integer.toString(server.port()));
            assertEquals(0, run.exitCode(), run.output());
            assertEquals(List.of("{\"type\": \"send\"}", "{\"received\": [\"foomp\"]}"), run.stdout(), run.output());
        }
    }
}
