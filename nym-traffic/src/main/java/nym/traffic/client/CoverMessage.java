package nym.traffic.client;

import java.nio.charset.StandardCharsets;

import nym.crypto.ConstantTime;

/**
 * The message a loop cover packet carries to its own sender. Encrypted like any message, so on the
 * wire it is indistinguishable from real traffic; the sender recognises and discards it on arrival.
 */
public final class CoverMessage {
    private static final byte[] LOOP = "nym-java loop cover message v1".getBytes(StandardCharsets.US_ASCII);

    private CoverMessage() {}

    /** @return the loop cover message */
    public static byte[] loop() {
        return LOOP.clone();
    }

    /** @return whether {@code message} is a loop cover message */
    public static boolean isLoopCover(byte[] message) {
        return message.length == LOOP.length && ConstantTime.equal(message, LOOP);
    }
}
