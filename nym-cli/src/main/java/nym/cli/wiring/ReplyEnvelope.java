package nym.cli.wiring;

import java.util.Arrays;
import java.util.Optional;

/**
 * A message with a SURB attached, as one client sends it to another:
 * {@code 0xFF ‖ version 0x01 ‖ SURB ‖ message}. A message from the local API is UTF-8, which never
 * has the byte 0xFF, so a message without a SURB can never be read as one with.
 */
final class ReplyEnvelope {
    private static final byte MARKER = (byte) 0xFF;
    private static final byte VERSION = 0x01;
    private static final int HEADER = 2;

    /** A message and the SURB it came with. */
    record Unwrapped(byte[] surb, byte[] message) {}

    private ReplyEnvelope() {}

    static byte[] wrap(byte[] surb, byte[] message) {
        byte[] out = new byte[HEADER + surb.length + message.length];
        out[0] = MARKER;
        out[1] = VERSION;
        System.arraycopy(surb, 0, out, HEADER, surb.length);
        System.arraycopy(message, 0, out, HEADER + surb.length, message.length);
        return out;
    }

    /**
     * @param surbLength the length of an encoded SURB in this network
     * @return the SURB and message, or empty if {@code bytes} is a plain message (or too short to be an envelope)
     */
    static Optional<Unwrapped> unwrap(byte[] bytes, int surbLength) {
        if (bytes.length < HEADER + surbLength || bytes[0] != MARKER || bytes[1] != VERSION) {
            return Optional.empty();
        }
        return Optional.of(new Unwrapped(Arrays.copyOfRange(bytes, HEADER, HEADER + surbLength),
                Arrays.copyOfRange(bytes, HEADER + surbLength, bytes.length)));
    }
}
