package nym.topology.internal.json;

/** A registered client of a provider: {@code {"pubKey": base58 address}}. */
record ClientJson(String pubKey) {}
