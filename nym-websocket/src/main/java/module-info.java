/**
 * The local WebSocket API of the seed: {@code send}, {@code fetch}, {@code getClients},
 * {@code ownDetails}, text JSON frames, loopback peers only.
 *
 * <p>Not implemented yet: this descriptor fixes the module's place in the dependency graph.
 */
module nym.websocket {
    requires org.java_websocket; // the WebSocket server
    requires com.fasterxml.jackson.databind; // the JSON messages, kept out of the API
}
