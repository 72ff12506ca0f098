package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The constant-time arithmetic mod ℓ against {@link BigInteger}, including values near 2^256 and ℓ. */
class ScalarModOrderPropertyTest {
    private static final BigInteger L = ScalarModOrder.order();

    @Property(tries = 1000)
    void multiplyEqualsBigInteger(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
        byte[] out = new byte[ScalarModOrder.LENGTH];
        ScalarModOrder.multiply(encode(a), encode(b), out);
        assertArrayEquals(encode(a.multiply(b).mod(L)), out);
    }

    @Property(tries = 1000)
    void reduceEqualsBigInteger(@ForAll("scalars") BigInteger v) {
        byte[] out = encode(v);
        ScalarModOrder.reduce(out, 0, out);
        assertArrayEquals(encode(v.mod(L)), out);
    }

    @Property(tries = 50)
    void theScratchHoldsNothingAfterACall(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b)
            throws Exception {
        ScalarModOrder.multiply(encode(a), encode(b), new byte[ScalarModOrder.LENGTH]);
        assertScratchIsZero();
        ScalarModOrder.reduce(encode(a), 0, new byte[ScalarModOrder.LENGTH]);
        assertScratchIsZero();
        assertThrows(IndexOutOfBoundsException.class,
                () -> ScalarModOrder.multiply(encode(a), new byte[3], new byte[ScalarModOrder.LENGTH]));
        assertScratchIsZero();
    }

    @Property(tries = 200)
    void reduceReadsAtItsOffset(@ForAll("scalars") BigInteger v, @ForAll("offsets") int offset) {
        byte[] framed = new byte[offset + ScalarModOrder.LENGTH + 5];
        java.util.Arrays.fill(framed, (byte) 0xA5);
        System.arraycopy(encode(v), 0, framed, offset, ScalarModOrder.LENGTH);
        byte[] out = new byte[ScalarModOrder.LENGTH];
        ScalarModOrder.reduce(framed, offset, out);
        assertArrayEquals(encode(v.mod(L)), out);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, 40);
    }

    /** Uniform 256-bit values, and values within a small distance of 0, ℓ, 2ℓ, 2^252, 2^255 and 2^256. */
    @Provide
    Arbitrary<BigInteger> scalars() {
        BigInteger top = BigInteger.TWO.pow(256);
        Arbitrary<BigInteger> uniform = Arbitraries.bigIntegers().between(BigInteger.ZERO, top.subtract(BigInteger.ONE));
        Arbitrary<BigInteger> near = Arbitraries.of(BigInteger.ZERO, L, L.shiftLeft(1), L.multiply(BigInteger.valueOf(15)),
                        BigInteger.TWO.pow(252), BigInteger.TWO.pow(255), top)
                .flatMap(base -> Arbitraries.integers().between(-3, 3).map(d -> base.add(BigInteger.valueOf(d))))
                .filter(v -> v.signum() >= 0 && v.compareTo(top) < 0);
        return Arbitraries.oneOf(uniform, near);
    }

    private static byte[] encode(BigInteger v) {
        byte[] be = HexFormat.of().parseHex(String.format("%064x", v));
        byte[] le = new byte[be.length];
        for (int i = 0; i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    /** The scratch is the calling thread's: zero means no limb of a secret scalar stayed behind. */
    private static void assertScratchIsZero() throws Exception {
        java.lang.reflect.Field f = ScalarModOrder.class.getDeclaredField("SCRATCH");
        f.setAccessible(true);
        long[][] limbs = (long[][]) ((ThreadLocal<?>) f.get(null)).get();
        for (long[] element : limbs) {
            assertArrayEquals(new long[element.length], element);
        }
        assertEquals(3, limbs.length);
    }
}
