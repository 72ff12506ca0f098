package nym.cli.wiring;

import nym.cli.config.SocketType;
import nym.websocket.MixnetClientPort;
import nym.websocket.TcpApiServer;
import nym.websocket.WebSocketApiServer;
import nym.websocket.WebSocketConfig;

/** Starts the local API the config asks for: the seed's WebSocket, the TCP socket, or none. */
public final class LocalApi {
    private LocalApi() {}

    /** @return the running server, to close on shutdown */
    public static AutoCloseable start(SocketType type, int port, MixnetClientPort client) throws Exception {
        return switch (type) {
            case WEBSOCKET -> {
                WebSocketApiServer server = WebSocketApiServer.start(WebSocketConfig.ofPort(port), client);
                yield server::close;
            }
            case TCP -> {
                TcpApiServer server = TcpApiServer.start(WebSocketConfig.ofPort(port), client);
                yield server::close;
            }
            case NONE -> () -> { };
        };
    }
}
