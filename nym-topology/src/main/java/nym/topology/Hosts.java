package nym.topology;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one syntax the directory accepts for a node's address: an IP literal and a port,
 * {@code "a.b.c.d:port"} or {@code "[v6]:port"}, port 1 to 65535. Names are refused, so checking a
 * host never resolves anything over DNS.
 */
public final class Hosts {
    private static final int MAX_PORT = 65_535;
    private static final int MAX_LENGTH = 64;

    private Hosts() {}

    /**
     * @param host text to check, may be null
     * @return whether {@code host} is an {@code "ip:port"} address as described above
     */
    public static boolean isIpPort(String host) {
        if (host == null || host.length() > MAX_LENGTH) {
            return false;
        }
        int colon = host.lastIndexOf(':');
        if (colon < 0 || !isPort(host.substring(colon + 1))) {
            return false;
        }
        String ip = host.substring(0, colon);
        if (ip.startsWith("[") && ip.endsWith("]")) {
            return isIpv6(ip.substring(1, ip.length() - 1));
        }
        return isIpv4(ip);
    }

    private static boolean isPort(String text) {
        if (text.isEmpty() || text.length() > 5 || !allDigits(text)) {
            return false;
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= MAX_PORT;
    }

    private static boolean isIpv4(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !allDigits(part) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String ip) {
        if (ip.indexOf(':') < 0 || !ip.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        try {
            // A string with a ':' is parsed as an IPv6 literal and never looked up.
            InetAddress.getByName(ip);
            return true;
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }

    private static boolean allDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
