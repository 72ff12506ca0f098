package nym.websocket;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nym.websocket.internal.LoopbackPeers;
import nym.websocket.internal.RequestHandler;
import nym.websocket.internal.ServerLogs;
import nym.websocket.internal.TcpConnection;

/**
 * The same API as {@link WebSocketApiServer}, over TCP, for the seed's {@code socket_type = "TCP"}.
 * Each request and each response is one frame: a 4-byte big-endian length, then that many bytes of
 * a UTF-8 JSON document, the same JSON as on the WebSocket (the same code answers both).
 *
 * <p><b>Guarantees.</b> Listens on 127.0.0.1 only and closes, with one log line, a connection from
 * any peer that is not a loopback address. One virtual thread per connection; requests on a
 * connection are answered in order. A body that is not UTF-8 or not a valid request gets an error
 * response and the connection keeps working; a length over {@link WebSocketConfig#maxFrameBytes()}
 * gets an error response and then the connection is closed, since the stream cannot be
 * resynchronised. Connections over {@link WebSocketConfig#maxConnections()} are closed at once.
 *
 * <p>Thread-safe. {@link #close()} is idempotent and closes every connection.
 */
public final class TcpApiServer implements AutoCloseable {
    private static final System.Logger LOG = ServerLogs.TCP;

    private final ServerSocket server;
    private final RequestHandler handler;
    private final WebSocketConfig config;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TcpApiServer(ServerSocket server, WebSocketConfig config, RequestHandler handler) {
        this.server = server;
        this.config = config;
        this.handler = handler;
        Thread.ofVirtual().name("tcp-api-accept-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /**
     * Binds 127.0.0.1 at {@code config.port()}, logs "Starting socket listener at 127.0.0.1:PORT"
     * (logger {@code nym_client::sockets::tcp}, INFO) and starts accepting.
     *
     * @param config never null
     * @param client never null; called from several threads at once
     * @throws IOException if the port cannot be bound
     * @throws IllegalArgumentException if {@code config.maxFrameBytes()} is below
     *     {@code client.maxMessageBytes()}
     */
    public static TcpApiServer start(WebSocketConfig config, MixnetClientPort client) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(client, "client");
        config.requireRoomFor(client);
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()));
        LOG.log(Level.INFO, "Starting socket listener at 127.0.0.1:" + server.getLocalPort());
        return new TcpApiServer(server, config, new RequestHandler(client));
    }

    /** @return the port listened on (the real one when the config asked for 0) */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                admit(server.accept());
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept failed on 127.0.0.1:" + port() + ": " + e.getMessage());
                }
            }
        }
    }

    private void admit(Socket socket) throws IOException {
        if (!LoopbackPeers.isLoopback(socket.getRemoteSocketAddress())) {
            LoopbackPeers.logRefused(LOG, socket.getRemoteSocketAddress());
            socket.close();
            return;
        }
        if (connections.size() >= config.maxConnections()) {
            LOG.log(Level.WARNING, "Refused connection from " + socket.getRemoteSocketAddress()
                    + ": already " + config.maxConnections() + " connections open");
            socket.close();
            return;
        }
        socket.setTcpNoDelay(true);
        connections.add(socket);
        TcpConnection connection = new TcpConnection(socket, handler, config.maxFrameBytes());
        Thread.ofVirtual().name("tcp-api-" + socket.getRemoteSocketAddress()).start(() -> {
            try {
                connection.run();
            } finally {
                connections.remove(socket);
            }
        });
        if (closed) {
            socket.close();
        }
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the listener: " + e.getMessage());
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a connection: " + e.getMessage());
            }
        }
    }
}
