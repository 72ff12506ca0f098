package nym.sphinx.internal.payload;

import java.util.Arrays;
import java.util.Objects;

import nym.crypto.ConstantTime;
import nym.crypto.CryptoException;
import nym.crypto.primitives.Lioness;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;

/**
 * The payload: plaintext 0¹⁶ ‖ message ‖ 0x01 ‖ 0* to the geometry's payload length, encrypted
 * with one Lioness layer per hop (the last hop's key first, so the first hop peels the outermost).
 */
public final class PayloadCodec {
    private PayloadCodec() {}

    /**
     * @return the padded plaintext of {@code message}
     * @throws SphinxException with {@code MESSAGE_TOO_LONG} if it does not fit
     */
    public static byte[] pad(SphinxGeometry geometry, byte[] message) throws SphinxException {
        byte[] payload = new byte[geometry.payloadLength()];
        padInto(geometry, message, payload, 0);
        return payload;
    }

    /**
     * Writes the padded plaintext of {@code message} to {@code out[offset, offset + payloadLength)},
     * all of it, zeros included: a packet's payload written where it will travel.
     *
     * @throws SphinxException with {@code MESSAGE_TOO_LONG} if it does not fit
     */
    public static void padInto(SphinxGeometry geometry, byte[] message, byte[] out, int offset) throws SphinxException {
        checkFits(geometry, message.length);
        Objects.checkFromIndexSize(offset, geometry.payloadLength(), out.length);
        int messageStart = offset + SphinxGeometry.PAYLOAD_ZERO_PREFIX;
        int terminator = messageStart + message.length;
        Arrays.fill(out, offset, messageStart, (byte) 0);
        System.arraycopy(message, 0, out, messageStart, message.length);
        out[terminator] = SphinxGeometry.PAYLOAD_TERMINATOR;
        Arrays.fill(out, terminator + 1, offset + geometry.payloadLength(), (byte) 0);
    }

    /**
     * @throws SphinxException with {@code MESSAGE_TOO_LONG} if a message of {@code length} bytes does
     *     not fit one payload of {@code geometry}
     */
    public static void checkFits(SphinxGeometry geometry, int length) throws SphinxException {
        if (length > geometry.maxMessageLength()) {
            throw new SphinxException(SphinxException.Reason.MESSAGE_TOO_LONG, "message of " + length
                    + " bytes exceeds the " + geometry.maxMessageLength() + "-byte payload capacity");
        }
    }

    /** Adds one Lioness layer in place. */
    public static void encrypt(byte[] key, byte[] payload) {
        encrypt(key, payload, 0, payload.length);
    }

    /** Adds one Lioness layer in place to the payload {@code data[offset, offset + length)}. */
    public static void encrypt(byte[] key, byte[] data, int offset, int length) {
        try {
            Lioness.encrypt(key, data, offset, length);
        } catch (CryptoException e) {
            throw new IllegalStateException("BUG: payload key or length refused by Lioness", e);
        }
    }

    /** Removes one Lioness layer in place. */
    public static void decrypt(byte[] key, byte[] payload) {
        decrypt(key, payload, 0, payload.length);
    }

    /** Removes one Lioness layer in place from the payload {@code data[offset, offset + length)}. */
    public static void decrypt(byte[] key, byte[] data, int offset, int length) {
        try {
            Lioness.decrypt(key, data, offset, length);
        } catch (CryptoException e) {
            throw new IllegalStateException("BUG: payload key or length refused by Lioness", e);
        }
    }

    /**
     * @param plaintext a fully decrypted payload
     * @return the message inside it
     * @throws SphinxException with {@code BAD_PAYLOAD_PADDING} if the zero prefix or the terminator
     *     is missing (the payload was tampered with, or is not meant for this reader)
     */
    public static byte[] unpad(byte[] plaintext) throws SphinxException {
        if (plaintext.length <= SphinxGeometry.PAYLOAD_ZERO_PREFIX
                || !ConstantTime.allZero(plaintext, 0, SphinxGeometry.PAYLOAD_ZERO_PREFIX)) {
            throw new SphinxException(SphinxException.Reason.BAD_PAYLOAD_PADDING, "payload lacks its zero prefix");
        }
        int end = plaintext.length - 1;
        while (end >= SphinxGeometry.PAYLOAD_ZERO_PREFIX && plaintext[end] == 0) {
            end--;
        }
        if (end < SphinxGeometry.PAYLOAD_ZERO_PREFIX || plaintext[end] != SphinxGeometry.PAYLOAD_TERMINATOR) {
            throw new SphinxException(SphinxException.Reason.BAD_PAYLOAD_PADDING, "payload lacks its terminator");
        }
        return Arrays.copyOfRange(plaintext, SphinxGeometry.PAYLOAD_ZERO_PREFIX, end);
    }
}
