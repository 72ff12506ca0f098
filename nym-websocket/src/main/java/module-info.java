/**
 * The local APIs of the seed's client: the WebSocket ({@code send}, {@code fetch},
 * {@code getClients}, {@code ownDetails}, text JSON frames, loopback peers only) and the same
 * requests over a length-prefixed TCP socket, both served over a
 * {@link nym.websocket.MixnetClientPort} that the client implements; and a small Java client of the
 * WebSocket API ({@link nym.websocket.WebSocketApiClient}).
 */
module nym.websocket {
    requires transitive com.fasterxml.jackson.databind; // WebSocketApiClient hands out JSON trees
    requires java.net.http; // WebSocketApiClient, the JDK's WebSocket client
    requires org.java_websocket; // the WebSocket server; its types stay out of our API

    exports nym.websocket;

    opens nym.websocket.internal.json to com.fasterxml.jackson.databind; // Jackson writes the response records
}
