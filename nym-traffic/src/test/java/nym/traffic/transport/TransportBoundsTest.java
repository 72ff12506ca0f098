package nym.traffic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import nym.sphinx.SphinxGeometry;
import nym.traffic.Await;

/** The caps that keep a node's connections bounded whatever its peers do. */
class TransportBoundsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aSenderOpensAtMostMaxNextHopsConnections() throws Exception {
        PacketSender.Config config = new PacketSender.Config(10, Duration.ofMillis(200), Duration.ofMillis(200), 2);
        try (PacketSender sender = PacketSender.create(config)) {
            assertTrue(sender.send(new InetSocketAddress(LOOPBACK, 9), PacketFramesTest.randomPacket(1)));
            assertTrue(sender.send(new InetSocketAddress(LOOPBACK, 10), PacketFramesTest.randomPacket(2)));
            assertTrue(sender.send(new InetSocketAddress(LOOPBACK, 9), PacketFramesTest.randomPacket(3)),
                    "a known next hop is still served");
            assertFalse(sender.send(new InetSocketAddress(LOOPBACK, 11), PacketFramesTest.randomPacket(4)));
            assertEquals(1, sender.droppedTooManyNextHops());
        }
    }

    @Test
    void aListenerServesAtMostMaxConnectionsAtOnce() throws Exception {
        try (PacketListener listener = PacketListener.start(new InetSocketAddress(LOOPBACK, 0), SphinxGeometry.DEFAULT,
                (packet, from) -> { }, 1);
                Socket first = new Socket(LOOPBACK, listener.localAddress().getPort())) {
            Await.until("the first connection to be served", Duration.ofSeconds(10),
                    () -> listener.openConnections() == 1);
            try (Socket second = new Socket(LOOPBACK, listener.localAddress().getPort())) {
                second.setSoTimeout(10_000);
                assertEquals(-1, second.getInputStream().read(), "the second connection is closed at once");
            }
            assertEquals(1, listener.refusedConnections());
            assertTrue(first.isConnected());
        }
    }

    @Test
    void oneAddressGetsAtMostItsShareOfConnections() throws Exception {
        try (PacketListener listener = PacketListener.start(new InetSocketAddress(LOOPBACK, 0), SphinxGeometry.DEFAULT,
                (packet, from) -> { })) {
            java.util.List<Socket> sockets = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < PacketListener.MAX_CONNECTIONS_PER_PEER; i++) {
                    sockets.add(new Socket(LOOPBACK, listener.localAddress().getPort()));
                }
                Await.until("every allowed connection to be served", Duration.ofSeconds(10),
                        () -> listener.openConnections() == PacketListener.MAX_CONNECTIONS_PER_PEER);
                try (Socket oneMore = new Socket(LOOPBACK, listener.localAddress().getPort())) {
                    oneMore.setSoTimeout(10_000);
                    assertEquals(-1, oneMore.getInputStream().read(), "over the share: closed at once");
                }
                assertEquals(1, listener.refusedConnections());
                sockets.remove(0).close();
                Await.until("a slot to free up", Duration.ofSeconds(10),
                        () -> listener.openConnections() == PacketListener.MAX_CONNECTIONS_PER_PEER - 1);
                sockets.add(new Socket(LOOPBACK, listener.localAddress().getPort()));
                Await.until("the freed slot to be used", Duration.ofSeconds(10),
                        () -> listener.openConnections() == PacketListener.MAX_CONNECTIONS_PER_PEER);
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
