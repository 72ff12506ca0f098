package nym.websocket;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

import nym.websocket.internal.ApiWebSocketServer;
import nym.websocket.internal.RequestHandler;
import nym.websocket.internal.ServerLogs;

/**
 * The seed's WebSocket API of the client, served over a {@link MixnetClientPort}.
 *
 * <p><b>Guarantees.</b> Listens on 127.0.0.1 only and refuses (at the handshake, with one log line)
 * any peer that is not a loopback address; accepts any path (the seed uses {@code /mix}). Each
 * text frame is one JSON request and gets exactly one JSON response, in order per connection:
 * {@code send}, {@code fetch}, {@code getClients}, {@code ownDetails}, or
 * {@code {"type":"error","message":"..."}} for anything wrong, including a Binary frame, after which
 * the connection keeps working. Beyond the seed, a connection that sends {@code {"type":"subscribe"}}
 * is pushed {@code {"type":"received","messages":[...]}} frames as messages arrive, between its
 * responses; connections that do not subscribe never see one. Several connections may be open (up to
 * {@link WebSocketConfig#maxConnections()}); they share the one client, its identity and its buffer
 * of received messages, as the seed warns. A message (one frame or all fragments of one message)
 * over {@link WebSocketConfig#maxFrameBytes()} closes that connection with code 1009; a connection
 * with more than 256 requests waiting for their answers is closed with code 1013. Neither affects
 * other connections.
 *
 * <p><b>Not guaranteed.</b> The seed's API has no authentication: every local process can use it, and
 * so can pages served from this machine or from an origin the config allows (web pages of other
 * sites are refused by their {@code Origin}). See {@code docs/client-api.md}.
 *
 * <p>Thread-safe. {@link #close()} is idempotent.
 */
public final class WebSocketApiServer implements AutoCloseable {
    private final ApiWebSocketServer server;

    private WebSocketApiServer(ApiWebSocketServer server) {
        this.server = server;
    }

    /**
     * Binds 127.0.0.1 at {@code config.port()}, logs the seed's line "Starting websocket listener
     * at 127.0.0.1:PORT" (logger {@code nym_client::sockets::ws}, INFO) and returns once connections
     * are accepted.
     *
     * @param config never null
     * @param client never null; called from several threads at once
     * @throws IOException if the port cannot be bound
     * @throws IllegalArgumentException if {@code config.maxFrameBytes()} is below
     *     {@code client.maxMessageBytes()}
     */
    public static WebSocketApiServer start(WebSocketConfig config, MixnetClientPort client) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(client, "client");
        config.requireRoomFor(client);
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port());
        ApiWebSocketServer server = ApiWebSocketServer.start(bind, config, new RequestHandler(client, true));
        ServerLogs.WEBSOCKET.log(Level.INFO, "Starting websocket listener at 127.0.0.1:" + server.getPort());
        return new WebSocketApiServer(server);
    }

    /** @return the port listened on (the real one when the config asked for 0) */
    public int port() {
        return server.getPort();
    }

    /** Closes every connection (code 1001) and stops listening. */
    @Override
    public void close() {
        server.stopQuietly();
    }
}
