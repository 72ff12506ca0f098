package nym.topology.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nym.topology.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per kind of bad request: status, one-line JSON reason, and the directory still serves. */
class BadRequestTest {
    private static final String MIXNODES = "/api/presence/mixnodes";
    private static final String KEY = TestNodes.key(3).toBase58();

    private DirectoryServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        server = DirectoryServer.start(DirectoryServerTest.LOOPBACK_ANY_PORT, DirectoryConfig.defaults(), new FakeClock());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void badJson() throws Exception {
        assertRefused(post(MIXNODES, "{\"host\":"), 400, "not valid JSON");
    }

    @Test
    void missingField() throws Exception {
        assertRefused(post(MIXNODES, "{\"host\":\"127.0.0.1:1\",\"pubKey\":\"" + KEY + "\"}"), 400,
                "missing field 'layer'");
    }

    @Test
    void wrongType() throws Exception {
        assertRefused(post(MIXNODES, "{\"host\":\"127.0.0.1:1\",\"pubKey\":\"" + KEY + "\",\"layer\":\"2\"}"), 400,
                "field 'layer' has the wrong type");
    }

    @Test
    void wrongLayer() throws Exception {
        assertRefused(post(MIXNODES, "{\"host\":\"127.0.0.1:1\",\"pubKey\":\"" + KEY + "\",\"layer\":4}"), 400,
                "layer must be 1 to 3, got 4");
    }

    @Test
    void badKey() throws Exception {
        assertRefused(post(MIXNODES, "{\"host\":\"127.0.0.1:1\",\"pubKey\":\"3mJr7AoUXx2Wqd\",\"layer\":1}"), 400,
                "pubKey must be URL-safe base64 (or base58) of 32 bytes");
        assertRefused(post("/api/presence/mixproviders", "{\"host\":\"127.0.0.1:1\",\"clientListener\":\"127.0.0.1:2\","
                + "\"pubKey\":\"" + KEY + "\",\"registeredClients\":[{\"pubKey\":\"0OIl\"}]}"), 400, "registeredClients[].pubKey must be URL-safe base64 (or base58) of 32 bytes");
    }

    @Test
    void badHost() throws Exception {
        assertRefused(post(MIXNODES, "{\"host\":\"nym.example:1789\",\"pubKey\":\"" + KEY + "\",\"layer\":1}"), 400,
                "host must be \\\"ip:port\\\"");
    }

    @Test
    void oversizedBodyOfUnknownLength() throws Exception {
        byte[] big = new byte[DirectoryConfig.DEFAULT_MAX_BODY_BYTES + 100];
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));
        assertRefused(send(HttpRequest.newBuilder(uri(MIXNODES)).POST(chunked)), 413, "body larger than 65536 bytes");
    }

    @Test
    void oversizedBodyIsRefusedFromItsDeclaredLengthWithoutReadingIt() throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + MIXNODES + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000000\r\n\r\n{\"host\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.endsWith("{\"error\":\"topology: body larger than 65536 bytes\"}"), answer);
        }
        assertStillServing();
    }

    @Test
    void wrongMethod() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/presence/topology"))
                .DELETE());
        assertRefused(response, 405, "method DELETE not allowed on /api/presence/topology, use GET");
        assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());
        assertRefused(send(HttpRequest.newBuilder(uri(MIXNODES)).GET()), 405, "use POST");
    }

    @Test
    void unknownPath() throws Exception {
        assertRefused(send(HttpRequest.newBuilder(uri("/api/presence/nothing")).GET()), 404,
                "unknown path /api/presence/nothing");
        assertRefused(send(HttpRequest.newBuilder(uri("/api")).GET()), 404, "unknown path /api");
    }

    /** @return the head and body of one HTTP/1.1 answer with a Content-Length */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        int length = head.toString().lines()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElseThrow();
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return server.uri().resolve(path);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> response, int status, String reason) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        String body = response.body();
        assertTrue(body.startsWith("{\"error\":\"topology: ") && body.endsWith("\"}"), body);
        assertTrue(body.contains(reason), body);
        assertEquals(1, body.lines().count(), body);
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertStillServing();
    }

    private void assertStillServing() throws Exception {
        HttpResponse<String> topology = send(HttpRequest.newBuilder(uri("/api/presence/topology")).GET());
        assertEquals(200, topology.statusCode());
        assertEquals("{\"MixNodes\":[],\"MixProviderNodes\":[]}", topology.body());
    }
}
