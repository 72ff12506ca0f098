package nym.topology.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import nym.topology.TopologyException;

/** A directory that sends its headers and then trickles its body cannot hold a client past its timeout. */
class SlowDirectoryTest {
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // without the deadline the read would block forever
    void aTricklingBodyEndsAtTheTimeout() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    done.await(); // never sends the rest
                } catch (Exception e) {
                    // The client gave up and closed the connection.
                }
            });
            try (DirectoryClient client = DirectoryClient.create(
                    URI.create("http://127.0.0.1:" + server.getLocalPort()), Duration.ofMillis(500))) {
                TopologyException e = assertThrows(TopologyException.class, client::fetchTopology);
                assertEquals(TopologyException.Reason.UNREACHABLE, e.reason());
            } finally {
                done.countDown();
            }
        }
    }
}
