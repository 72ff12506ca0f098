package nym.websocket;

import java.util.List;

/**
 * Settings of the client's local API listener, the WebSocket ({@link WebSocketApiServer}) or the
 * TCP socket ({@link TcpApiServer}); the seed's {@code [socket]} section configures either with one
 * {@code listening_port}. Both always bind 127.0.0.1.
 *
 * <p>Immutable; the constructor validates every value.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one (see the server's {@code port()}); the
 *     client's default is {@link #DEFAULT_PORT}
 * @param maxFrameBytes most bytes of one request: the payload of one WebSocket message (a single
 *     frame or all fragments of one message), or the body of one TCP frame. Must be at least the
 *     client's {@link MixnetClientPort#maxMessageBytes()} (checked at start); the default leaves
 *     room for a 1 MiB message as JSON encoders write it (only control characters grow 6-fold)
 * @param maxConnections most connections open at once; more are refused
 * @param allowedOrigins web pages allowed to open the WebSocket besides those served from this
 *     machine (a handshake's {@code Origin}, e.g. {@code "null"} for a file opened in a browser;
 *     the TCP socket ignores it): a page of any other site is refused, since the browser would
 *     connect from the loopback address on its behalf
 */
public record WebSocketConfig(int port, int maxFrameBytes, int maxConnections, List<String> allowedOrigins) {
    /** The seed's {@code listening_port = 9001}. */
    public static final int DEFAULT_PORT = 9001;
    /** 4 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
    /** Smallest accepted {@link #maxFrameBytes}: room for any request but {@code send}. */
    public static final int MIN_FRAME_BYTES = 1024;
    /** Enough for several applications; the seed recommends one per client. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

    /** @throws IllegalArgumentException if a value is out of range (the message names it) */
    public WebSocketConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("websocket: port must be 0..65535, got " + port);
        }
        if (maxFrameBytes < MIN_FRAME_BYTES) {
            throw new IllegalArgumentException("websocket: maxFrameBytes must be at least " + MIN_FRAME_BYTES + ", got " + maxFrameBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("websocket: maxConnections must be at least 1, got " + maxConnections);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        for (String origin : allowedOrigins) {
            if (origin.isBlank() || origin.strip().length() != origin.length()) {
                throw new IllegalArgumentException("websocket: an allowed origin must be a non-blank value without "
                        + "surrounding spaces, got \"" + origin + "\"");
            }
        }
    }

    /** The settings with no origins allowed beyond the pages of this machine. */
    public WebSocketConfig(int port, int maxFrameBytes, int maxConnections) {
        this(port, maxFrameBytes, maxConnections, List.of());
    }

    /** @return these settings, allowing {@code origins} as well as the pages of this machine */
    public WebSocketConfig withAllowedOrigins(List<String> origins) {
        return new WebSocketConfig(port, maxFrameBytes, maxConnections, origins);
    }

    /** @return the defaults with {@code port} (0 for any free port) */
    public static WebSocketConfig ofPort(int port) {
        return new WebSocketConfig(port, DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_CONNECTIONS);
    }

    /** @return the defaults: port 9001, 4 MiB requests, 32 connections */
    public static WebSocketConfig defaults() {
        return ofPort(DEFAULT_PORT);
    }

    void requireRoomFor(MixnetClientPort client) {
        if (client.maxMessageBytes() > maxFrameBytes) {
            throw new IllegalArgumentException("websocket: maxFrameBytes " + maxFrameBytes
                    + " is below the client's maximum message of " + client.maxMessageBytes() + " bytes");
        }
    }
}
