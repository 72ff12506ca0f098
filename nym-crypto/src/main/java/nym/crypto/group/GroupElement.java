package nym.crypto.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nym.crypto.CryptoException;
import nym.crypto.FixedBytes;
import nym.crypto.internal.EdwardsFixedBase;
import nym.crypto.internal.LadderBatch;
import nym.crypto.internal.MontgomeryLadder;

/**
 * A public Curve25519 point as its 32-byte little-endian Montgomery u-coordinate: a public key, or
 * the α (alpha) of a Sphinx header.
 *
 * <p>Immutable. Every 32-byte string is accepted, as by the reference: the ladder ignores bit 255,
 * and points outside the prime-order subgroup are not rejected.
 */
public final class GroupElement extends FixedBytes {
    /** Bytes of the encoding. */
    public static final int LENGTH = MontgomeryLadder.LENGTH;

    /** The generator, u = 9. */
    public static final GroupElement BASE_POINT = base();

    private GroupElement(byte[] bytes) {
        super(bytes, LENGTH);
    }

    private GroupElement(byte[] source, int offset) {
        super(source, offset, LENGTH);
    }

    /**
     * @param bytes 32 bytes, copied
     * @throws CryptoException with {@code BAD_LENGTH} otherwise
     */
    public static GroupElement fromBytes(byte[] bytes) throws CryptoException {
        CryptoException.requireLength("group element", bytes, LENGTH);
        return new GroupElement(bytes);
    }

    /**
     * Reads the 32 bytes at {@code source[offset, offset + 32)}, copied once: a packet's α.
     *
     * @throws IndexOutOfBoundsException if they are not all inside {@code source}
     */
    public static GroupElement readFrom(byte[] source, int offset) {
        return new GroupElement(source, offset);
    }

    /**
     * Multiplies this point by a scalar that is used as given, without clamping (Sphinx blinding).
     *
     * @param scalar not null
     * @return scalar · this
     */
    public GroupElement multiply(Scalar scalar) {
        return new GroupElement(multiplyRaw(scalar));
    }

    /**
     * The generator times a scalar, {@code scalar · G}: equal to {@code BASE_POINT.multiply(scalar)},
     * on G's own fixed-base table (built on first use and kept): about 17 µs against 24 for Bouncy
     * Castle's fixed-base X25519, which also clamps, and 44 for the ladder.
     *
     * @param scalar not null
     * @return scalar · G
     */
    public static GroupElement multiplyBase(Scalar scalar) {
        return new GroupElement(multiplyRawWith(BaseTable.TABLE, scalar));
    }

    /** G's table, built when first used and then kept: not in the key cache, whose churn could evict it. */
    private static final class BaseTable {
        static final EdwardsFixedBase.Table TABLE = EdwardsFixedBase.precompute(BASE_POINT.toByteArray());
    }

    /**
     * Multiplies each point by its scalar, used as given (Sphinx blinding of many packets at once):
     * the same results as {@link #multiply} one by one, several times faster per pair when the JVM
     * has {@code jdk.incubator.vector} (see docs/performance.md), and the plain ladder otherwise.
     *
     * @param points not null, no null element
     * @param scalars as many as points
     * @return {@code scalars.get(i) · points.get(i)} for every i, in order
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static List<GroupElement> multiplyEach(List<GroupElement> points, List<Scalar> scalars) {
        if (points.size() != scalars.size()) {
            throw new IllegalArgumentException(scalars.size() + " scalars for " + points.size() + " points");
        }
        return wrapAll(multiplyRawEach(points, scalars));
    }

    /**
     * How many pairs {@link #multiplyEach} multiplies in one vector pass. The first call runs
     * {@link #warmUpBatches} (about half a second with {@code jdk.incubator.vector}); later calls
     * answer at once.
     *
     * @return the lanes (8 with AVX-512) when they pay on this JVM, else 1
     */
    public static int preferredBatchSize() {
        return LadderBatch.preferredBatchSize();
    }

    /**
     * Compiles {@link #multiplyEach}'s lane-parallel ladder and measures whether it beats the plain
     * one here; only then does {@link #multiplyEach} use it. About half a second of one core, once per
     * JVM (up to about 3 s on a JVM that does not compile the Vector API, which then keeps the plain
     * ladder), and nothing without {@code jdk.incubator.vector}. {@link #preferredBatchSize} calls it.
     */
    public static void warmUpBatches() {
        LadderBatch.warmUp();
    }

    /**
     * {@code scalars.get(i) · points.get(i)} for every i. The ladders read the scalars where they are,
     * so no copy of a secret is left to wipe.
     */
    static byte[][] multiplyRawEach(List<GroupElement> points, List<Scalar> scalars) {
        byte[][] us = new byte[points.size()][];
        byte[][] ks = new byte[us.length][];
        for (int i = 0; i < ks.length; i++) {
            us[i] = points.get(i).toByteArray();
            ks[i] = scalars.get(i).littleEndian(); // read only, by the ladders
        }
        return LadderBatch.multiply(ks, us);
    }

    private static List<GroupElement> wrapAll(byte[][] encodings) {
        List<GroupElement> out = new ArrayList<>(encodings.length);
        for (byte[] encoding : encodings) {
            out.add(new GroupElement(encoding));
        }
        return out;
    }

    byte[] multiplyRaw(Scalar scalar) {
        byte[] out = new byte[LENGTH];
        MontgomeryLadder.multiply(scalar.littleEndian(), toByteArray(), out);
        return out;
    }

    /**
     * {@code scalar · this} with this point's fixed-base table ({@link FixedBaseTables}), built on
     * first use; the ladder for a point that has no table. Equal to {@link #multiplyRaw}.
     */
    byte[] multiplyRawWithTable(Scalar scalar) {
        Optional<EdwardsFixedBase.Table> table = FixedBaseTables.of(this);
        if (table.isEmpty()) {
            return multiplyRaw(scalar);
        }
        return multiplyRawWith(table.get(), scalar);
    }

    private static byte[] multiplyRawWith(EdwardsFixedBase.Table table, Scalar scalar) {
        byte[] out = new byte[LENGTH];
        EdwardsFixedBase.multiply(table, scalar.littleEndian(), out);
        return out;
    }

    private static GroupElement base() {
        byte[] nine = new byte[LENGTH];
        nine[0] = 9;
        return new GroupElement(nine);
    }
}
