package nym.websocket.internal.json;

import java.util.Objects;

/**
 * A request that parsed and has every field it needs; one record per {@code "type"} of the seed,
 * and one for the push this API adds ({@code subscribe}).
 * Built by {@code nym.websocket.internal.RequestParser}, never by Jackson.
 */
public sealed interface Request {
    /**
     * {@code {"type":"send","message":"...","recipient_address":"..."}}, and beyond the seed
     * {@code "with_reply_surb":true} to attach a SURB the recipient can answer through.
     */
    record Send(String message, String recipientAddress, boolean withReplySurb) implements Request {
        public Send {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(recipientAddress, "recipientAddress");
        }
    }

    /** {@code {"type":"reply","message":"...","reply_surb":"..."}}: not the seed's; an anonymous reply. */
    record Reply(String message, String replySurb) implements Request {
        public Reply {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(replySurb, "replySurb");
        }
    }

    /** {@code {"type":"fetch"}} */
    record Fetch() implements Request {}

    /** {@code {"type":"getClients"}} */
    record GetClients() implements Request {}

    /** {@code {"type":"ownDetails"}} */
    record OwnDetails() implements Request {}

    /** {@code {"type":"subscribe"}}: not the seed's; asks for received messages to be pushed. */
    record Subscribe() implements Request {}
}
