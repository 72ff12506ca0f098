package nym.cli.wiring;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free loopback ports for the nodes of one testnet, each handed out once. A port is found by binding
 * port 0 and closing the socket, and the OS may offer the same port again at the next probe: two
 * nodes (or a provider's two listeners) were once given one port.
 */
public final class DistinctFreePorts {
    private static final int ATTEMPTS = 100;

    /** Where candidate ports come from. */
    @FunctionalInterface
    interface Probe {
        int freePort() throws IOException;
    }

    private final Probe probe;
    private final Set<Integer> given = new HashSet<>();

    /** Ports from the OS, on the loopback address. */
    public DistinctFreePorts() {
        this(DistinctFreePorts::loopbackPort);
    }

    DistinctFreePorts(Probe probe) {
        this.probe = probe;
    }

    /** @return a free port not handed out before by this instance */
    public synchronized int next() throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe.freePort();
            if (given.add(port)) {
                return port;
            }
        }
        throw new IOException("no free port that was not already given out after " + ATTEMPTS + " tries");
    }

    private static int loopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
