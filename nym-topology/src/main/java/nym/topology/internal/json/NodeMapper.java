package nym.topology.internal.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nym.crypto.keys.X25519PublicKey;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.TopologyException;
import nym.topology.TopologyException.Reason;
import nym.topology.directory.MixMetricsEntry;
import nym.topology.directory.MixMetricsReport;

/**
 * Converts between the JSON records and the model. Going to the model, a missing required field is
 * {@code MALFORMED}, a value out of range is {@code INVALID_VALUE}; {@code lastSeen} defaults to 0
 * and {@code version} to the empty string.
 */
final class NodeMapper {
    private NodeMapper() {}

    static MixNodeInfo toModel(MixNodeJson json) throws TopologyException {
        String host = required("host", json.host());
        X25519PublicKey key = JsonKeys.read("pubKey", required("pubKey", json.pubKey()));
        int layer = required("layer", json.layer());
        return build(() -> new MixNodeInfo(host, key, layer, orZero(json.lastSeen()), orEmpty(json.version())));
    }

    static ProviderInfo toModel(ProviderJson json) throws TopologyException {
        String host = required("host", json.host());
        String clientHost = required("clientListener", json.clientListener());
        X25519PublicKey key = JsonKeys.read("pubKey", required("pubKey", json.pubKey()));
        List<String> clients = new ArrayList<>();
        for (ClientJson client : required("registeredClients", json.registeredClients())) {
            String field = "registeredClients[].pubKey";
            clients.add(JsonKeys.read(field, required(field, client == null ? null : client.pubKey())).toBase58());
        }
        X25519PublicKey sphinxKey = json.sphinxKey() == null ? key : JsonKeys.read("sphinxKey", json.sphinxKey());
        return build(() -> new ProviderInfo(host, clientHost, key, clients, orZero(json.lastSeen()),
                orEmpty(json.version()), sphinxKey));
    }

    static MixMetricsReport toModel(MetricsJson json) throws TopologyException {
        X25519PublicKey key = JsonKeys.read("pubKey", required("pubKey", json.pubKey()));
        long received = required("received", json.received());
        Map<String, Long> sent = required("sent", json.sent());
        return build(() -> new MixMetricsReport(key, received, sent));
    }

    static MixMetricsEntry toEntry(MetricsJson json) throws TopologyException {
        MixMetricsReport report = toModel(json);
        long timestamp = required("timestamp", json.timestamp());
        return build(() -> new MixMetricsEntry(report, timestamp));
    }

    static MixNodeJson toJson(MixNodeInfo node, boolean withLastSeen) {
        return new MixNodeJson(node.host(), JsonKeys.write(node.publicKey()), node.layer(),
                withLastSeen ? node.lastSeenNanos() : null, node.version());
    }

    static ProviderJson toJson(ProviderInfo provider, boolean withLastSeen) {
        List<ClientJson> clients = provider.registeredClients().stream()
                .map(address -> new ClientJson(JsonKeys.writeAddress(address))).toList();
        return new ProviderJson(provider.host(), provider.clientHost(), JsonKeys.write(provider.publicKey()), clients,
                withLastSeen ? provider.lastSeenNanos() : null, provider.version(),
                // Only when it differs, so that a provider that never replaced its key has the seed's shape.
                provider.sphinxKey().equals(provider.publicKey()) ? null : JsonKeys.write(provider.sphinxKey()));
    }

    static MetricsJson toJson(MixMetricsReport report, Long timestamp) {
        return new MetricsJson(JsonKeys.write(report.publicKey()), report.received(), report.sent(), timestamp);
    }

    private static <T> T required(String field, T value) throws TopologyException {
        if (value == null) {
            throw new TopologyException(Reason.MALFORMED, "missing field '" + field + "'");
        }
        return value;
    }

    /**
     * Runs a record constructor on values from the network. The records check their fields and throw
     * {@link IllegalArgumentException} (or {@link NullPointerException} for a null inside a list or
     * map); this turns either into the checked exception, so no bad input escapes unchecked.
     */
    private static <T> T build(Supplier<T> constructor) throws TopologyException {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new TopologyException(Reason.INVALID_VALUE, e.getMessage(), e);
        } catch (NullPointerException e) {
            throw new TopologyException(Reason.MALFORMED, "null where a value is required", e);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
