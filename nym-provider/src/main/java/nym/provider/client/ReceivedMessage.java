package nym.provider.client;

import java.util.Objects;

/**
 * A complete message in a client's store, waiting for an application.
 *
 * @param id the store's identifier
 * @param body the message (copied in and out)
 * @param replySurb the encoded SURB its sender attached so that it can be answered, or null
 */
public record ReceivedMessage(long id, byte[] body, byte[] replySurb) {
    /** Copies the arrays. */
    public ReceivedMessage {
        body = Objects.requireNonNull(body, "body").clone();
        replySurb = replySurb == null ? null : replySurb.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] replySurb() {
        return replySurb == null ? null : replySurb.clone();
    }
}
