package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nym.crypto.group.Scalar;
import nym.sphinx.internal.header.HeaderBuilder;
import nym.sphinx.internal.header.KeyMaterial;
import nym.sphinx.internal.header.RouteHeader;
import nym.sphinx.route.Destination;

/**
 * The header is built inside the caller's array (the packet, or a SURB's header): no byte the
 * array held before may survive into it, and the bytes around it stay as they were.
 */
class RouteHeaderInPlaceTest {
    private static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;
    private static final int OFFSET = 7;
    private static final int TRAILER = 5;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aHeaderWrittenOverOtherBytesEqualsOneWrittenOverZeros(int hops) {
        SplittableRandom random = new SplittableRandom(hops);
        TestRoutes route = TestRoutes.random(hops, random);
        Destination destination = TestRoutes.destination(random);
        Scalar secret = Scalar.randomClamped(random);
        byte[] padding = new byte[HeaderBuilder.finalPaddingLength(GEOMETRY, hops)];
        random.nextBytes(padding);

        byte[] clean = new byte[GEOMETRY.headerLength()];
        write(route, destination, secret, padding, clean, 0);

        byte[] dirty = new byte[OFFSET + GEOMETRY.headerLength() + TRAILER];
        Arrays.fill(dirty, (byte) 0xA5);
        write(route, destination, secret, padding, dirty, OFFSET);

        assertArrayEquals(clean, Arrays.copyOfRange(dirty, OFFSET, OFFSET + clean.length));
        byte[] untouched = new byte[OFFSET];
        Arrays.fill(untouched, (byte) 0xA5);
        assertArrayEquals(untouched, Arrays.copyOfRange(dirty, 0, OFFSET));
        assertArrayEquals(Arrays.copyOf(untouched, TRAILER), Arrays.copyOfRange(dirty, dirty.length - TRAILER, dirty.length));
    }

    private static void write(TestRoutes route, Destination destination, Scalar secret, byte[] padding, byte[] out,
            int offset) {
        KeyMaterial keys = RouteHeader.writeTo(GEOMETRY, route.hops(), route.delays(), destination, secret,
                padding, out, offset);
        keys.wipe();
    }
}
