package nym.topology.directory;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nym.topology.internal.http.DirectoryHandler;

/**
 * The directory's HTTP JSON API (see {@code docs/directory.md}) on the JDK's HTTP server, one
 * virtual thread per exchange, backed by a {@link PresenceRegistry}.
 *
 * <p>Guarantees: every request gets an answer; a bad request (bad JSON, wrong type, missing field,
 * value out of range, oversized body, wrong method, unknown path) gets a 4xx with a one-line
 * {@code {"error": ...}} and leaves the server serving; memory is bounded by the registry's caps.
 * It does not authenticate nodes: anyone who can reach it can register. Bind it to loopback unless
 * the network is meant to be reachable. Thread-safe; {@link #close()} is idempotent.
 */
public final class DirectoryServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DirectoryServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final PresenceRegistry registry;

    private DirectoryServer(HttpServer server, ExecutorService executor, PresenceRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
    }

    /**
     * Starts a directory on the system clock.
     *
     * @see #start(InetSocketAddress, DirectoryConfig, InstantSource)
     */
    public static DirectoryServer start(InetSocketAddress bind, DirectoryConfig config) throws IOException {
        return start(bind, config, InstantSource.system());
    }

    /**
     * Binds, starts serving, and logs {@code directory listening on http://HOST:PORT}.
     *
     * @param bind the address to listen on, not null; port 0 picks a free port (read it back with
     *     {@link #port()})
     * @param config TTL and caps, not null
     * @param clock stamps and expires presence, not null
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static DirectoryServer start(InetSocketAddress bind, DirectoryConfig config, InstantSource clock)
            throws IOException {
        Objects.requireNonNull(bind, "bind");
        PresenceRegistry registry = new PresenceRegistry(config, clock);
        HttpServer server = HttpServer.create(bind, 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new DirectoryHandler(registry));
        server.start();
        DirectoryServer directory = new DirectoryServer(server, executor, registry);
        LOG.log(Level.INFO, "directory listening on " + directory.uri());
        return directory;
    }

    /** @return the port it listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the address it listens on, with the actual port */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return {@code http://HOST:PORT}, the base URI for a {@link DirectoryClient} */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** @return the registry it serves, for in-process readers such as a dashboard */
    public PresenceRegistry registry() {
        return registry;
    }

    /** Stops listening at once and waits for the exchanges in progress to finish. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
