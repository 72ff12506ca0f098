package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.SurbId;

/**
 * Shared pieces of the property and negative tests: seeded packet construction, low-entropy
 * messages, byte windows, and the "value or {@link SphinxException}, never anything else" check.
 */
final class PropertyFixtures {
    /** The longest message of the default geometry, as a constant for annotations. */
    static final int MAX_MESSAGE = SphinxGeometry.DEFAULT_PAYLOAD_LENGTH - SphinxGeometry.PAYLOAD_OVERHEAD;
    /** Bytes of the default header α ‖ γ ‖ β, as a constant for annotations. */
    static final int HEADER_LENGTH = SphinxGeometry.ALPHA_LENGTH + SphinxGeometry.MAC_LENGTH
            + SphinxGeometry.MAX_SUPPORTED_HOPS * SphinxGeometry.ROUTING_BLOCK_LENGTH;

    /** A parser or builder call that may refuse its input. */
    @FunctionalInterface
    interface SphinxCall<T> {
        T call() throws SphinxException;
    }

    private PropertyFixtures() {}

    /** @return a packet carrying {@code message} along {@code route} to {@code destination} */
    static SphinxPacket packet(TestRoutes route, Destination destination, byte[] message, RandomGenerator random)
            throws SphinxException {
        return PacketBuilder.create().route(route.hops()).delays(route.delays()).destination(destination)
                .message(message).random(random).build();
    }

    /** @return a destination with {@code address} and the all-zero identifier of an ordinary message */
    static Destination ordinary(DestinationAddress address) {
        return new Destination(address, surbId(new byte[SurbId.LENGTH]));
    }

    /** @return {@code length} bytes of repeated lower-case ASCII words: text a client might send */
    static byte[] lowEntropyText(RandomGenerator random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        word.append(' ');
        byte[] unit = word.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            text[i] = unit[i % unit.length];
        }
        return text;
    }

    /** @return {@code length} random bytes */
    static byte[] randomBytes(RandomGenerator random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** @return the packet as every node on {@code route} receives it, first hop first */
    static List<SphinxPacket> hops(TestRoutes route, SphinxPacket packet) throws SphinxException {
        List<SphinxPacket> seen = new ArrayList<>();
        route.walk(packet, seen);
        return seen;
    }

    /** @return a copy of {@code bytes} with bit {@code bit} (0 = least significant of byte 0) inverted */
    static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / Byte.SIZE] ^= (byte) (1 << (bit % Byte.SIZE));
        return copy;
    }

    /** @return every {@code width}-byte window of {@code bytes}, as read-only buffers that compare by content */
    static Set<ByteBuffer> windows(byte[] bytes, int width) {
        Set<ByteBuffer> set = new HashSet<>();
        for (int i = 0; i + width <= bytes.length; i++) {
            set.add(ByteBuffer.wrap(bytes, i, width).slice().asReadOnlyBuffer());
        }
        return set;
    }

    /** Fails if any {@code width}-byte window of {@code haystack} is in {@code forbidden}. */
    static void assertNoWindowOf(Set<ByteBuffer> forbidden, byte[] haystack, int width, String what) {
        for (int i = 0; i + width <= haystack.length; i++) {
            if (forbidden.contains(ByteBuffer.wrap(haystack, i, width).slice())) {
                fail(what + ": a " + width + "-byte window appears at offset " + i);
            }
        }
    }

    /**
     * Runs {@code call}; a value or a {@link SphinxException} passes, anything else fails the test.
     *
     * @return the value, or null if the input was refused
     */
    static <T> T valueOrSphinxException(SphinxCall<T> call) {
        try {
            return call.call();
        } catch (SphinxException e) {
            assertWellFormed(e);
            return null;
        } catch (Throwable t) {
            throw new AssertionError("expected a value or a SphinxException, got " + t, t);
        }
    }

    /** Runs {@code call}, which must refuse its input with {@code reason}; returns the exception. */
    static SphinxException assertRefused(SphinxException.Reason reason, SphinxCall<?> call) {
        try {
            Object value = call.call();
            throw new AssertionError("expected " + reason + ", got the value " + value);
        } catch (SphinxException e) {
            assertEquals(reason, e.reason(), e.getMessage());
            assertWellFormed(e);
            return e;
        }
    }

    /** Checks STYLE rule 9: one line, prefixed with the module. */
    static void assertWellFormed(SphinxException e) {
        String message = e.getMessage();
        assertTrue(message.startsWith("sphinx: "), message);
        assertFalse(message.contains("\n") || message.contains("\r"), message);
    }

    private static SurbId surbId(byte[] bytes) {
        try {
            return SurbId.fromBytes(bytes);
        } catch (SphinxException e) {
            throw new AssertionError(e);
        }
    }
}
