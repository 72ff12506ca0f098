package nym.traffic.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import nym.sphinx.route.NodeAddress;

class NodeAddressesTest {
    @Test
    void ipv4AndIpv6RoundTrip() throws Exception {
        for (InetSocketAddress address : new InetSocketAddress[] {
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 1789),
                new InetSocketAddress(InetAddress.getByName("::1"), 65_535),
                new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 1)}) {
            assertEquals(address, NodeAddresses.decode(NodeAddresses.encode(address)));
            assertEquals(address, NodeAddresses.parseHost(NodeAddresses.formatHost(address)));
        }
    }

    @Test
    void theEncodingIsFixed() throws Exception {
        byte[] bytes = NodeAddresses.encode(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0x1234))
                .toByteArray();
        assertEquals(4, bytes[0]);
        assertEquals(127, bytes[1]);
        assertEquals(1, bytes[4]);
        assertEquals(0x12, bytes[5]);
        assertEquals(0x34, bytes[6]);
    }

    @Test
    void malformedAddressesAreRefused() throws Exception {
        byte[] unknownKind = new byte[NodeAddress.LENGTH];
        unknownKind[0] = 5;
        byte[] trailing = NodeAddresses.encode(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80))
                .toByteArray();
        trailing[31] = 1;
        byte[] portZero = new byte[NodeAddress.LENGTH];
        portZero[0] = 4;
        for (byte[] bad : new byte[][] {unknownKind, trailing, portZero}) {
            TransportException e = assertThrows(TransportException.class,
                    () -> NodeAddresses.decode(NodeAddress.fromBytes(bad)));
            assertEquals(TransportException.Reason.BAD_ADDRESS, e.reason());
        }
        for (String host : new String[] {"localhost:80", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", ":80", "a:b"}) {
            assertThrows(TransportException.class, () -> NodeAddresses.parseHost(host), host);
        }
    }
}
