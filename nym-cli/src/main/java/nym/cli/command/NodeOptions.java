package nym.cli.command;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;

import nym.cli.config.ConfigException;
import nym.topology.Hosts;
import nym.topology.Layer;
import nym.traffic.transport.NodeAddresses;
import nym.traffic.transport.TransportException;

/** Checks of the options and config values nodes and clients share, each failing with one line. */
final class NodeOptions {
    private NodeOptions() {}

    /** @param what where the layer came from, for the error: {@code --layer} or the config key */
    static void checkLayer(String what, int layer) throws ConfigException {
        if (!Layer.isValid(layer)) {
            throw new ConfigException(what + " must be 1, 2 or 3, got " + layer);
        }
    }

    /** @param what where the port came from, for the error: an option or a config key */
    static void checkPort(String what, int port) throws ConfigException {
        if (port < 0 || port > 65_535) {
            throw new ConfigException(what + " must be 0 to 65535, got " + port);
        }
    }

    /**
     * Refuses an unspecified address (0.0.0.0, ::) where a node announces what it is given: others
     * would be told to connect to it.
     *
     * @param what the options that set it, for the error
     * @param hostPort {@link #hostPort}'s result for {@code host}
     */
    static void checkAnnounceable(String what, String host, String hostPort) throws ConfigException {
        InetSocketAddress address;
        try {
            address = socketAddress(what, hostPort);
        } catch (ConfigException notAnIpAddress) {
            return; // reported where the address is used
        }
        if (address.getAddress().isAnyLocalAddress()) {
            throw new ConfigException(what + " " + host + " is announced to others, who cannot connect to it;"
                    + " give this node's own IP address");
        }
    }

    static String hostPort(String host, int port) throws ConfigException {
        checkPort("port", port);
        String ip = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String hostPort = ip + ":" + port;
        if (port != 0 && !Hosts.isIpPort(hostPort)) {
            throw new ConfigException("not an IP address: " + host);
        }
        return hostPort;
    }

    /** Parses "ip:port" from a config file; port 0 means "any free port". */
    static InetSocketAddress socketAddress(String what, String hostPort) throws ConfigException {
        int colon = hostPort.lastIndexOf(':');
        boolean anyPort = colon > 0 && hostPort.substring(colon + 1).equals("0");
        try {
            InetSocketAddress parsed = NodeAddresses.parseHost(anyPort ? hostPort.substring(0, colon) + ":1" : hostPort);
            return anyPort ? new InetSocketAddress(parsed.getAddress(), 0) : parsed;
        } catch (TransportException e) {
            throw new ConfigException(what + ": " + e.getMessage().replaceFirst("^transport: ", ""));
        }
    }

    /** Starts a server. */
    @FunctionalInterface
    interface Binding<T> {
        T start() throws IOException;
    }

    /**
     * Runs {@code binding}, turning "address in use" into one line that names the address.
     *
     * @param portSetBy the option or config key the port came from
     */
    static <T> T bind(String address, String portSetBy, Binding<T> binding) throws IOException, ConfigException {
        try {
            return binding.start();
        } catch (BindException e) {
            throw cannotListen(address, e, portSetBy);
        }
    }

    /**
     * @param address the address that could not be bound, {@code ip:port}
     * @param portSetBy the option or config key the port came from
     * @return the one line for a listener that cannot bind: the address, why, and what to change
     */
    static ConfigException cannotListen(String address, BindException e, String portSetBy) {
        // EADDRINUSE is the port's fault; anything else (EADDRNOTAVAIL: "Cannot assign requested
        // address") is the host's, and another port would not help.
        String advice = String.valueOf(e.getMessage()).contains("already in use")
                ? "choose another " + portSetBy
                : "the host must be an address of this machine";
        return new ConfigException("cannot listen on " + address + ": " + e.getMessage() + " (" + advice + ")");
    }

    static URI checkDirectory(String url) throws ConfigException {
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException("bad directory URL '" + url + "': " + e.getMessage());
        }
    }
}
