package nym.websocket.internal;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The seed's rule: "the websocket will <b>only</b> accept requests from the loopback address". The
 * servers bind 127.0.0.1, so another host cannot reach them; this check is the second line, for a
 * peer that reaches the socket some other way (a forwarded or proxied connection).
 */
public final class LoopbackPeers {
    private LoopbackPeers() {}

    /** @return whether {@code peer} is a loopback address (127.0.0.0/8, ::1 or ::ffff:127.x.y.z) */
    public static boolean isLoopback(SocketAddress peer) {
        return peer instanceof InetSocketAddress address
                && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }

    /** Logs one line for a refused peer at WARNING on {@code log}. */
    public static void logRefused(System.Logger log, SocketAddress peer) {
        log.log(Level.WARNING, "Refused connection from non-loopback address " + peer);
    }
}
