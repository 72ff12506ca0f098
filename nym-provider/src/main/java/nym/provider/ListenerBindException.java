package nym.provider;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One of a provider's two listeners could not bind its address (most often: the port is taken).
 * Says which one and the address, so that an operator is told the port to change, not both.
 */
public final class ListenerBindException extends BindException {
    private static final long serialVersionUID = 1L;

    /** A provider's listeners. */
    public enum Listener {
        /** Packets from mix nodes ({@link ProviderConfig#mixListen()}). */
        MIX,
        /** Client registration and pulls ({@link ProviderConfig#clientListen()}). */
        CLIENT,
    }

    private final Listener listener;
    private final InetSocketAddress address;

    /** @param cause the bind failure; its message is this exception's */
    ListenerBindException(Listener listener, InetSocketAddress address, BindException cause) {
        super(cause.getMessage());
        initCause(cause);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.address = Objects.requireNonNull(address, "address");
    }

    /** @return the listener that could not bind */
    public Listener listener() {
        return listener;
    }

    /** @return the address it was to bind */
    public InetSocketAddress address() {
        return address;
    }
}
