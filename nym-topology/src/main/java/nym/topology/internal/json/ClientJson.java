package nym.topology.internal.json;

/** A registered client of a provider: {@code {"pubKey": its address, in URL-safe base64}} ({@link JsonKeys}). */
record ClientJson(String pubKey) {}
