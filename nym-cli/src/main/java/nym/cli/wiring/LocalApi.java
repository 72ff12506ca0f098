package nym.cli.wiring;

import java.util.List;

import nym.cli.config.SocketType;
import nym.websocket.MixnetClientPort;
import nym.websocket.TcpApiServer;
import nym.websocket.WebSocketApiServer;
import nym.websocket.WebSocketConfig;

/** Starts the local API the config asks for: the seed's WebSocket, the TCP socket, or none. */
public final class LocalApi {
    private LocalApi() {}

    /**
     * @param allowedOrigins web pages let in besides those of this machine (the WebSocket only)
     * @return the running server, to close on shutdown
     */
    public static AutoCloseable start(SocketType type, int port, List<String> allowedOrigins, MixnetClientPort client)
            throws Exception {
        return switch (type) {
            case WEBSOCKET -> {
                WebSocketApiServer server = WebSocketApiServer.start(
                        WebSocketConfig.ofPort(port).withAllowedOrigins(allowedOrigins), client);
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
