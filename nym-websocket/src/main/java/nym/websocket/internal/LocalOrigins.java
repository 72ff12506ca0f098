package nym.websocket.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which web pages may open the WebSocket. A browser connects from the loopback address whatever
 * page asked it to, so the peer check alone would let any web site the user visits read the
 * client's messages, send as it, and learn its address (cross-site WebSocket hijacking). A browser
 * names the page in the handshake's {@code Origin} header, which a page cannot change.
 *
 * <p>Allowed: no {@code Origin} at all (not a browser: a program, a script, an Electron main
 * process), an http or https page served from this machine ({@code localhost}, 127.0.0.0/8,
 * {@code [::1]}, any port), the {@code file://} origin Electron gives its local pages, and the
 * origins the user lists. Refused by default: every other site, and {@code null}, which browsers
 * send for a file opened from disk but also for a sandboxed frame of any site.
 */
public final class LocalOrigins {
    private LocalOrigins() {}

    /**
     * @param origin the handshake's {@code Origin} value, or null if it had none
     * @param alsoAllowed origins allowed besides the local ones, compared exactly
     *     (case-insensitively)
     */
    public static boolean isAllowed(String origin, List<String> alsoAllowed) {
        if (origin == null) {
            return true;
        }
        String value = origin.strip();
        for (String allowed : alsoAllowed) {
            if (allowed.equalsIgnoreCase(value)) {
                return true;
            }
        }
        if (value.equalsIgnoreCase("file://")) {
            return true;
        }
        return isLocalPage(value);
    }

    private static boolean isLocalPage(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.startsWith("[")) {
            try {
                // Bracketed, so InetAddress parses it as an IPv6 literal or refuses it: never a lookup.
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false; // a name other than localhost (never looked up), or not 127.0.0.0/8
        }
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
