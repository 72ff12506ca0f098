package nym.provider;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.provider.client.Delivery;
import nym.provider.store.InboxStore;
import nym.sphinx.PacketProcessor;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxPacket;
import nym.traffic.mixnode.DropReason;
import nym.traffic.mixnode.InMemoryReplayFilter;
import nym.traffic.mixnode.ReplayFilter;
import nym.traffic.mixnode.SphinxKeys;
import nym.traffic.transport.PacketIntake;

/**
 * A store-and-forward provider: the last hop of every route. On its mix side it unwraps the final
 * Sphinx layer of each packet and stores the payload durably in the recipient's inbox (only for
 * clients registered here; others are dropped and counted). On its client side it registers
 * clients and serves pulls and acknowledgements (docs/provider.md).
 *
 * <p>Thread-safe. {@link #close()} stops both listeners; the store is the caller's to close.
 */
public final class ProviderServer implements AutoCloseable {
    /** How long a client connection may take over the channel's handshake, or over a frame once begun. */
    static final java.time.Duration STEP_DEADLINE = java.time.Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(ProviderServer.class.getName());
    /** Client connections served at once; more are closed on arrival and counted as rejected. */
    public static final int MAX_CLIENT_CONNECTIONS = 1024;
    /** A client connection that sends nothing for this long is closed. */
    public static final java.time.Duration CLIENT_IDLE_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final SphinxKeys sphinxKeys;
    private final InboxStore store;
    private final ProviderMetrics metrics = new ProviderMetrics();
    private final Thread clientAcceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final ClientRequestHandler handler;
    private final int maxMessagesPerInbox;
    private final ServerSocket clientServer;
    private final PacketIntake intake;
    private volatile boolean closed;

    private ProviderServer(ProviderConfig config, X25519PrivateKey identity, InboxStore store, SphinxKeys sphinxKeys)
            throws IOException {
        this.sphinxKeys = sphinxKeys;
        this.store = store;
        this.maxMessagesPerInbox = config.maxMessagesPerInbox();
        this.handler = new ClientRequestHandler(identity, store, metrics, config.maxClients(), STEP_DEADLINE);
        this.clientServer = new ServerSocket();
        try {
            clientServer.setReuseAddress(true);
            try {
                clientServer.bind(config.clientListen());
            } catch (BindException e) {
                throw new ListenerBindException(ListenerBindException.Listener.CLIENT, config.clientListen(), e);
            }
            try {
                this.intake = PacketIntake.start(config.mixListen(), config.geometry(), config.workerThreads(),
                        config.queueCapacity(), "provider", PacketProcessor.preferredBatchSize(), this::deliverAll);
            } catch (BindException e) {
                throw new ListenerBindException(ListenerBindException.Listener.MIX, config.mixListen(), e);
            }
        } catch (IOException | RuntimeException e) {
            clientServer.close(); // a provider that did not start holds no port
            sphinxKeys.close();
            throw e;
        }
        sphinxKeys.startChecks();
        this.clientAcceptor = Thread.ofVirtual().name("provider-clients").start(this::acceptClients);
        metrics.countIntake(intake::received, intake::droppedQueueFull);
    }

    /**
     * Starts a provider whose Sphinx key is {@code key}, keeping its state in {@code store} and its
     * replay tags in memory ({@link InMemoryReplayFilter}).
     *
     * @throws ListenerBindException if a listening address cannot be bound, naming which
     * @throws IOException if a listener cannot be opened otherwise
     */
    public static ProviderServer start(ProviderConfig config, X25519PrivateKey key, InboxStore store)
            throws IOException {
        return start(config, key, store, new InMemoryReplayFilter());
    }

    /**
     * Starts a provider whose Sphinx key is {@code key}, keeping its state in {@code store} and
     * dropping the packets {@code replayFilter} has seen (the filter is the caller's to close).
     *
     * @throws ListenerBindException if a listening address cannot be bound, naming which
     * @throws IOException if a listener cannot be opened otherwise
     */
    public static ProviderServer start(ProviderConfig config, X25519PrivateKey key, InboxStore store,
            ReplayFilter replayFilter) throws IOException {
        return start(config, key, store, SphinxKeys.fixed(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(replayFilter, "replayFilter"), config.geometry()));
    }

    /**
     * Starts a provider whose identity is {@code identity} (its clients' channel authenticates it)
     * and which unwraps packets with {@code sphinxKeys}: it starts their checks once it listens and
     * closes them when it closes (also when it cannot start).
     *
     * @throws ListenerBindException if a listening address cannot be bound, naming which
     * @throws IOException if a listener cannot be opened otherwise
     */
    public static ProviderServer start(ProviderConfig config, X25519PrivateKey identity, InboxStore store,
            SphinxKeys sphinxKeys) throws IOException {
        return new ProviderServer(Objects.requireNonNull(config, "config"), Objects.requireNonNull(identity, "identity"),
                Objects.requireNonNull(store, "store"), Objects.requireNonNull(sphinxKeys, "sphinxKeys"));
    }

    /** @return the key packets to this provider are to be built for now, the one to announce as its Sphinx key */
    public X25519PublicKey sphinxKey() {
        return sphinxKeys.publicKey();
    }

    /** @return where mix nodes deliver packets */
    public InetSocketAddress mixAddress() {
        return intake.localAddress();
    }

    /** @return where clients register and pull */
    public InetSocketAddress clientAddress() {
        return new InetSocketAddress(clientServer.getInetAddress(), clientServer.getLocalPort());
    }

    /** @return the provider's counters */
    public ProviderMetrics metrics() {
        return metrics;
    }

    /** @return malformed frames seen on the mix side */
    public long badFrames() {
        return intake.badFrames();
    }

    private void deliverAll(List<SphinxPacket> packets) {
        sphinxKeys.unwrapAll(packets, this::deliver, this::countDropped);
    }

    private void countDropped(DropReason reason) {
        switch (reason) {
            case REPLAY -> metrics.droppedReplay.increment();
            case KEY_FULL -> metrics.droppedKeyFull.increment();
            default -> metrics.droppedBadPacket.increment();
        }
    }

    private void deliver(ProcessedPacket result) {
        try {
            if (!(result instanceof ProcessedPacket.FinalHop last)) {
                metrics.droppedBadPacket.increment();
                return;
            }
            if (store.tokenOf(last.destination()).isEmpty()) {
                metrics.droppedUnknownClient.increment();
                return;
            }
            if (store.count(last.destination()) >= maxMessagesPerInbox) {
                metrics.droppedInboxFull.increment();
                return;
            }
            Delivery delivery = new Delivery(last.surbId(), last.payload().toBytes());
            // A message that is not a reply stays a bare payload, which clients of earlier versions read.
            store.store(last.destination(), delivery.isReply() ? delivery.toBytes() : delivery.payload());
            metrics.stored.increment();
        } catch (ProviderException e) {
            metrics.droppedStorageFailed.increment();
            LOG.log(Level.ERROR, "could not store a message: " + e.getMessage());
        }
    }

    private void acceptClients() {
        while (!closed) {
            try {
                Socket socket = clientServer.accept();
                if (clients.size() >= MAX_CLIENT_CONNECTIONS) {
                    metrics.rejectedRequests.increment();
                    socket.close();
                    continue;
                }
                socket.setSoTimeout((int) CLIENT_IDLE_TIMEOUT.toMillis());
                clients.add(socket);
                Thread.ofVirtual().name("provider-client").start(() -> {
                    try {
                        handler.serve(socket);
                    } finally {
                        clients.remove(socket);
                    }
                });
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accepting a client failed: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        intake.close();
        try {
            clientServer.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the client listener: " + e.getMessage());
        }
        for (Socket socket : clients) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a client connection: " + e.getMessage());
            }
        }
        clientAcceptor.interrupt();
        sphinxKeys.close();
        LOG.log(Level.INFO, "provider stopped: " + metrics);
    }
}
