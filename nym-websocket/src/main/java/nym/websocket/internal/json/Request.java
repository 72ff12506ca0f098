package nym.websocket.internal.json;

import java.util.Objects;

/**
 * A request that parsed and has every field it needs; one record per {@code "type"} of the seed,
 * and one for the push this API adds ({@code subscribe}).
 * Built by {@code nym.websocket.internal.RequestParser}, never by Jackson.
 */
public sealed interface Request {
    /** {@code {"type":"send","message":"...","recipient_address":"..."}} */
    record Send(String message, String recipientAddress) implements Request {
        public Send {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(recipientAddress, "recipientAddress");
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
