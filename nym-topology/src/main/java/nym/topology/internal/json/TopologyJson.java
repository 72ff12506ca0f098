package nym.topology.internal.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of {@code GET /api/presence/topology}, as the directory writes it. */
record TopologyJson(@JsonProperty("MixNodes") List<MixNodeJson> mixNodes,
        @JsonProperty("MixProviderNodes") List<ProviderJson> providers) {
    static final String MIX_NODES = "MixNodes";
    static final String PROVIDERS = "MixProviderNodes";
}
