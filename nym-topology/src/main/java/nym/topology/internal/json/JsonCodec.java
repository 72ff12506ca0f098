package nym.topology.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.topology.TopologyException.Reason;
import nym.topology.directory.MixMetricsEntry;
import nym.topology.directory.MixMetricsReport;

/**
 * Reads and writes every document of the directory's API. Thread-safe (one configured, immutable
 * mapper). Requests are read strictly: a parse error, a wrong type or a missing field is
 * {@code MALFORMED}, an out-of-range value {@code INVALID_VALUE}. Lists from the directory
 * (topology, metrics) are read leniently: a malformed element is skipped and counted.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS) // "3" is not a number
            .withCoercionConfig(LogicalType.Textual, config -> config // 3 is not a string
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer nodes may send more
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonCodec() {}

    /** @return the mix node of a registration; its {@code lastSeenNanos} is whatever was sent, or 0 */
    public static MixNodeInfo readMixNode(byte[] body) throws TopologyException {
        return NodeMapper.toModel(read(body, MixNodeJson.class));
    }

    /** @return the provider of a registration; its {@code lastSeenNanos} is whatever was sent, or 0 */
    public static ProviderInfo readProvider(byte[] body) throws TopologyException {
        return NodeMapper.toModel(read(body, ProviderJson.class));
    }

    /** @return the metrics report of a {@code POST /api/metrics/mixes} */
    public static MixMetricsReport readMetricsReport(byte[] body) throws TopologyException {
        return NodeMapper.toModel(read(body, MetricsJson.class));
    }

    /**
     * @return the topology, without its malformed entries (counted in {@link Topology#skippedEntries()})
     * @throws TopologyException with {@code MALFORMED} if the document is not an object with the
     *     two arrays
     */
    public static Topology readTopology(byte[] body) throws TopologyException {
        JsonNode root = readTree(body);
        List<MixNodeInfo> mixes = new ArrayList<>();
        List<ProviderInfo> providers = new ArrayList<>();
        int skipped = 0;
        for (JsonNode node : array(root, TopologyJson.MIX_NODES)) {
            skipped += addIfValid(mixes, () -> NodeMapper.toModel(convert(node, MixNodeJson.class)));
        }
        for (JsonNode node : array(root, TopologyJson.PROVIDERS)) {
            skipped += addIfValid(providers, () -> NodeMapper.toModel(convert(node, ProviderJson.class)));
        }
        return Topology.of(mixes, providers, skipped);
    }

    /** @return the metrics entries of a {@code GET /api/metrics/mixes}, without malformed ones */
    public static List<MixMetricsEntry> readMetrics(byte[] body) throws TopologyException {
        JsonNode root = readTree(body);
        if (!root.isArray()) {
            throw new TopologyException(Reason.MALFORMED, "metrics must be a JSON array");
        }
        List<MixMetricsEntry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            addIfValid(entries, () -> NodeMapper.toEntry(convert(node, MetricsJson.class)));
        }
        return entries;
    }

    /** @return the {@code GET /api/presence/topology} document, with {@code lastSeen} */
    public static byte[] writeTopology(Topology topology) {
        return write(new TopologyJson(
                topology.mixNodes().stream().map(node -> NodeMapper.toJson(node, true)).toList(),
                topology.providers().stream().map(provider -> NodeMapper.toJson(provider, true)).toList()));
    }

    /** @return the registration document of {@code node}, without {@code lastSeen} */
    public static byte[] writeMixNode(MixNodeInfo node) {
        return write(NodeMapper.toJson(node, false));
    }

    /** @return the registration document of {@code provider}, without {@code lastSeen} */
    public static byte[] writeProvider(ProviderInfo provider) {
        return write(NodeMapper.toJson(provider, false));
    }

    /** @return the {@code POST /api/metrics/mixes} document of {@code report} */
    public static byte[] writeMetricsReport(MixMetricsReport report) {
        return write(NodeMapper.toJson(report, null));
    }

    /** @return the {@code GET /api/metrics/mixes} document */
    public static byte[] writeMetrics(List<MixMetricsEntry> entries) {
        return write(entries.stream().map(entry -> NodeMapper.toJson(entry.report(), entry.timestampNanos())).toList());
    }

    /** @return {@code {"error": reason}} on one line */
    public static byte[] writeError(String reason) {
        return write(new ErrorJson(reason.replaceAll("[\\r\\n]+", " ")));
    }

    /** @return the {@code error} of an error document, or null if {@code body} is not one */
    public static String readError(byte[] body) {
        try {
            return MAPPER.readValue(body, ErrorJson.class).error();
        } catch (IOException | RuntimeException notAnError) {
            return null;
        }
    }

    private static <T> T read(byte[] body, Class<T> type) throws TopologyException {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new TopologyException(Reason.MALFORMED, "body must be one JSON object, got null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new IllegalStateException("BUG: reading a byte array failed", e);
        }
    }

    private static JsonNode readTree(byte[] body) throws TopologyException {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new IllegalStateException("BUG: reading a byte array failed", e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) throws TopologyException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TopologyException(Reason.MALFORMED, "entry of the wrong shape", e);
        }
    }

    private static JsonNode array(JsonNode root, String field) throws TopologyException {
        JsonNode array = root.path(field);
        if (!array.isArray()) {
            throw new TopologyException(Reason.MALFORMED, "topology must have an array '" + field + "'");
        }
        return array;
    }

    /** @return 0 if the entry was valid and added, 1 if it was skipped */
    private static <T> int addIfValid(List<T> list, EntryReader<T> reader) {
        try {
            list.add(reader.read());
            return 0;
        } catch (TopologyException malformedEntry) {
            return 1;
        }
    }

    private static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("BUG: cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    /** One line for a Jackson failure: which field had the wrong type, or where parsing stopped. */
    private static TopologyException malformed(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new TopologyException(Reason.MALFORMED, "field '" + field + "' has the wrong type", e);
        }
        if (e instanceof JsonMappingException) {
            return new TopologyException(Reason.MALFORMED, "body must be one JSON object", e);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new TopologyException(Reason.MALFORMED, "not valid JSON" + where, e);
    }

    /** Reads one entry of a list, or fails with a checked exception. */
    @FunctionalInterface
    private interface EntryReader<T> {
        T read() throws TopologyException;
    }
}
