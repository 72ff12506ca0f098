package nym.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Edwards fixed-base table multiplication against the Montgomery ladder: equal for every
 * scalar below 2^256 (bit 255 ignored by both) and every point that gets a table; points that get
 * none are exactly those off the curve (on the twist) and u ∈ {0, −1}.
 */
class EdwardsFixedBasePropertyTest {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger A = BigInteger.valueOf(486662);
    private static final BigInteger ORDER = ScalarModOrder.order();

    /** Public keys x·9 and scalars of every kind: the sender's case. */
    @Property(tries = 300)
    void equalsTheLadderForPublicKeys(@ForAll("publicKey") byte[] u, @ForAll("scalar") byte[] k) {
        EdwardsFixedBase.Table table = EdwardsFixedBase.precompute(u);
        assertNotNull(table);
        assertArrayEquals(ladder(k, u), fixedBase(table, k));
    }

    /** One table, many scalars: the table is not changed by use. */
    @Property(tries = 20)
    void oneTableManyScalars(@ForAll("publicKey") byte[] u,
            @ForAll("scalarList") List<byte[]> scalars) {
        EdwardsFixedBase.Table table = EdwardsFixedBase.precompute(u);
        for (byte[] k : scalars) {
            assertArrayEquals(ladder(k, u), fixedBase(table, k));
        }
    }

    /**
     * Any 32 bytes as u (points of any order on the curve, twist points, u ≥ p, bit 255 set): a table
     * exactly when u is on the curve and not 0 or −1, and then the same result as the ladder.
     */
    @Property(tries = 300)
    void anyBytesEitherMatchOrFallBack(@ForAll("bytes32") byte[] u, @ForAll("scalar") byte[] k) {
        assertMatchesOrHasNoTable(u, k);
    }

    /** Small-order and special points: 0, 1, −1, p, p + 1, and the order-8 points of Curve25519. */
    @Property(tries = 100)
    void specialPoints(@ForAll("specialPoint") byte[] u, @ForAll("scalar") byte[] k) {
        assertMatchesOrHasNoTable(u, k);
    }

    @Example
    void noTableForTheTwistZeroAndMinusOne() {
        assertNull(EdwardsFixedBase.precompute(le(BigInteger.ZERO)));
        assertNull(EdwardsFixedBase.precompute(le(P.subtract(BigInteger.ONE))));
        assertNull(EdwardsFixedBase.precompute(le(P.add(P.subtract(BigInteger.ONE)).clearBit(255))));
        // u = 2 is on the twist of Curve25519 (2³ + A·2² + 2 is not a square).
        assertEquals(false, onCurve(BigInteger.TWO));
        assertNull(EdwardsFixedBase.precompute(le(BigInteger.TWO)));
        assertNotNull(EdwardsFixedBase.precompute(le(BigInteger.valueOf(9))));
    }

    @Provide
    Arbitrary<byte[]> bytes32() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    /** x·9 for random clamped or unclamped x, but not the identity (u = 0, for x = 0 mod ℓ). */
    @Provide
    Arbitrary<byte[]> publicKey() {
        return Combinators.combine(bytes32(), Arbitraries.of(false, true)).as((x, clamp) -> {
            byte[] k = x.clone();
            if (clamp) {
                k[0] &= (byte) 0xF8;
                k[31] &= 0x7F;
                k[31] |= 0x40;
            }
            return ladder(k, le(BigInteger.valueOf(9)));
        }).filter(u -> new BigInteger(1, u).signum() != 0);
    }

    /**
     * Random bytes, clamped bytes, values mod ℓ, and edges: 0, 1, ℓ − 1, ℓ, ℓ + 1, 2^255 − 1,
     * 2^256 − 1, and digit patterns that make every signed radix-16 digit −8, 8 or carry.
     */
    @Provide
    Arbitrary<byte[]> scalar() {
        BigInteger two255 = BigInteger.TWO.pow(255);
        Arbitrary<byte[]> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                        BigInteger.valueOf(8), BigInteger.valueOf(16), ORDER.subtract(BigInteger.ONE), ORDER,
                        ORDER.add(BigInteger.ONE), ORDER.shiftLeft(3), two255.subtract(BigInteger.ONE),
                        two255, BigInteger.TWO.pow(256).subtract(BigInteger.ONE), BigInteger.TWO.pow(254),
                        BigInteger.TWO.pow(254).subtract(BigInteger.ONE),
                        new BigInteger("8".repeat(64), 16), new BigInteger("7".repeat(64), 16),
                        new BigInteger("9".repeat(64), 16))
                .map(EdwardsFixedBasePropertyTest::le);
        Arbitrary<byte[]> clamped = bytes32().map(b -> {
            byte[] k = b.clone();
            k[0] &= (byte) 0xF8;
            k[31] &= 0x7F;
            k[31] |= 0x40;
            return k;
        });
        Arbitrary<byte[]> reduced = bytes32().map(b -> le(new BigInteger(1, reversed(b)).mod(ORDER)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, edges), net.jqwik.api.Tuple.of(3, bytes32()),
                net.jqwik.api.Tuple.of(3, clamped), net.jqwik.api.Tuple.of(3, reduced));
    }

    @Provide
    Arbitrary<List<byte[]>> scalarList() {
        return scalar().list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<byte[]> specialPoint() {
        return Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P,
                        P.add(BigInteger.ONE), P.add(BigInteger.valueOf(9)),
                        new BigInteger("325606250916557431795983626356110631294008115727848805560023387167927233504"),
                        new BigInteger("39382357235489614581723060781553021112529911719440698176882885853963445705823"),
                        BigInteger.TWO.pow(255).subtract(BigInteger.ONE))
                .flatMap(v -> Arbitraries.of(false, true).map(high -> {
                    byte[] u = le(v.mod(BigInteger.TWO.pow(255)));
                    if (high) {
                        u[31] |= (byte) 0x80;
                    }
                    return u;
                }));
    }

    /** A table exactly when {@link #hasTable}, and then the ladder's result. */
    private static void assertMatchesOrHasNoTable(byte[] u, byte[] k) {
        EdwardsFixedBase.Table table = EdwardsFixedBase.precompute(u);
        assertEquals(hasTable(u), table != null);
        if (table != null) {
            assertArrayEquals(ladder(k, u), fixedBase(table, k));
        }
    }

    /** Whether u (bit 255 cleared, reduced) is on Curve25519 and not 0 or −1. */
    private static boolean hasTable(byte[] u) {
        BigInteger v = new BigInteger(1, reversed(u)).clearBit(255).mod(P);
        return v.signum() != 0 && !v.equals(P.subtract(BigInteger.ONE)) && onCurve(v);
    }

    /** Euler's criterion on u³ + A·u² + u. */
    private static boolean onCurve(BigInteger u) {
        BigInteger rhs = u.pow(3).add(A.multiply(u.pow(2))).add(u).mod(P);
        return rhs.signum() == 0 || rhs.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }

    private static byte[] ladder(byte[] k, byte[] u) {
        byte[] out = new byte[32];
        MontgomeryLadder.multiply(k, u, out);
        return out;
    }

    private static byte[] fixedBase(EdwardsFixedBase.Table table, byte[] k) {
        byte[] out = new byte[32];
        EdwardsFixedBase.multiply(table, k, out);
        return out;
    }

    private static byte[] le(BigInteger v) {
        return reversed(HexFormat.of().parseHex(String.format("%064x", v)));
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
