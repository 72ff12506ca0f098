package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nym.crypto.keys.X25519KeyPair;
import nym.topology.MixNodeInfo;
import nym.topology.NodeInfo;
import nym.topology.Topology;
import nym.topology.directory.DirectoryClient;

/**
 * The directory's dashboard page (DESIGN: "the directory: presence, topology, metrics, a dashboard
 * page") on a running {@code nym-testnet}, rendered by jsdom running the page's own script.
 */
class DashboardSpecTest {
    /** What anyone can register as a version: it must show as text, never become an element. */
    private static final String MARKUP = "<img src=x onerror=\"document.title='owned'\">";

    @Test
    void theDirectoryShowsTheRunningNetworkOnItsPage() throws Exception {
        SeedScript.install();
        Path root = Files.createTempDirectory("nym-dashboard-spec");
        try (Testnet testnet = Testnet.start(root);
                DirectoryClient directory = DirectoryClient.create(URI.create(testnet.directory()))) {
            directory.registerMixNode(new MixNodeInfo("127.0.0.1:1", X25519KeyPair.generate(new SecureRandom())
                    .publicKey(), 2, 0, MARKUP));
            Topology topology = directory.fetchTopology();

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(testnet.directory() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                    page.headers().toString());

            int mixes = topology.mixNodes().size();
            SeedScript.Result run = SeedScript.runScript("dashboard-check.mjs", testnet.directory() + "/",
                    String.valueOf(mixes));
            JsonNode shown = run.response();
            assertEquals("Nym mixnet directory", shown.path("title").asText(), "the markup ran as code: " + run.output());
            assertEquals(0, shown.path("images").asInt(), "the markup became an element: " + run.output());
            assertTrue(shown.path("status").asText().startsWith("Updated "), run.output());
            assertEquals(mixes + " mix nodes (layer 1: 1, layer 2: 2, layer 3: 1), 1 provider, 0 clients registered",
                    shown.path("summary").asText(), run.output());
            assertEquals(hosts(topology.mixNodes()), column(shown.path("mixnodes"), 1), run.output());
            assertEquals(hosts(topology.providers()), column(shown.path("providers"), 0), run.output());
            // The JSON has the seed's URL-safe base64; the page shows base58, as the commands print keys.
            assertEquals(shortKeys(topology.mixNodes()), column(shown.path("mixnodes"), 2), run.output());
            assertTrue(column(shown.path("mixnodes"), 3).contains(MARKUP), "the version shown as text: " + run.output());
        }
    }

    private static List<String> hosts(List<? extends NodeInfo> nodes) {
        return nodes.stream().map(NodeInfo::host).sorted().toList();
    }

    /** @return the keys as the page shortens them, in base58, sorted */
    private static List<String> shortKeys(List<? extends NodeInfo> nodes) {
        return nodes.stream().map(node -> node.publicKey().toBase58())
                .map(key -> key.substring(0, 8) + "…" + key.substring(key.length() - 6)).sorted().toList();
    }

    /** @return column {@code index} of every row, sorted */
    private static List<String> column(JsonNode rows, int index) {
        List<String> cells = new ArrayList<>();
        rows.forEach(row -> cells.add(row.path(index).asText()));
        return cells.stream().sorted().toList();
    }
}
