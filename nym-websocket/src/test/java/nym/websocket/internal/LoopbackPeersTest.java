package nym.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class LoopbackPeersTest {
    private static InetSocketAddress peer(String ip) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(ip), 50_000);
    }

    @Test
    void acceptsLoopbackPeers() throws UnknownHostException {
        assertTrue(LoopbackPeers.isLoopback(peer("127.0.0.1")));
        assertTrue(LoopbackPeers.isLoopback(peer("127.1.2.3")));
        assertTrue(LoopbackPeers.isLoopback(peer("::1")));
        assertTrue(LoopbackPeers.isLoopback(peer("::ffff:127.0.0.1")));
    }

    @Test
    void refusesEveryOtherPeer() throws UnknownHostException {
        assertFalse(LoopbackPeers.isLoopback(peer("10.0.0.1")));
        assertFalse(LoopbackPeers.isLoopback(peer("192.168.1.10")));
        assertFalse(LoopbackPeers.isLoopback(peer("0.0.0.0")));
        assertFalse(LoopbackPeers.isLoopback(peer("::ffff:10.0.0.1")));
        assertFalse(LoopbackPeers.isLoopback(peer("fe80::1")));
        assertFalse(LoopbackPeers.isLoopback(InetSocketAddress.createUnresolved("localhost", 1)));
        assertFalse(LoopbackPeers.isLoopback(null));
    }
}
