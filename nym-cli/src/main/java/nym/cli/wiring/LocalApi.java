package nym.cli.wiring;

import nym.cli.config.SocketType;
import nym.websocket.MixnetClientPort;

/** Starts the local API the config asks for. */
public final class LocalApi {
    private LocalApi() {}

    /** @return the running server, to close on shutdown */
    public static AutoCloseable start(SocketType type, int port, MixnetClientPort client) throws Exception {
        return switch (type) {
            case NONE -> () -> { };
            case WEBSOCKET, TCP -> throw new UnsupportedOperationException(
                    "the " + type.configName() + " socket arrives with the nym-websocket module");
        };
    }
}
