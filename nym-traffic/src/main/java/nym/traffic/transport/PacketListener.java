package nym.traffic.transport;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;

/**
 * Accepts TCP connections and reads {@link PacketFrames} from each, on one virtual thread per
 * connection, handing every packet to a {@link PacketHandler}. A malformed frame closes that
 * connection with one log line; every other connection keeps being served.
 *
 * <p>Thread-safe. {@link #close()} stops accepting and closes every open connection.
 */
public final class PacketListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PacketListener.class.getName());
    /** Connections served at once by default: every node of a large network, with room to spare. */
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;
    /**
     * Connections served at once from one IP address: an honest node keeps one per next hop, so one
     * host cannot take every slot.
     */
    public static final int MAX_CONNECTIONS_PER_PEER = 64;

    private final ServerSocket server;
    private final SphinxGeometry geometry;
    private final PacketHandler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perPeer = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final int maxConnections;
    private final Thread acceptor;
    private volatile boolean closed;

    private PacketListener(ServerSocket server, SphinxGeometry geometry, PacketHandler handler, int maxConnections) {
        this.maxConnections = maxConnections;
        this.server = server;
        this.geometry = geometry;
        this.handler = handler;
        this.acceptor = Thread.ofVirtual().name("packet-accept-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /**
     * Binds {@code bind} (port 0 picks a free port) and starts accepting.
     *
     * @throws IOException if the address cannot be bound
     */
    public static PacketListener start(InetSocketAddress bind, SphinxGeometry geometry, PacketHandler handler)
            throws IOException {
        return start(bind, geometry, handler, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * Binds {@code bind} and starts accepting at most {@code maxConnections} connections at once;
     * more are closed as they arrive and counted ({@link #refusedConnections()}).
     *
     * @throws IOException if the address cannot be bound
     */
    public static PacketListener start(InetSocketAddress bind, SphinxGeometry geometry, PacketHandler handler,
            int maxConnections) throws IOException {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(handler, "handler");
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind);
        return new PacketListener(server, geometry, handler, maxConnections);
    }

    /** @return the bound address, with the real port */
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** @return packets read so far */
    public long received() {
        return received.get();
    }

    /** @return connections closed because of a malformed frame */
    public long badFrames() {
        return badFrames.get();
    }

    /** Counts one more connection from {@code peer}; @return false if it already has its share */
    private boolean reservePeerSlot(InetAddress peer) {
        boolean[] reserved = {false};
        perPeer.compute(peer, (address, count) -> {
            int current = count == null ? 0 : count;
            if (current >= MAX_CONNECTIONS_PER_PEER) {
                return count;
            }
            reserved[0] = true;
            return current + 1;
        });
        return reserved[0];
    }

    /** @return connections closed on arrival because {@code maxConnections} were open, or their peer's share */
    public long refusedConnections() {
        return refused.get();
    }

    /** @return connections open now */
    public int openConnections() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                InetAddress peer = socket.getInetAddress();
                if (connections.size() >= maxConnections || !reservePeerSlot(peer)) {
                    refused.incrementAndGet();
                    socket.close();
                    continue;
                }
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread.ofVirtual().name("packet-read-" + socket.getRemoteSocketAddress()).start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accept failed on " + localAddress() + ": " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        InetSocketAddress peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        try (socket; DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()))) {
            SphinxPacket packet;
            while ((packet = PacketFrames.read(in, geometry)) != null) {
                received.incrementAndGet();
                handler.onPacket(packet, peer);
            }
        } catch (TransportException e) {
            badFrames.incrementAndGet();
            LOG.log(Level.WARNING, "closing connection from " + peer + ": " + e.getMessage());
        } catch (SocketException e) {
            // The peer or close() ended the connection.
        } catch (IOException e) {
            LOG.log(Level.INFO, "connection from " + peer + " failed: " + e.getMessage());
        } finally {
            connections.remove(socket);
            perPeer.computeIfPresent(socket.getInetAddress(), (address, count) -> count > 1 ? count - 1 : null);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing server socket: " + e.getMessage());
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing connection: " + e.getMessage());
            }
        }
        acceptor.interrupt();
    }
}
