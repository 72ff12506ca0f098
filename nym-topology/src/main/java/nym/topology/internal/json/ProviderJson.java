package nym.topology.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A provider: an element of {@code MixProviderNodes} and the body of
 * {@code POST /api/presence/mixproviders}. {@code clientListener} and {@code sphinxKey} (absent:
 * {@code pubKey}) are our additions to the seed's shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProviderJson(String host, String clientListener, String pubKey, List<ClientJson> registeredClients,
        Long lastSeen, String version, String sphinxKey) {}
