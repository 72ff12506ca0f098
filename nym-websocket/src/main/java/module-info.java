/**
 * The local APIs of the seed's client: the WebSocket ({@code send}, {@code fetch},
 * {@code getClients}, {@code ownDetails}, text JSON frames, loopback peers only) and the same
 * requests over a length-prefixed TCP socket.
 */
module nym.websocket {
    requires org.java_websocket; // the WebSocket server
    requires com.fasterxml.jackson.databind; // the JSON messages, kept out of the API

    exports nym.websocket;
}
