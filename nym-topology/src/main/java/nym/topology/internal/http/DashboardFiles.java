package nym.topology.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard page the directory serves at {@code /}: an HTML page, its script and its style, read
 * once from this module's resources. The script reads the directory's own JSON API in the browser,
 * so the page needs nothing the API does not already give.
 */
final class DashboardFiles {
    /** The page's files by path, each with its media type. */
    static final Map<String, Reply> FILES = Map.of(
            "/", file("dashboard.html", "text/html; charset=utf-8"),
            "/dashboard.js", file("dashboard.js", "text/javascript; charset=utf-8"),
            "/dashboard.css", file("dashboard.css", "text/css; charset=utf-8"));

    /**
     * Scripts from the directory itself only, no inline code, no framing by other sites: the page
     * shows hosts, keys and versions that anyone can register, so nothing of it may run as code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private DashboardFiles() {}

    private static Reply file(String name, String contentType) {
        try (InputStream in = DashboardFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("BUG: dashboard file " + name + " missing from the module");
            }
            return new Reply(Reply.OK, in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("BUG: cannot read dashboard file " + name, e);
        }
    }
}
