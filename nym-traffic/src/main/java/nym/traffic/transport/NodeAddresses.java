package nym.traffic.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import nym.crypto.ConstantTime;
import nym.sphinx.SphinxException;
import nym.sphinx.route.NodeAddress;

/**
 * The mapping between a node's TCP socket address and the 32-byte {@link NodeAddress} written into
 * Sphinx headers: {@code 4} ‖ IPv4 (4) ‖ port (2, big-endian) ‖ zeros, or {@code 6} ‖ IPv6 (16) ‖
 * port ‖ zeros. Unused bytes must be zero, so every address has exactly one encoding.
 */
public final class NodeAddresses {
    private static final byte IPV4 = 4;
    private static final byte IPV6 = 6;
    private static final int PORT_LENGTH = 2;

    private NodeAddresses() {}

    /**
     * @param address a resolved IP socket address
     * @return its node address
     * @throws IllegalArgumentException if the address is unresolved
     */
    public static NodeAddress encode(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        byte[] ip = address.getAddress().getAddress();
        byte[] out = new byte[NodeAddress.LENGTH];
        out[0] = ip.length == 4 ? IPV4 : IPV6;
        System.arraycopy(ip, 0, out, 1, ip.length);
        out[1 + ip.length] = (byte) (address.getPort() >>> 8);
        out[2 + ip.length] = (byte) address.getPort();
        try {
            return NodeAddress.fromBytes(out);
        } catch (SphinxException e) {
            throw new IllegalStateException("BUG: encoded node address has the wrong length", e);
        }
    }

    /**
     * @param address a node address read from a header
     * @return the socket address it names
     * @throws TransportException with {@code BAD_ADDRESS} if it is not a valid encoding
     */
    public static InetSocketAddress decode(NodeAddress address) throws TransportException {
        byte[] bytes = address.toByteArray();
        int ipLength = switch (bytes[0]) {
            case IPV4 -> 4;
            case IPV6 -> 16;
            default -> throw new TransportException(TransportException.Reason.BAD_ADDRESS,
                    "node address of unknown kind " + (bytes[0] & 0xFF));
        };
        int used = 1 + ipLength + PORT_LENGTH;
        if (!ConstantTime.allZero(bytes, used, bytes.length - used)) {
            throw new TransportException(TransportException.Reason.BAD_ADDRESS, "node address has trailing bytes");
        }
        int port = ((bytes[1 + ipLength] & 0xFF) << 8) | (bytes[2 + ipLength] & 0xFF);
        if (port == 0) {
            throw new TransportException(TransportException.Reason.BAD_ADDRESS, "node address has port 0");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 1, 1 + ipLength)), port);
        } catch (UnknownHostException e) {
            throw new TransportException(TransportException.Reason.BAD_ADDRESS, "bad IP in node address");
        }
    }

    /**
     * @param hostAndPort "ip:port" as the directory publishes it ("[v6]:port" for IPv6)
     * @return the socket address
     * @throws TransportException with {@code BAD_ADDRESS} if it is not a literal IP and port
     */
    public static InetSocketAddress parseHost(String hostAndPort) throws TransportException {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new TransportException(TransportException.Reason.BAD_ADDRESS, "expected ip:port, got " + hostAndPort);
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new TransportException(TransportException.Reason.BAD_ADDRESS, "not a literal IP: " + hostAndPort);
        }
        try {
            int port = Integer.parseInt(hostAndPort.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (NumberFormatException | UnknownHostException e) {
            throw new TransportException(TransportException.Reason.BAD_ADDRESS, "bad ip:port " + hostAndPort);
        }
    }

    /** @return "ip:port" ("[v6]:port" for IPv6), the directory's form */
    public static String formatHost(InetSocketAddress address) {
        String ip = address.getAddress().getHostAddress();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }
}
