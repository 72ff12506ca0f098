package nym.websocket.internal.json;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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

    /**
     * {@code {"type":"fetch","messages":[...]}}: messages received since the last fetch; beyond the
     * seed, {@code "reply_surbs":[...]} when a sender attached a SURB: one entry per message, null
     * for a message without one, and no such field when no message has one.
     */
    record Fetch(String type, List<String> messages,
            @JsonProperty("reply_surbs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> replySurbs)
            implements Response {
        public Fetch(List<String> messages, List<String> replySurbs) {
            this("fetch", List.copyOf(messages), ReplySurbs.copy(replySurbs, messages.size()));
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
    record Received(String type, List<String> messages,
            @JsonProperty("reply_surbs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> replySurbs)
            implements Response {
        public Received(List<String> messages, List<String> replySurbs) {
            this("received", List.copyOf(messages), ReplySurbs.copy(replySurbs, messages.size()));
        }
    }

    /** {@code {"type":"reply"}}: the client accepted the reply for sending through the SURB. */
    record Reply(String type) implements Response {
        public Reply() {
            this("reply");
        }
    }

    /** {@code {"type":"error","message":"..."}}: the request failed; the connection stays open. */
    record Error(String type, String message) implements Response {
        public Error(String message) {
            this("error", Objects.requireNonNull(message, "message"));
        }
    }
}
