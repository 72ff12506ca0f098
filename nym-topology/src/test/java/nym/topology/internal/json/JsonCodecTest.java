package nym.topology.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nym.crypto.keys.X25519PublicKey;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.TestNodes;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.topology.TopologyException.Reason;
import nym.topology.directory.MixMetricsEntry;
import nym.topology.directory.MixMetricsReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecTest {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String KEY = TestNodes.key(1).toBase58();

    private static byte[] fixture() throws IOException {
        try (InputStream in = JsonCodecTest.class.getResourceAsStream("/fixtures/topology.json")) {
            return in.readAllBytes();
        }
    }

    private static byte[] json(String text) {
        return text.replace('\'', '"').replace("KEY", KEY).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheSeedShapedFixture() throws Exception {
        Topology topology = JsonCodec.readTopology(fixture());
        assertEquals(0, topology.skippedEntries());
        assertEquals(4, topology.mixNodes().size());
        assertEquals(2, topology.mixNodesInLayer(1).size());
        MixNodeInfo first = topology.mixNodes().get(0);
        assertEquals("52.56.99.196:1789", first.host());
        assertEquals(1572258570490299400L, first.lastSeenNanos());
        assertEquals("0.7.0", first.version());
        ProviderInfo provider = topology.providers().get(0);
        assertEquals("3.8.176.11:9000", provider.clientHost());
        assertEquals(2, provider.registeredClients().size());
        assertEquals(provider, topology.providerOf(provider.registeredClients().get(1)).orElseThrow());
        assertTrue(topology.isRoutable());
    }

    @Test
    void writesTheFixtureBackUnchanged() throws Exception {
        JsonNode expected = PLAIN.readTree(fixture());
        JsonNode written = PLAIN.readTree(JsonCodec.writeTopology(JsonCodec.readTopology(fixture())));
        assertEquals(expected, written);
    }

    @Test
    void keysAreWrittenInUrlSafeBase64AsTheSeedShowsThemAndReadInEitherForm() throws Exception {
        String seedKey = "_ObRUsYnHDJOPDHXyfq5bnIoSbdn3BsSRcrLl-FCY1c="; // the seed's first mix node
        MixNodeInfo fromSeed = JsonCodec.readMixNode(json("{'host':'127.0.0.1:5','pubKey':'" + seedKey + "','layer':2}"));
        assertEquals(seedKey, PLAIN.readTree(JsonCodec.writeMixNode(fromSeed)).get("pubKey").asText());

        MixNodeInfo fromBase58 = JsonCodec.readMixNode(json("{'host':'127.0.0.1:5','pubKey':'KEY','layer':2}"));
        assertEquals(TestNodes.key(1), fromBase58.publicKey(), "an earlier node's base58 key reads as the same key");
        String written = PLAIN.readTree(JsonCodec.writeMixNode(fromBase58)).get("pubKey").asText();
        assertEquals(java.util.Base64.getUrlEncoder().encodeToString(TestNodes.key(1).toByteArray()), written);
        assertEquals(fromBase58, JsonCodec.readMixNode(json("{'host':'127.0.0.1:5','pubKey':'" + written + "','layer':2}")));

        ProviderInfo provider = JsonCodec.readProvider(json("{'host':'127.0.0.1:5','clientListener':'127.0.0.1:6',"
                + "'pubKey':'" + written + "','registeredClients':[{'pubKey':'" + seedKey + "'},{'pubKey':'KEY'}]}"));
        assertEquals(List.of(X25519PublicKey.fromBytes(java.util.Base64.getUrlDecoder().decode(seedKey)).toBase58(), KEY),
                provider.registeredClients(), "the model holds client addresses in base58, whichever form came");
    }

    @Test
    void skipsAndCountsMalformedEntries() throws Exception {
        JsonNode root = PLAIN.readTree(fixture());
        var mixes = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("MixNodes");
        mixes.addObject().put("host", "127.0.0.1:1").put("pubKey", KEY).put("layer", 9);
        mixes.addObject().put("host", "127.0.0.1:1").put("pubKey", "not base58!").put("layer", 1);
        mixes.addObject().put("host", "127.0.0.1:1").put("pubKey", KEY).put("layer", "1");
        mixes.add("not an object");
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("MixProviderNodes")).addObject().put("host", "x");
        Topology topology = JsonCodec.readTopology(PLAIN.writeValueAsBytes(root));
        assertEquals(5, topology.skippedEntries());
        assertEquals(4, topology.mixNodes().size());
        assertEquals(2, topology.providers().size());
    }

    @Test
    void aDocumentWithoutTheArraysIsMalformed() {
        for (String body : List.of("", "[]", "{}", "{'MixNodes':[]}", "{'MixNodes':{},'MixProviderNodes':[]}", "{")) {
            TopologyException e = assertThrows(TopologyException.class, () -> JsonCodec.readTopology(json(body)));
            assertEquals(Reason.MALFORMED, e.reason(), body);
        }
    }

    @Test
    void registrationRoundTripsWithoutLastSeen() throws Exception {
        MixNodeInfo node = TestNodes.mix(2, 5).withLastSeenNanos(77);
        JsonNode written = PLAIN.readTree(JsonCodec.writeMixNode(node));
        assertTrue(written.path("lastSeen").isMissingNode());
        assertEquals(node.withLastSeenNanos(0), JsonCodec.readMixNode(JsonCodec.writeMixNode(node)));
        ProviderInfo provider = TestNodes.provider(3, List.of(TestNodes.client(1)));
        assertEquals(provider, JsonCodec.readProvider(JsonCodec.writeProvider(provider)));
    }

    @Test
    void aProvidersOwnSphinxKeyRoundTripsAndIsWrittenOnlyWhenItDiffers() throws Exception {
        ProviderInfo provider = TestNodes.provider(3, List.of(TestNodes.client(1)));
        assertTrue(PLAIN.readTree(JsonCodec.writeProvider(provider)).path("sphinxKey").isMissingNode());
        assertEquals(provider.publicKey(), JsonCodec.readProvider(JsonCodec.writeProvider(provider)).sphinxKey());

        ProviderInfo rotated = new ProviderInfo(provider.host(), provider.clientHost(), provider.publicKey(),
                provider.registeredClients(), 0, provider.version(), TestNodes.key(77));
        JsonNode written = PLAIN.readTree(JsonCodec.writeProvider(rotated));
        assertEquals(JsonKeys.write(TestNodes.key(77)), written.path("sphinxKey").asText());
        assertEquals(rotated, JsonCodec.readProvider(JsonCodec.writeProvider(rotated)));
        assertEquals(TestNodes.key(77), rotated.sphinxKey());
        assertEquals(TestNodes.mix(1, 0).publicKey(), TestNodes.mix(1, 0).sphinxKey());
    }

    @Test
    void unknownFieldsAreIgnoredAndVersionIsOptional() throws TopologyException {
        MixNodeInfo node = JsonCodec.readMixNode(json("{'host':'127.0.0.1:5','pubKey':'KEY','layer':3,'extra':[1]}"));
        assertEquals(3, node.layer());
        assertEquals("", node.version());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mix|{'pubKey':'KEY','layer':1}|MALFORMED|missing field 'host'",
        "mix|{'host':'127.0.0.1:5','layer':1}|MALFORMED|missing field 'pubKey'",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY'}|MALFORMED|missing field 'layer'",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY','layer':'1'}|MALFORMED|field 'layer' has the wrong type",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY','layer':1.5}|MALFORMED|field 'layer' has the wrong type",
        "mix|{'host':5,'pubKey':'KEY','layer':1}|MALFORMED|field 'host' has the wrong type",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY','layer':1,'version':true}|MALFORMED|field 'version' has the wrong type",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY','layer':1,'layer':2}|MALFORMED|not valid JSON",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY','layer':1} {}|MALFORMED|body must be one JSON object",
        "mix|[1]|MALFORMED|body must be one JSON object",
        "mix|null|MALFORMED|body must be one JSON object",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY','layer':4}|INVALID_VALUE|layer must be 1 to 3",
        "mix|{'host':'127.0.0.1:5','pubKey':'KEY','layer':0}|INVALID_VALUE|layer must be 1 to 3",
        "mix|{'host':'127.0.0.1:5','pubKey':'abc','layer':1}|INVALID_VALUE|pubKey must be URL-safe base64 (or base58) of 32 bytes",
        "mix|{'host':'127.0.0.1:5','pubKey':'0OIl','layer':1}|INVALID_VALUE|pubKey must be URL-safe base64 (or base58) of 32 bytes",
        "mix|{'host':'127.0.0.1:5','pubKey':'abc=','layer':1}|INVALID_VALUE|pubKey must be URL-safe base64 (or base58) of 32 bytes",
        "mix|{'host':'127.0.0.1:5','pubKey':'AAAA+/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=','layer':1}|INVALID_VALUE|pubKey must be URL-safe base64 (or base58) of 32 bytes",
        "mix|{'host':'localhost:5','pubKey':'KEY','layer':1}|INVALID_VALUE|host must be \"ip:port\"",
        "provider|{'host':'127.0.0.1:5','pubKey':'KEY','registeredClients':[]}|MALFORMED|missing field 'clientListener'",
        "provider|{'host':'127.0.0.1:5','clientListener':'127.0.0.1:6','pubKey':'KEY'}|MALFORMED|missing field 'registeredClients'",
        "provider|{'host':'127.0.0.1:5','clientListener':'127.0.0.1:6','pubKey':'KEY','registeredClients':[{}]}|MALFORMED|missing field",
        "provider|{'host':'127.0.0.1:5','clientListener':'127.0.0.1:6','pubKey':'KEY','registeredClients':[null]}|MALFORMED|missing field",
        "provider|{'host':'127.0.0.1:5','clientListener':'127.0.0.1:6','pubKey':'KEY','registeredClients':{}}|MALFORMED|wrong type",
        "provider|{'host':'127.0.0.1:5','clientListener':'127.0.0.1:6','pubKey':'KEY','registeredClients':[{'pubKey':'xyz'}]}|INVALID_VALUE|registeredClients[].pubKey must be URL-safe base64 (or base58) of 32 bytes",
    })
    void refusesBadRegistrations(String kind, String body, Reason reason, String message) {
        Executable read = kind.equals("mix") ? () -> JsonCodec.readMixNode(json(body))
                : () -> JsonCodec.readProvider(json(body));
        TopologyException e = assertThrows(TopologyException.class, read);
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().startsWith("topology: ") && e.getMessage().contains(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void metricsRoundTripAndChecks() throws TopologyException {
        MixMetricsReport report = new MixMetricsReport(TestNodes.key(4), 10, Map.of("127.0.0.1:1789", 7L));
        assertEquals(report, JsonCodec.readMetricsReport(JsonCodec.writeMetricsReport(report)));
        List<MixMetricsEntry> entries = List.of(new MixMetricsEntry(report, 123));
        assertEquals(entries, JsonCodec.readMetrics(JsonCodec.writeMetrics(entries)));
        for (String bad : List.of("{'pubKey':'KEY','received':-1,'sent':{}}", "{'pubKey':'KEY','received':1,'sent':{'x':1}}",
                "{'pubKey':'KEY','received':1,'sent':{'127.0.0.1:1':'1'}}", "{'pubKey':'KEY','sent':{}}",
                "{'pubKey':'KEY','received':1,'sent':{'127.0.0.1:1':null}}")) {
            assertThrows(TopologyException.class, () -> JsonCodec.readMetricsReport(json(bad)), bad);
        }
    }

    @Test
    void errorsAreOneLine() {
        byte[] error = JsonCodec.writeError("first\nsecond");
        assertEquals("{\"error\":\"first second\"}", new String(error, StandardCharsets.UTF_8));
        assertEquals("first second", JsonCodec.readError(error));
    }
}
