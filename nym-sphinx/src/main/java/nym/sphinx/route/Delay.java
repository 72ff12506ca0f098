package nym.sphinx.route;

import java.time.Duration;

import nym.sphinx.SphinxException;

/**
 * How long a node holds a packet before it forwards it, as the sender wrote it into the header:
 * an unsigned 64-bit count of nanoseconds, big-endian on the wire. Values at or above 2^63 ns
 * (292 years) are refused.
 *
 * @param nanos nanoseconds, not negative
 */
public record Delay(long nanos) {
    /** Bytes of the encoding. */
    public static final int LENGTH = Long.BYTES;

    /** No delay. */
    public static final Delay ZERO = new Delay(0);

    /** Checks the range. */
    public Delay {
        if (nanos < 0) {
            throw new IllegalArgumentException("delay must not be negative: " + nanos);
        }
    }

    /** @return a delay of {@code nanos} nanoseconds, not negative */
    public static Delay ofNanos(long nanos) {
        return new Delay(nanos);
    }

    /** @return a delay of {@code millis} milliseconds, not negative */
    public static Delay ofMillis(long millis) {
        return new Delay(Math.multiplyExact(millis, 1_000_000L));
    }

    /** @return the delay as a {@link Duration} */
    public Duration toDuration() {
        return Duration.ofNanos(nanos);
    }

    /** Writes the 8-byte big-endian encoding at {@code offset}. */
    public void writeTo(byte[] destination, int offset) {
        for (int i = 0; i < LENGTH; i++) {
            destination[offset + i] = (byte) (nanos >>> (8 * (LENGTH - 1 - i)));
        }
    }

    /**
     * Reads the 8-byte big-endian encoding at {@code offset}.
     *
     * @throws SphinxException with {@code TRUNCATED} if the 8 bytes are not all there, with
     *     {@code BAD_ROUTING_COMMAND} for a value at or above 2^63
     */
    public static Delay readFrom(byte[] source, int offset) throws SphinxException {
        if (offset < 0 || source.length - offset < LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "no room for a " + LENGTH
                    + "-byte delay at offset " + offset + " of " + source.length);
        }
        long value = 0;
        for (int i = 0; i < LENGTH; i++) {
            value = (value << 8) | (source[offset + i] & 0xFF);
        }
        if (value < 0) {
            throw new SphinxException(SphinxException.Reason.BAD_ROUTING_COMMAND, "delay out of range");
        }
        return new Delay(value);
    }
}
