package nym.websocket.internal.json;

import java.util.List;
import java.util.Objects;

/**
 * A response in the seed's shape. Jackson writes each record's components in declaration order,
 * so {@code "type"} always comes first: {@code {"type":"fetch","messages":[...]}}.
 */
public sealed interface Response {
    /** @return the seed's {@code "type"} value */
    String type();

    /** {@code {"type":"send"}}: the client accepted the message for sending. */
    record Send(String type) implements Response {
        public Send() {
            this("send");
        }
    }

    /** {@code {"type":"fetch","messages":[...]}}: messages received since the last fetch. */
    record Fetch(String type, List<String> messages) implements Response {
        public Fetch(List<String> messages) {
            this("fetch", List.copyOf(messages));
        }
    }

    /** {@code {"type":"getClients","clients":[...]}}: base58 addresses known to the network. */
    record GetClients(String type, List<String> clients) implements Response {
        public GetClients(List<String> clients) {
            this("getClients", List.copyOf(clients));
        }
    }

    /** {@code {"type":"ownDetails","address":"..."}}: this client's base58 address. */
    record OwnDetails(String type, String address) implements Response {
        public OwnDetails(String address) {
            this("ownDetails", Objects.requireNonNull(address, "address"));
        }
    }

    /** {@code {"type":"subscribe"}}: received messages will be pushed to this connection. */
    record Subscribe(String type) implements Response {
        public Subscribe() {
            this("subscribe");
        }
    }

    /**
     * {@code {"type":"received","messages":[...]}}: pushed to a subscribed connection, not the answer
     * to a request.
     */
    record Received(String type, List<String> messages) implements Response {
        public Received(List<String> messages) {
            this("received", List.copyOf(messages));
        }
    }

    /** {@code {"type":"error","message":"..."}}: the request failed; the connection stays open. */
    record Error(String type, String message) implements Response {
        public Error(String message) {
            this("error", Objects.requireNonNull(message, "message"));
        }
    }
}
