package nym.topology.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A mix node: an element of {@code MixNodes} and the body of {@code POST /api/presence/mixnodes}.
 * Fields are nullable so that a missing field can be told apart and reported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MixNodeJson(String host, String pubKey, Integer layer, Long lastSeen, String version) {}
