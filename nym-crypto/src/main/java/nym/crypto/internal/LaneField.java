package nym.crypto.internal;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Arithmetic modulo p = 2^255 − 19 on {@link #LANES} independent elements at once, one per vector
 * lane: ten limbs of radix 2^25.5 (26, 25, 26, … bits, as in ref10), each limb a 64-bit lane.
 * An element set is a {@code long[10 · LANES]}, limb-major: limb i of lane k is at
 * {@code i · LANES + k}.
 *
 * <p>Why this shape: a 26-bit limb product fits a 64-bit lane, so one {@code vpmuludq} does
 * {@link #LANES} limb products, where the 64-bit-limb {@link Field51} needs two scalar multiplies
 * for each 128-bit product. It pays only when there are several independent multiplications to
 * fill the lanes: {@link LaneLadder} runs one ladder per lane.
 *
 * <p>Limb bounds, which every caller must keep: {@link #mul}, {@link #sqr} and {@link #mul121665}
 * return tight limbs (even limbs below 2^26, odd limbs below 2^25 + 2^18) and accept limbs below
 * 2^27.6; {@link #add} of two tight elements stays below 2^27.1, {@link #sub} of tight elements
 * (it adds 2p) below 2^27.6. With those
 * bounds every factor, even ×19 or ×4, is below 2^32, which is what {@code vpmuludq} multiplies,
 * and every column sum stays below 2^64 (unsigned). The {@code and(M32)} on each factor changes no
 * value: it is the shape that lets C2 pick {@code vpmuludq} instead of a full 64-bit multiply.
 *
 * <p>The carry chain (ref10's interleaved order, then limb 9 wrapping round times 19) is written
 * out in {@link #mul}, {@link #sqr} and {@link #mul121665} on purpose: vectors handed to a method
 * that C2 does not inline are boxed, and a shared carry method made the ladder 2.3 times slower
 * (measured with {@code LadderBenchmark.lanesFullBatch}).
 *
 * <p>Constant time: no branch and no memory access depends on a value. Outputs may alias inputs.
 * This class needs the incubating {@code jdk.incubator.vector} module; {@link VectorSupport} says
 * whether it is there and fast.
 */
final class LaneField {
    static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
    /** Elements computed at once. */
    static final int LANES = S.length();
    /** Limbs of an element. */
    static final int LIMBS = 10;

    private static final long M26 = (1L << 26) - 1;
    private static final long M25 = (1L << 25) - 1;
    private static final long M32 = 0xFFFFFFFFL;
    /** 2p in this radix: limb 0 is 2·(2^26 − 19), the other limbs 2·(2^26 − 1) or 2·(2^25 − 1). */
    private static final long TWO_P0 = 2 * ((1L << 26) - 19);
    private static final long TWO_P_EVEN = 2 * M26;
    private static final long TWO_P_ODD = 2 * M25;

    private LaneField() {}

    /** @return a new set of {@link #LANES} elements, all zero */
    static long[] create() {
        return new long[LIMBS * LANES];
    }

    /** h = f + g, without carrying. */
    static void add(long[] f, long[] g, long[] h) {
        for (int i = 0; i < LIMBS * LANES; i += LANES) {
            LongVector.fromArray(S, f, i).add(LongVector.fromArray(S, g, i)).intoArray(h, i);
        }
    }

    /** h = f − g + 2p, without carrying; {@code g} must be tight. */
    static void sub(long[] f, long[] g, long[] h) {
        for (int i = 0; i < LIMBS; i++) {
            long bias = i == 0 ? TWO_P0 : (i % 2 == 0 ? TWO_P_EVEN : TWO_P_ODD);
            int at = i * LANES;
            LongVector.fromArray(S, f, at).add(bias).sub(LongVector.fromArray(S, g, at)).intoArray(h, at);
        }
    }

    /** Swaps a and b in the lanes where {@code masks} holds −1, leaves the lanes where it holds 0. */
    static void cswap(long[] masks, long[] a, long[] b) {
        LongVector mask = LongVector.fromArray(S, masks, 0);
        for (int i = 0; i < LIMBS * LANES; i += LANES) {
            LongVector va = LongVector.fromArray(S, a, i);
            LongVector vb = LongVector.fromArray(S, b, i);
            LongVector t = va.lanewise(XOR, vb).and(mask);
            va.lanewise(XOR, t).intoArray(a, i);
            vb.lanewise(XOR, t).intoArray(b, i);
        }
    }

    /** h = 121665·f, the (A − 2)/4 of Curve25519 that the ladder's doubling uses. */
    static void mul121665(long[] f, long[] h) {
        LongVector k = LongVector.broadcast(S, 121665L).and(M32);
        LongVector h0 = LongVector.fromArray(S, f, 0).and(M32).mul(k);
        LongVector h1 = LongVector.fromArray(S, f, LANES).and(M32).mul(k);
        LongVector h2 = LongVector.fromArray(S, f, 2 * LANES).and(M32).mul(k);
        LongVector h3 = LongVector.fromArray(S, f, 3 * LANES).and(M32).mul(k);
        LongVector h4 = LongVector.fromArray(S, f, 4 * LANES).and(M32).mul(k);
        LongVector h5 = LongVector.fromArray(S, f, 5 * LANES).and(M32).mul(k);
        LongVector h6 = LongVector.fromArray(S, f, 6 * LANES).and(M32).mul(k);
        LongVector h7 = LongVector.fromArray(S, f, 7 * LANES).and(M32).mul(k);
        LongVector h8 = LongVector.fromArray(S, f, 8 * LANES).and(M32).mul(k);
        LongVector h9 = LongVector.fromArray(S, f, 9 * LANES).and(M32).mul(k);
        h1 = h1.add(h0.lanewise(LSHR, 26));
        h0 = h0.and(M26);
        h5 = h5.add(h4.lanewise(LSHR, 26));
        h4 = h4.and(M26);
        h2 = h2.add(h1.lanewise(LSHR, 25));
        h1 = h1.and(M25);
        h6 = h6.add(h5.lanewise(LSHR, 25));
        h5 = h5.and(M25);
        h3 = h3.add(h2.lanewise(LSHR, 26));
        h2 = h2.and(M26);
        h7 = h7.add(h6.lanewise(LSHR, 26));
        h6 = h6.and(M26);
        h4 = h4.add(h3.lanewise(LSHR, 25));
        h3 = h3.and(M25);
        h8 = h8.add(h7.lanewise(LSHR, 25));
        h7 = h7.and(M25);
        h5 = h5.add(h4.lanewise(LSHR, 26));
        h4 = h4.and(M26);
        h9 = h9.add(h8.lanewise(LSHR, 26));
        h8 = h8.and(M26);
        LongVector c9 = h9.lanewise(LSHR, 25);
        h0 = h0.add(c9.lanewise(LSHL, 4).add(c9.lanewise(LSHL, 1)).add(c9));
        h9 = h9.and(M25);
        h1 = h1.add(h0.lanewise(LSHR, 26));
        h0 = h0.and(M26);
        h0.intoArray(h, 0 * LANES);
        h1.intoArray(h, 1 * LANES);
        h2.intoArray(h, 2 * LANES);
        h3.intoArray(h, 3 * LANES);
        h4.intoArray(h, 4 * LANES);
        h5.intoArray(h, 5 * LANES);
        h6.intoArray(h, 6 * LANES);
        h7.intoArray(h, 7 * LANES);
        h8.intoArray(h, 8 * LANES);
        h9.intoArray(h, 9 * LANES);
    }

    /** h = f·g. */
    static void mul(long[] f, long[] g, long[] h) {
        LongVector f0 = LongVector.fromArray(S, f, 0 * LANES);
        LongVector f1 = LongVector.fromArray(S, f, 1 * LANES);
        LongVector f2 = LongVector.fromArray(S, f, 2 * LANES);
        LongVector f3 = LongVector.fromArray(S, f, 3 * LANES);
        LongVector f4 = LongVector.fromArray(S, f, 4 * LANES);
        LongVector f5 = LongVector.fromArray(S, f, 5 * LANES);
        LongVector f6 = LongVector.fromArray(S, f, 6 * LANES);
        LongVector f7 = LongVector.fromArray(S, f, 7 * LANES);
        LongVector f8 = LongVector.fromArray(S, f, 8 * LANES);
        LongVector f9 = LongVector.fromArray(S, f, 9 * LANES);
        LongVector g0 = LongVector.fromArray(S, g, 0 * LANES);
        LongVector g1 = LongVector.fromArray(S, g, 1 * LANES);
        LongVector g2 = LongVector.fromArray(S, g, 2 * LANES);
        LongVector g3 = LongVector.fromArray(S, g, 3 * LANES);
        LongVector g4 = LongVector.fromArray(S, g, 4 * LANES);
        LongVector g5 = LongVector.fromArray(S, g, 5 * LANES);
        LongVector g6 = LongVector.fromArray(S, g, 6 * LANES);
        LongVector g7 = LongVector.fromArray(S, g, 7 * LANES);
        LongVector g8 = LongVector.fromArray(S, g, 8 * LANES);
        LongVector g9 = LongVector.fromArray(S, g, 9 * LANES);
        LongVector g1x19 = (g1.lanewise(LSHL, 4).add(g1.lanewise(LSHL, 1)).add(g1)).and(M32);
        LongVector g2x19 = (g2.lanewise(LSHL, 4).add(g2.lanewise(LSHL, 1)).add(g2)).and(M32);
        LongVector g3x19 = (g3.lanewise(LSHL, 4).add(g3.lanewise(LSHL, 1)).add(g3)).and(M32);
        LongVector g4x19 = (g4.lanewise(LSHL, 4).add(g4.lanewise(LSHL, 1)).add(g4)).and(M32);
        LongVector g5x19 = (g5.lanewise(LSHL, 4).add(g5.lanewise(LSHL, 1)).add(g5)).and(M32);
        LongVector g6x19 = (g6.lanewise(LSHL, 4).add(g6.lanewise(LSHL, 1)).add(g6)).and(M32);
        LongVector g7x19 = (g7.lanewise(LSHL, 4).add(g7.lanewise(LSHL, 1)).add(g7)).and(M32);
        LongVector g8x19 = (g8.lanewise(LSHL, 4).add(g8.lanewise(LSHL, 1)).add(g8)).and(M32);
        LongVector g9x19 = (g9.lanewise(LSHL, 4).add(g9.lanewise(LSHL, 1)).add(g9)).and(M32);
        LongVector f1x2 = f1.add(f1).and(M32);
        LongVector f3x2 = f3.add(f3).and(M32);
        LongVector f5x2 = f5.add(f5).and(M32);
        LongVector f7x2 = f7.add(f7).and(M32);
        LongVector f9x2 = f9.add(f9).and(M32);
        f0 = f0.and(M32);
        g0 = g0.and(M32);
        f1 = f1.and(M32);
        g1 = g1.and(M32);
        f2 = f2.and(M32);
        g2 = g2.and(M32);
        f3 = f3.and(M32);
        g3 = g3.and(M32);
        f4 = f4.and(M32);
        g4 = g4.and(M32);
        f5 = f5.and(M32);
        g5 = g5.and(M32);
        f6 = f6.and(M32);
        g6 = g6.and(M32);
        f7 = f7.and(M32);
        g7 = g7.and(M32);
        f8 = f8.and(M32);
        g8 = g8.and(M32);
        f9 = f9.and(M32);
        g9 = g9.and(M32);
        LongVector h0 = f0.mul(g0)
                .add(f1x2.mul(g9x19))
                .add(f2.mul(g8x19))
                .add(f3x2.mul(g7x19))
                .add(f4.mul(g6x19))
                .add(f5x2.mul(g5x19))
                .add(f6.mul(g4x19))
                .add(f7x2.mul(g3x19))
                .add(f8.mul(g2x19))
                .add(f9x2.mul(g1x19));
        LongVector h1 = f0.mul(g1)
                .add(f1.mul(g0))
                .add(f2.mul(g9x19))
                .add(f3.mul(g8x19))
                .add(f4.mul(g7x19))
                .add(f5.mul(g6x19))
                .add(f6.mul(g5x19))
                .add(f7.mul(g4x19))
                .add(f8.mul(g3x19))
                .add(f9.mul(g2x19));
        LongVector h2 = f0.mul(g2)
                .add(f1x2.mul(g1))
                .add(f2.mul(g0))
                .add(f3x2.mul(g9x19))
                .add(f4.mul(g8x19))
                .add(f5x2.mul(g7x19))
                .add(f6.mul(g6x19))
                .add(f7x2.mul(g5x19))
                .add(f8.mul(g4x19))
                .add(f9x2.mul(g3x19));
        LongVector h3 = f0.mul(g3)
                .add(f1.mul(g2))
                .add(f2.mul(g1))
                .add(f3.mul(g0))
                .add(f4.mul(g9x19))
                .add(f5.mul(g8x19))
                .add(f6.mul(g7x19))
                .add(f7.mul(g6x19))
                .add(f8.mul(g5x19))
                .add(f9.mul(g4x19));
        LongVector h4 = f0.mul(g4)
                .add(f1x2.mul(g3))
                .add(f2.mul(g2))
                .add(f3x2.mul(g1))
                .add(f4.mul(g0))
                .add(f5x2.mul(g9x19))
                .add(f6.mul(g8x19))
                .add(f7x2.mul(g7x19))
                .add(f8.mul(g6x19))
                .add(f9x2.mul(g5x19));
        LongVector h5 = f0.mul(g5)
                .add(f1.mul(g4))
                .add(f2.mul(g3))
                .add(f3.mul(g2))
                .add(f4.mul(g1))
                .add(f5.mul(g0))
                .add(f6.mul(g9x19))
                .add(f7.mul(g8x19))
                .add(f8.mul(g7x19))
                .add(f9.mul(g6x19));
        LongVector h6 = f0.mul(g6)
                .add(f1x2.mul(g5))
                .add(f2.mul(g4))
                .add(f3x2.mul(g3))
                .add(f4.mul(g2))
                .add(f5x2.mul(g1))
                .add(f6.mul(g0))
                .add(f7x2.mul(g9x19))
                .add(f8.mul(g8x19))
                .add(f9x2.mul(g7x19));
        LongVector h7 = f0.mul(g7)
                .add(f1.mul(g6))
                .add(f2.mul(g5))
                .add(f3.mul(g4))
                .add(f4.mul(g3))
                .add(f5.mul(g2))
                .add(f6.mul(g1))
                .add(f7.mul(g0))
                .add(f8.mul(g9x19))
                .add(f9.mul(g8x19));
        LongVector h8 = f0.mul(g8)
                .add(f1x2.mul(g7))
                .add(f2.mul(g6))
                .add(f3x2.mul(g5))
                .add(f4.mul(g4))
                .add(f5x2.mul(g3))
                .add(f6.mul(g2))
                .add(f7x2.mul(g1))
                .add(f8.mul(g0))
                .add(f9x2.mul(g9x19));
        LongVector h9 = f0.mul(g9)
                .add(f1.mul(g8))
                .add(f2.mul(g7))
                .add(f3.mul(g6))
                .add(f4.mul(g5))
                .add(f5.mul(g4))
                .add(f6.mul(g3))
                .add(f7.mul(g2))
                .add(f8.mul(g1))
                .add(f9.mul(g0));
        h1 = h1.add(h0.lanewise(LSHR, 26));
        h0 = h0.and(M26);
        h5 = h5.add(h4.lanewise(LSHR, 26));
        h4 = h4.and(M26);
        h2 = h2.add(h1.lanewise(LSHR, 25));
        h1 = h1.and(M25);
        h6 = h6.add(h5.lanewise(LSHR, 25));
        h5 = h5.and(M25);
        h3 = h3.add(h2.lanewise(LSHR, 26));
        h2 = h2.and(M26);
        h7 = h7.add(h6.lanewise(LSHR, 26));
        h6 = h6.and(M26);
        h4 = h4.add(h3.lanewise(LSHR, 25));
        h3 = h3.and(M25);
        h8 = h8.add(h7.lanewise(LSHR, 25));
        h7 = h7.and(M25);
        h5 = h5.add(h4.lanewise(LSHR, 26));
        h4 = h4.and(M26);
        h9 = h9.add(h8.lanewise(LSHR, 26));
        h8 = h8.and(M26);
        LongVector c9 = h9.lanewise(LSHR, 25);
        h0 = h0.add(c9.lanewise(LSHL, 4).add(c9.lanewise(LSHL, 1)).add(c9));
        h9 = h9.and(M25);
        h1 = h1.add(h0.lanewise(LSHR, 26));
        h0 = h0.and(M26);
        h0.intoArray(h, 0 * LANES);
        h1.intoArray(h, 1 * LANES);
        h2.intoArray(h, 2 * LANES);
        h3.intoArray(h, 3 * LANES);
        h4.intoArray(h, 4 * LANES);
        h5.intoArray(h, 5 * LANES);
        h6.intoArray(h, 6 * LANES);
        h7.intoArray(h, 7 * LANES);
        h8.intoArray(h, 8 * LANES);
        h9.intoArray(h, 9 * LANES);
    }

    /** h = f². */
    static void sqr(long[] f, long[] h) {
        LongVector f0 = LongVector.fromArray(S, f, 0 * LANES);
        LongVector f1 = LongVector.fromArray(S, f, 1 * LANES);
        LongVector f2 = LongVector.fromArray(S, f, 2 * LANES);
        LongVector f3 = LongVector.fromArray(S, f, 3 * LANES);
        LongVector f4 = LongVector.fromArray(S, f, 4 * LANES);
        LongVector f5 = LongVector.fromArray(S, f, 5 * LANES);
        LongVector f6 = LongVector.fromArray(S, f, 6 * LANES);
        LongVector f7 = LongVector.fromArray(S, f, 7 * LANES);
        LongVector f8 = LongVector.fromArray(S, f, 8 * LANES);
        LongVector f9 = LongVector.fromArray(S, f, 9 * LANES);
        LongVector f1x19 = (f1.lanewise(LSHL, 4).add(f1.lanewise(LSHL, 1)).add(f1)).and(M32);
        LongVector f2x19 = (f2.lanewise(LSHL, 4).add(f2.lanewise(LSHL, 1)).add(f2)).and(M32);
        LongVector f3x19 = (f3.lanewise(LSHL, 4).add(f3.lanewise(LSHL, 1)).add(f3)).and(M32);
        LongVector f4x19 = (f4.lanewise(LSHL, 4).add(f4.lanewise(LSHL, 1)).add(f4)).and(M32);
        LongVector f5x19 = (f5.lanewise(LSHL, 4).add(f5.lanewise(LSHL, 1)).add(f5)).and(M32);
        LongVector f6x19 = (f6.lanewise(LSHL, 4).add(f6.lanewise(LSHL, 1)).add(f6)).and(M32);
        LongVector f7x19 = (f7.lanewise(LSHL, 4).add(f7.lanewise(LSHL, 1)).add(f7)).and(M32);
        LongVector f8x19 = (f8.lanewise(LSHL, 4).add(f8.lanewise(LSHL, 1)).add(f8)).and(M32);
        LongVector f9x19 = (f9.lanewise(LSHL, 4).add(f9.lanewise(LSHL, 1)).add(f9)).and(M32);
        LongVector f0x2 = f0.add(f0).and(M32);
        LongVector f1x2 = f1.add(f1).and(M32);
        LongVector f2x2 = f2.add(f2).and(M32);
        LongVector f3x2 = f3.add(f3).and(M32);
        LongVector f4x2 = f4.add(f4).and(M32);
        LongVector f5x2 = f5.add(f5).and(M32);
        LongVector f6x2 = f6.add(f6).and(M32);
        LongVector f7x2 = f7.add(f7).and(M32);
        LongVector f8x2 = f8.add(f8).and(M32);
        LongVector f9x2 = f9.add(f9).and(M32);
        LongVector f1x4 = f1.lanewise(LSHL, 2).and(M32);
        LongVector f3x4 = f3.lanewise(LSHL, 2).and(M32);
        LongVector f5x4 = f5.lanewise(LSHL, 2).and(M32);
        LongVector f7x4 = f7.lanewise(LSHL, 2).and(M32);
        LongVector f9x4 = f9.lanewise(LSHL, 2).and(M32);
        f0 = f0.and(M32);
        f1 = f1.and(M32);
        f2 = f2.and(M32);
        f3 = f3.and(M32);
        f4 = f4.and(M32);
        f5 = f5.and(M32);
        f6 = f6.and(M32);
        f7 = f7.and(M32);
        f8 = f8.and(M32);
        f9 = f9.and(M32);
        LongVector h0 = f0.mul(f0)
                .add(f1x4.mul(f9x19))
                .add(f2x2.mul(f8x19))
                .add(f3x4.mul(f7x19))
                .add(f4x2.mul(f6x19))
                .add(f5x2.mul(f5x19));
        LongVector h1 = f0x2.mul(f1)
                .add(f2x2.mul(f9x19))
                .add(f3x2.mul(f8x19))
                .add(f4x2.mul(f7x19))
                .add(f5x2.mul(f6x19));
        LongVector h2 = f0x2.mul(f2)
                .add(f1x2.mul(f1))
                .add(f3x4.mul(f9x19))
                .add(f4x2.mul(f8x19))
                .add(f5x4.mul(f7x19))
                .add(f6.mul(f6x19));
        LongVector h3 = f0x2.mul(f3)
                .add(f1x2.mul(f2))
                .add(f4x2.mul(f9x19))
                .add(f5x2.mul(f8x19))
                .add(f6x2.mul(f7x19));
        LongVector h4 = f0x2.mul(f4)
                .add(f1x4.mul(f3))
                .add(f2.mul(f2))
                .add(f5x4.mul(f9x19))
                .add(f6x2.mul(f8x19))
                .add(f7x2.mul(f7x19));
        LongVector h5 = f0x2.mul(f5)
                .add(f1x2.mul(f4))
                .add(f2x2.mul(f3))
                .add(f6x2.mul(f9x19))
                .add(f7x2.mul(f8x19));
        LongVector h6 = f0x2.mul(f6)
                .add(f1x4.mul(f5))
                .add(f2x2.mul(f4))
                .add(f3x2.mul(f3))
                .add(f7x4.mul(f9x19))
                .add(f8.mul(f8x19));
        LongVector h7 = f0x2.mul(f7)
                .add(f1x2.mul(f6))
                .add(f2x2.mul(f5))
                .add(f3x2.mul(f4))
                .add(f8x2.mul(f9x19));
        LongVector h8 = f0x2.mul(f8)
                .add(f1x4.mul(f7))
                .add(f2x2.mul(f6))
                .add(f3x4.mul(f5))
                .add(f4.mul(f4))
                .add(f9x2.mul(f9x19));
        LongVector h9 = f0x2.mul(f9)
                .add(f1x2.mul(f8))
                .add(f2x2.mul(f7))
                .add(f3x2.mul(f6))
                .add(f4x2.mul(f5));
        h1 = h1.add(h0.lanewise(LSHR, 26));
        h0 = h0.and(M26);
        h5 = h5.add(h4.lanewise(LSHR, 26));
        h4 = h4.and(M26);
        h2 = h2.add(h1.lanewise(LSHR, 25));
        h1 = h1.and(M25);
        h6 = h6.add(h5.lanewise(LSHR, 25));
        h5 = h5.and(M25);
        h3 = h3.add(h2.lanewise(LSHR, 26));
        h2 = h2.and(M26);
        h7 = h7.add(h6.lanewise(LSHR, 26));
        h6 = h6.and(M26);
        h4 = h4.add(h3.lanewise(LSHR, 25));
        h3 = h3.and(M25);
        h8 = h8.add(h7.lanewise(LSHR, 25));
        h7 = h7.and(M25);
        h5 = h5.add(h4.lanewise(LSHR, 26));
        h4 = h4.and(M26);
        h9 = h9.add(h8.lanewise(LSHR, 26));
        h8 = h8.and(M26);
        LongVector c9 = h9.lanewise(LSHR, 25);
        h0 = h0.add(c9.lanewise(LSHL, 4).add(c9.lanewise(LSHL, 1)).add(c9));
        h9 = h9.and(M25);
        h1 = h1.add(h0.lanewise(LSHR, 26));
        h0 = h0.and(M26);
        h0.intoArray(h, 0 * LANES);
        h1.intoArray(h, 1 * LANES);
        h2.intoArray(h, 2 * LANES);
        h3.intoArray(h, 3 * LANES);
        h4.intoArray(h, 4 * LANES);
        h5.intoArray(h, 5 * LANES);
        h6.intoArray(h, 6 * LANES);
        h7.intoArray(h, 7 * LANES);
        h8.intoArray(h, 8 * LANES);
        h9.intoArray(h, 9 * LANES);
    }

    /** Sets lane {@code lane} of {@code h} to the element with {@link Field51} limbs {@code a}. */
    static void setLane(long[] h, int lane, long[] a) {
        for (int i = 0; i < Field51.LIMBS; i++) {
            h[2 * i * LANES + lane] = a[i] & M26;
            h[(2 * i + 1) * LANES + lane] = a[i] >>> 26;
        }
    }

    /** Writes lane {@code lane} of {@code f} as {@link Field51} limbs (below 2^52) into {@code a}. */
    static void getLane(long[] f, int lane, long[] a) {
        for (int i = 0; i < Field51.LIMBS; i++) {
            a[i] = f[2 * i * LANES + lane] + (f[(2 * i + 1) * LANES + lane] << 26);
        }
    }
}
