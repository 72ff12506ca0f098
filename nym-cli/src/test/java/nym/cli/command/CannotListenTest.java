package nym.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** The one line for a listener that cannot bind names what to change: the port, or the host. */
class CannotListenTest {
    @Test
    void aPortInUseAsksForAnotherPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BindException e = bindFailure(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort()));
            assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use (choose another --port)",
                    NodeOptions.cannotListen("127.0.0.1:" + taken.getLocalPort(), e, "--port").getMessage());
        }
    }

    @Test
    void aHostThatIsNotThisMachinesDoesNotAskForAnotherPort() throws IOException {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
        BindException e = bindFailure(new InetSocketAddress("192.0.2.1", 0));
        assertEquals("cannot listen on 192.0.2.1:1789: " + e.getMessage() + " (the host must be an address of this machine)",
                NodeOptions.cannotListen("192.0.2.1:1789", e, "--port").getMessage());
    }

    private static BindException bindFailure(InetSocketAddress address) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
        } catch (BindException e) {
            return e;
        }
        throw new AssertionError("bound " + address);
    }
}
