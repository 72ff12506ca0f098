package nym.crypto.internal;

import java.util.Arrays;

/**
 * Montgomery's trick on {@link Field51} elements: n inverses for one inversion and 3(n − 1)
 * products. An element that is zero (mod p) gets 0, as {@link Field51#invert} gives it, without
 * spoiling the others: it is replaced by 1 inside the product and its result is masked to 0.
 *
 * <p>Constant time: the zero test and the masks are branch-free, and the same products run
 * whatever the values are.
 */
final class BatchInversion {
    private BatchInversion() {}

    /** Replaces each of {@code elements} by its inverse (0 for 0); every temporary is wiped. */
    static void invertAll(long[][] elements) {
        int n = elements.length;
        if (n == 0) {
            return;
        }
        long[] zeroMasks = new long[n];
        long[][] prefix = new long[n][];
        long[] inverse = Field51.create();
        long[] next = Field51.create();
        try {
            for (int i = 0; i < n; i++) {
                long zero = isZero(elements[i], next);
                zeroMasks[i] = -zero;
                elements[i][0] += zero; // p + 1 ≡ 1 when the element was zero
            }
            prefix[0] = elements[0].clone();
            for (int i = 1; i < n; i++) {
                prefix[i] = Field51.create();
                Field51.mul(prefix[i - 1], elements[i], prefix[i]);
            }
            Field51.invert(prefix[n - 1], inverse);
            for (int i = n - 1; i > 0; i--) {
                Field51.mul(inverse, elements[i], next); // 1/(e0 … e(i−1))
                Field51.mul(inverse, prefix[i - 1], elements[i]); // 1/ei
                System.arraycopy(next, 0, inverse, 0, Field51.LIMBS);
            }
            Field51.copy(inverse, elements[0]);
            for (int i = 0; i < n; i++) {
                for (int limb = 0; limb < Field51.LIMBS; limb++) {
                    elements[i][limb] &= ~zeroMasks[i];
                }
            }
        } finally {
            Arrays.fill(zeroMasks, 0);
            for (long[] product : prefix) {
                if (product != null) {
                    Arrays.fill(product, 0);
                }
            }
            Arrays.fill(inverse, 0);
            Arrays.fill(next, 0);
        }
    }

    /**
     * @param t a temporary, left zero
     * @return 1 when a ≡ 0 (mod p), else 0, in constant time
     */
    private static long isZero(long[] a, long[] t) {
        Field51.canonical(a, t);
        long bits = t[0] | t[1] | t[2] | t[3] | t[4];
        Arrays.fill(t, 0);
        return ((bits | -bits) >>> 63) ^ 1;
    }
}
