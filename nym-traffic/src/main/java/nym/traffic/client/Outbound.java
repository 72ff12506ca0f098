package nym.traffic.client;

/** One packet's worth waiting for a slot in the client's Poisson stream. */
public sealed interface Outbound permits OutboundMessage, OutboundReply {}
