package nym.topology.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's three files, with their types and a policy that lets no registered text run. */
class DashboardPageTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private DirectoryServer server;

    @BeforeEach
    void start() throws IOException {
        server = DirectoryServer.start(DirectoryServerTest.LOOPBACK_ANY_PORT, DirectoryConfig.defaults(), new FakeClock());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesThePageItsScriptAndItsStyle() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<script src=\"/dashboard.js\"></script>"), page.body());
        assertEquals("text/javascript; charset=utf-8", get("/dashboard.js").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("text/css; charset=utf-8", get("/dashboard.css").headers().firstValue("Content-Type").orElseThrow());
        for (String path : new String[] {"/", "/dashboard.js", "/dashboard.css"}) {
            HttpResponse<String> file = get(path);
            assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'", file.headers().firstValue("Content-Security-Policy")
                    .orElseThrow(), path);
            assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElseThrow(), path);
        }
    }

    @Test
    void theApiKeepsItsJsonAndThePageIsReadOnly() throws Exception {
        HttpResponse<String> topology = get("/api/presence/topology");
        assertEquals("application/json; charset=utf-8", topology.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(topology.headers().firstValue("Content-Security-Policy").isEmpty());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.uri().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(404, get("/dashboard.html").statusCode(), "only the three paths are served");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
