package nym.topology.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nym.topology.Layer;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.TestNodes;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.topology.TopologyException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryServerTest {
    static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final FakeClock clock = new FakeClock();
    private DirectoryServer server;
    private DirectoryClient client;

    @BeforeEach
    void start() throws IOException {
        server = DirectoryServer.start(LOOPBACK_ANY_PORT, DirectoryConfig.defaults(), clock);
        client = DirectoryClient.create(server.uri(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void listensOnTheLoopbackPortItReports() {
        assertTrue(server.port() > 0);
        assertTrue(server.address().getAddress().isLoopbackAddress());
        assertEquals(URI.create("http://127.0.0.1:" + server.port()), server.uri());
    }

    @Test
    void registeredNodesMakeARoutableTopology() throws TopologyException {
        registerNetwork();
        Topology topology = client.fetchTopology();
        assertEquals(6, topology.mixNodes().size());
        assertEquals(2, topology.providers().size());
        assertEquals(0, topology.skippedEntries());
        assertTrue(topology.isRoutable());
        for (int layer = Layer.FIRST; layer <= Layer.COUNT; layer++) {
            assertEquals(List.of(TestNodes.mix(layer, 0), TestNodes.mix(layer, 1)),
                    topology.mixNodesInLayer(layer).stream().map(node -> node.withLastSeenNanos(0)).toList());
        }
        ProviderInfo second = topology.providerOf(TestNodes.client(2)).orElseThrow();
        assertEquals(TestNodes.provider(1, List.of(TestNodes.client(2))), second.withLastSeenNanos(0));
        assertEquals(FakeClock.nanos(FakeClock.START), second.lastSeenNanos());
    }

    @Test
    void aNodeThatStopsReportingDropsOutAfterTheTtl() throws TopologyException {
        registerNetwork();
        clock.advance(Duration.ofSeconds(6));
        registerNetworkExcept(TestNodes.mix(2, 1));
        clock.advance(Duration.ofSeconds(5));
        Topology topology = client.fetchTopology();
        assertEquals(5, topology.mixNodes().size());
        assertEquals(List.of(TestNodes.mix(2, 0)),
                topology.mixNodesInLayer(2).stream().map(node -> node.withLastSeenNanos(0)).toList());
        clock.advance(Duration.ofSeconds(11));
        assertTrue(client.fetchTopology().mixNodes().isEmpty());
    }

    @Test
    void metricsRoundTripAndExpire() throws TopologyException {
        MixMetricsReport report = new MixMetricsReport(TestNodes.key(7), 120, Map.of("127.0.0.1:10001", 118L));
        client.reportMetrics(report);
        List<MixMetricsEntry> entries = client.fetchMetrics();
        assertEquals(List.of(new MixMetricsEntry(report, FakeClock.nanos(FakeClock.START))), entries);
        clock.advance(Duration.ofSeconds(11));
        assertTrue(client.fetchMetrics().isEmpty());
    }

    @Test
    void aFullDirectoryRejectsNewNodes() throws IOException, TopologyException {
        try (DirectoryServer small = DirectoryServer.start(LOOPBACK_ANY_PORT,
                DirectoryConfig.defaults().withMaxNodes(1), clock);
                DirectoryClient smallClient = DirectoryClient.create(small.uri())) {
            smallClient.registerMixNode(TestNodes.mix(1, 0));
            TopologyException e = assertThrows(TopologyException.class,
                    () -> smallClient.registerMixNode(TestNodes.mix(1, 1)));
            assertEquals(Reason.REJECTED, e.reason());
            assertTrue(e.getMessage().contains("status 429") && e.getMessage().contains("directory full"),
                    e.getMessage());
        }
    }

    @Test
    void aClosedDirectoryIsUnreachable() {
        server.close();
        TopologyException e = assertThrows(TopologyException.class, () -> client.fetchTopology());
        assertEquals(Reason.UNREACHABLE, e.reason());
    }

    @Test
    void anAnswerThatIsNotATopologyIsABadResponse() throws IOException {
        HttpServer liar = HttpServer.create(LOOPBACK_ANY_PORT, 0);
        liar.createContext("/", exchange -> {
            byte[] body = "<html>hello</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        liar.start();
        try (DirectoryClient liarClient = DirectoryClient.create(
                URI.create("http://127.0.0.1:" + liar.getAddress().getPort()))) {
            TopologyException e = assertThrows(TopologyException.class, liarClient::fetchTopology);
            assertEquals(Reason.BAD_RESPONSE, e.reason());
        } finally {
            liar.stop(0);
        }
    }

    private void registerNetwork() throws TopologyException {
        registerNetworkExcept(null);
    }

    private void registerNetworkExcept(MixNodeInfo silent) throws TopologyException {
        for (int layer = Layer.FIRST; layer <= Layer.COUNT; layer++) {
            for (int n = 0; n < 2; n++) {
                MixNodeInfo node = TestNodes.mix(layer, n);
                if (!node.equals(silent)) {
                    client.registerMixNode(node);
                }
            }
        }
        client.registerProvider(TestNodes.provider(0, List.of(TestNodes.client(0), TestNodes.client(1))));
        client.registerProvider(TestNodes.provider(1, List.of(TestNodes.client(2))));
    }
}
