package nym.provider.internal.protocol;

/**
 * The frames of the client-provider protocol: a type (u8) and a body, sealed one by one by the
 * {@link SecureChannel}, which refuses a frame over its reader's cap before reading it.
 */
public final class ClientFrames {
    /** The longest request (type ‖ body) a provider accepts. */
    public static final int MAX_REQUEST_LENGTH = 64 * 1024;
    /** The longest response (type ‖ body) a client accepts. */
    public static final int MAX_RESPONSE_LENGTH = 16 * 1024 * 1024;

    private ClientFrames() {}

    /**
     * One frame.
     *
     * @param type the message type
     * @param body the rest, possibly empty
     */
    public record Frame(int type, byte[] body) {}
}
