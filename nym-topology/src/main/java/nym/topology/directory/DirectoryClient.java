package nym.topology.directory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import nym.topology.internal.Text;
import nym.topology.MixNodeInfo;
import nym.topology.ProviderInfo;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.topology.TopologyException.Reason;
import nym.topology.internal.json.JsonCodec;

/**
 * Calls a directory's HTTP API (see {@code docs/directory.md}) with {@code java.net.http}.
 *
 * <p>Guarantees: every call ends within the timeout (connect, and the whole exchange) or throws
 * {@code UNREACHABLE}; a refusal is {@code REJECTED} with the directory's reason; an answer that is
 * not the promised document is {@code BAD_RESPONSE}; answers larger than
 * {@link #MAX_RESPONSE_BYTES} are refused. Malformed entries in a topology are skipped and counted
 * ({@link Topology#skippedEntries()}), so one bad node cannot break a client. No authentication,
 * no retries. Thread-safe.
 */
public final class DirectoryClient implements AutoCloseable {
    /** Ends body reads that outlive the timeout (one daemon thread for every client). */
    private static final ScheduledExecutorService BODY_DEADLINES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("directory-client-deadlines").factory());

    /** Connect and request timeout unless another is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** The largest answer read: 16 MiB, room for the 10,000 nodes a directory holds by default. */
    public static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    private static final String JSON = "application/json";

    private final URI baseUri;
    private final Duration timeout;
    private final HttpClient http;

    private DirectoryClient(URI baseUri, Duration timeout) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return a client of the directory at {@code baseUri} with {@link #DEFAULT_TIMEOUT} */
    public static DirectoryClient create(URI baseUri) {
        return create(baseUri, DEFAULT_TIMEOUT);
    }

    /**
     * @param baseUri the directory's root, e.g. {@code http://127.0.0.1:8080}, not null; the API's
     *     absolute paths are resolved against it
     * @param timeout for connecting and for each whole request, positive
     * @throws IllegalArgumentException if {@code baseUri} is not an http(s) URI or the timeout is not positive
     */
    public static DirectoryClient create(URI baseUri, Duration timeout) {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(timeout, "timeout");
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("directory URI must be http or https, got " + baseUri);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return new DirectoryClient(baseUri, timeout);
    }

    /** @return the directory's root */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * @return the current topology, without malformed entries
     * @throws TopologyException {@code UNREACHABLE}, {@code REJECTED} or {@code BAD_RESPONSE}
     */
    public Topology fetchTopology() throws TopologyException {
        return parseResponse(JsonCodec::readTopology, get("/api/presence/topology"));
    }

    /**
     * Announces (or refreshes) a mix node; its {@code lastSeenNanos} is not sent.
     *
     * @throws TopologyException {@code UNREACHABLE} or {@code REJECTED}
     */
    public void registerMixNode(MixNodeInfo node) throws TopologyException {
        post("/api/presence/mixnodes", JsonCodec.writeMixNode(node));
    }

    /**
     * Announces (or refreshes) a provider and its registered clients; its {@code lastSeenNanos} is not sent.
     *
     * @throws TopologyException {@code UNREACHABLE} or {@code REJECTED}
     */
    public void registerProvider(ProviderInfo provider) throws TopologyException {
        post("/api/presence/mixproviders", JsonCodec.writeProvider(provider));
    }

    /** @throws TopologyException {@code UNREACHABLE} or {@code REJECTED} */
    public void reportMetrics(MixMetricsReport report) throws TopologyException {
        post("/api/metrics/mixes", JsonCodec.writeMetricsReport(report));
    }

    /**
     * @return the latest live report of each mix node, without malformed entries
     * @throws TopologyException {@code UNREACHABLE}, {@code REJECTED} or {@code BAD_RESPONSE}
     */
    public List<MixMetricsEntry> fetchMetrics() throws TopologyException {
        return parseResponse(JsonCodec::readMetrics, get("/api/metrics/mixes"));
    }

    /** Releases the HTTP client's resources. */
    @Override
    public void close() {
        http.close();
    }

    private byte[] get(String path) throws TopologyException {
        return send(request(path).GET().build());
    }

    private void post(String path, byte[] json) throws TopologyException {
        send(request(path).header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(timeout).header("Accept", JSON);
    }

    private byte[] send(HttpRequest request) throws TopologyException {
        String what = request.method() + " " + request.uri();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                // The request timeout covers only the wait for the headers: closing the stream at the
                // deadline ends a body that trickles in too slowly.
                ScheduledFuture<?> deadline = BODY_DEADLINES.schedule(() -> closeQuietly(in), timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
                try {
                    body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                } finally {
                    deadline.cancel(false);
                }
            }
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new TopologyException(Reason.BAD_RESPONSE,
                        what + ": answer larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                String reason = JsonCodec.readError(body);
                throw new TopologyException(Reason.REJECTED, what + ": status " + status
                        + (reason == null ? "" : ": " + Text.printable(reason, 200)));
            }
            return body;
        } catch (IOException e) {
            throw new TopologyException(Reason.UNREACHABLE, what + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopologyException(Reason.UNREACHABLE, what + ": interrupted", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing is how the read is ended; nothing more to do.
        }
    }

    private static <T> T parseResponse(ResponseParser<T> parser, byte[] body) throws TopologyException {
        try {
            return parser.parse(body);
        } catch (TopologyException e) {
            throw new TopologyException(Reason.BAD_RESPONSE, "directory answered: " + e.getMessage(), e);
        }
    }


    /** Parses an answer, or fails with a checked exception. */
    @FunctionalInterface
    private interface ResponseParser<T> {
        T parse(byte[] body) throws TopologyException;
    }
}
