package nym.websocket.internal;

/** The seed's logger names (its Rust module paths), shared by the two servers. */
public final class ServerLogs {
    private ServerLogs() {}

    /** The seed: {@code INFO  nym_client::sockets::ws > Starting websocket listener at 127.0.0.1:9001}. */
    public static final System.Logger WEBSOCKET = System.getLogger("nym_client::sockets::ws");

    /** The TCP socket's logger, named after the seed's WebSocket one. */
    public static final System.Logger TCP = System.getLogger("nym_client::sockets::tcp");
}
