package nym.topology.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import nym.topology.internal.Text;
import java.util.TreeMap;
import nym.topology.TopologyException;
import nym.topology.directory.PresenceRegistry;
import nym.topology.internal.json.JsonCodec;

/**
 * Serves every path of the directory's API from a {@link PresenceRegistry}, and the dashboard page
 * ({@link DashboardFiles}) at {@code /}. Bad requests get a 4xx
 * with {@code {"error": one line}}; a bug gets a 500 of the same shape and a log line; the server
 * keeps serving either way. Bodies larger than the cap are refused from their {@code Content-Length}
 * without being read, or after reading one byte past the cap when the length is not declared.
 */
public final class DirectoryHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(DirectoryHandler.class.getName());
    private static final String GET = "GET";
    private static final String POST = "POST";

    private final int maxBodyBytes;
    private final Map<String, Map<String, Endpoint>> routes;

    /** @param registry the store behind the API; its config gives the body cap */
    public DirectoryHandler(PresenceRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        this.maxBodyBytes = registry.config().maxBodyBytes();
        Map<String, Map<String, Endpoint>> api = Map.of(
                "/api/presence/topology", Map.of(GET, body -> Reply.ok(registry.encodedTopology(JsonCodec::writeTopology))),
                "/api/presence/mixnodes", Map.of(POST, body -> {
                    registry.registerMixNode(JsonCodec.readMixNode(body));
                    return Reply.noContent();
                }),
                "/api/presence/mixproviders", Map.of(POST, body -> {
                    registry.registerProvider(JsonCodec.readProvider(body));
                    return Reply.noContent();
                }),
                "/api/metrics/mixes", Map.of(
                        GET, body -> Reply.ok(JsonCodec.writeMetrics(registry.metrics())),
                        POST, body -> {
                            registry.reportMetrics(JsonCodec.readMetricsReport(body));
                            return Reply.noContent();
                        }));
        Map<String, Map<String, Endpoint>> all = new HashMap<>(api);
        DashboardFiles.FILES.forEach((path, file) -> all.put(path, Map.of(GET, body -> file)));
        this.routes = Map.copyOf(all);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = dispatch(exchange);
            } catch (TopologyException e) {
                LOG.log(Level.DEBUG, () -> "directory: refused " + describe(exchange) + ": " + e.getMessage());
                reply = error(HttpStatus.of(e.reason()), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "directory: BUG: failed on " + describe(exchange), e);
                reply = error(HttpStatus.INTERNAL_ERROR, "topology: internal error");
            }
            send(exchange, reply);
        }
    }

    private Reply dispatch(HttpExchange exchange) throws TopologyException, IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, Endpoint> methods = routes.get(path);
        if (methods == null) {
            return error(HttpStatus.NOT_FOUND, "topology: unknown path " + Text.printable(path, 80));
        }
        String method = exchange.getRequestMethod();
        Endpoint endpoint = methods.get(method);
        if (endpoint == null) {
            String allowed = String.join(", ", new TreeMap<>(methods).keySet());
            exchange.getResponseHeaders().set("Allow", allowed);
            return error(HttpStatus.METHOD_NOT_ALLOWED, "topology: method " + Text.printable(method, 80) + " not allowed on " + Text.printable(path, 80)
                    + ", use " + allowed);
        }
        byte[] body = POST.equals(method) ? readBody(exchange) : new byte[0];
        return endpoint.handle(body);
    }

    private byte[] readBody(HttpExchange exchange) throws TopologyException, IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declaredLength(declared) > maxBodyBytes) {
            throw tooLarge(exchange);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge(exchange);
            }
            return body;
        }
    }

    private TopologyException tooLarge(HttpExchange exchange) {
        // The rest of the body stays unread: close the connection rather than reuse it.
        exchange.getResponseHeaders().set("Connection", "close");
        return new TopologyException(TopologyException.Reason.TOO_LARGE,
                "body larger than " + maxBodyBytes + " bytes");
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException unparseable) {
            return -1; // the bounded read still applies
        }
    }

    private static Reply error(int status, String reason) {
        return new Reply(status, JsonCodec.writeError(reason));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (!Reply.JSON.equals(reply.contentType())) {
            exchange.getResponseHeaders().set("Content-Security-Policy", DashboardFiles.CONTENT_SECURITY_POLICY);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        // Closing the body stream flushes the answer before the exchange drains an unread request.
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    private static String describe(HttpExchange exchange) {
        return Text.printable(exchange.getRequestMethod(), 80) + " " + Text.printable(exchange.getRequestURI().getPath(), 80);
    }

}
