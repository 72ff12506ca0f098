package nym.topology.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A mix node's metrics: the body of {@code POST /api/metrics/mixes} (without {@code timestamp}) and
 * an element of the answer of {@code GET /api/metrics/mixes} (with it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MetricsJson(String pubKey, Long received, Map<String, Long> sent, Long timestamp) {}
