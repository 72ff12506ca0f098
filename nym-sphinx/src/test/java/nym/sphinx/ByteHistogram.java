package nym.sphinx;

/**
 * Counts of each byte value over many byte strings, with Pearson's chi-square statistics: against the
 * uniform distribution (255 degrees of freedom) and against another histogram (a 2 × 256 test of
 * homogeneity, also 255 degrees of freedom).
 */
final class ByteHistogram {
    /**
     * The upper 10⁻⁶ quantile of χ² with 255 degrees of freedom: 377.08 (chi2.isf(1e-6, 255) in
     * SciPy; the Wilson–Hilferty approximation k·(1 − 2/9k + z·√(2/9k))³ with z = 4.7534 gives
     * 377.2). A truly uniform source exceeds it once in a million runs, so a test that compares with
     * it is not flaky, while a leak of plaintext or of a fixed structure exceeds it by far.
     */
    static final double CHI_SQUARE_255_P_1E_6 = 377.08;

    private final long[] counts = new long[256];
    private long total;

    /** Adds every byte of {@code bytes}. */
    void add(byte[] bytes) {
        for (byte b : bytes) {
            counts[b & 0xFF]++;
        }
        total += bytes.length;
    }

    /** @return how many bytes were added */
    long total() {
        return total;
    }

    /** @return Σ (observed − expected)² / expected against the uniform distribution */
    double chiSquareUniform() {
        double expected = total / 256.0;
        double sum = 0;
        for (long count : counts) {
            double d = count - expected;
            sum += d * d / expected;
        }
        return sum;
    }

    /** @return the chi-square statistic of the hypothesis that both histograms have one distribution */
    double chiSquareAgainst(ByteHistogram other) {
        double grand = total + other.total;
        double sum = 0;
        for (int value = 0; value < 256; value++) {
            double column = counts[value] + other.counts[value];
            if (column == 0) {
                continue;
            }
            sum += term(counts[value], column * total / grand) + term(other.counts[value], column * other.total / grand);
        }
        return sum;
    }

    private static double term(long observed, double expected) {
        double d = observed - expected;
        return d * d / expected;
    }
}
