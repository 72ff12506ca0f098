package nym.traffic.client;

import java.util.Objects;

import nym.sphinx.route.DestinationAddress;
import nym.topology.ProviderInfo;

/**
 * One packet's worth of a message waiting for a slot in the Poisson stream: who gets it, through
 * which provider, and the bytes (a fragment).
 *
 * @param recipient the recipient's address
 * @param provider the recipient's provider, the last hop
 * @param body at most the geometry's message capacity
 */
public record OutboundMessage(DestinationAddress recipient, ProviderInfo provider, byte[] body) implements Outbound {
    /** Checks for nulls and copies the body. */
    public OutboundMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(provider, "provider");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
