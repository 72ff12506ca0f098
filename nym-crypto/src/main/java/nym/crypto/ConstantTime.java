package nym.crypto;

import java.security.MessageDigest;

/** Comparisons whose time does not depend on where two byte strings first differ. */
public final class ConstantTime {
    private ConstantTime() {}

    /**
     * Compares two byte strings in time that depends only on their lengths.
     *
     * @param a not null
     * @param b not null
     * @return whether both have the same length and the same bytes
     */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Compares {@code a[aOffset, aOffset + length)} with {@code b[bOffset, bOffset + length)} in time
     * that depends only on {@code length}.
     *
     * @return whether the two ranges hold the same bytes
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static boolean equal(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        java.util.Objects.checkFromIndexSize(aOffset, length, a.length);
        java.util.Objects.checkFromIndexSize(bOffset, length, b.length);
        int acc = 0;
        for (int i = 0; i < length; i++) {
            acc |= a[aOffset + i] ^ b[bOffset + i];
        }
        return acc == 0;
    }

    /**
     * Whether every byte of {@code data[offset, offset + length)} is zero, in time that depends only
     * on {@code length}.
     *
     * @return true if all are zero
     */
    public static boolean allZero(byte[] data, int offset, int length) {
        int acc = 0;
        for (int i = 0; i < length; i++) {
            acc |= data[offset + i];
        }
        return acc == 0;
    }
}
