package nym.websocket;

/** A request the client cannot carry out; the message is one line, shown to the application as is. */
public final class ClientPortException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line */
    public ClientPortException(String message) {
        super(message);
    }
}
