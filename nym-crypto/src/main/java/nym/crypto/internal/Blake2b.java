package nym.crypto.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keyed BLAKE2b (RFC 7693, sequential mode, no salt or personalisation), for Lioness's hash steps.
 *
 * <p>Written for speed where Bouncy Castle's {@code Blake2bDigest} is general: the sixteen words of
 * the working vector live in local variables rather than an array, and a hash allocates nothing: the
 * chain value and the message block are per-thread arrays, wiped before it returns, instead of a
 * digest object and a message array per block. Same output byte for byte; tests compare the two.
 *
 * <p>Constant time: additions, rotations and XORs only; the work depends on the lengths, never on
 * the bytes.
 */
public final class Blake2b {
    /** The longest key, in bytes. */
    public static final int MAX_KEY_LENGTH = 64;
    /** The longest digest, in bytes. */
    public static final int MAX_DIGEST_LENGTH = 64;

    private static final int BLOCK_LENGTH = 128;
    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private Blake2b() {}

    /** A hash's chain value, message block and working vector, per thread; wiped after each hash. */
    private static final class State {
        final long[] h = new long[8];
        final long[] m = new long[16];
        final long[] v = new long[16];
    }

    /**
     * Writes BLAKE2b of {@code data[offset, offset + length)} keyed with
     * {@code key[keyOffset, keyOffset + keyLength)} to {@code digest}, whose length (1 to 64) is the
     * digest length. An empty key gives the unkeyed hash.
     *
     * @throws IllegalArgumentException for a key longer than 64 bytes or a digest of 0 or more than 64
     * @throws IndexOutOfBoundsException if a range lies outside its array
     */
    public static void keyedHash(byte[] key, int keyOffset, int keyLength, byte[] data, int offset, int length,
            byte[] digest) {
        Objects.checkFromIndexSize(keyOffset, keyLength, key.length);
        Objects.checkFromIndexSize(offset, length, data.length);
        if (keyLength > MAX_KEY_LENGTH || digest.length < 1 || digest.length > MAX_DIGEST_LENGTH) {
            throw new IllegalArgumentException("BLAKE2b takes a key of up to " + MAX_KEY_LENGTH
                    + " bytes and a digest of 1 to " + MAX_DIGEST_LENGTH + ", got " + keyLength + " and "
                    + digest.length);
        }
        State state = STATE.get();
        long[] h = state.h;
        long[] m = state.m;
        long[] v = state.v;
        System.arraycopy(IV, 0, h, 0, IV.length);
        try {
            h[0] ^= 0x01010000L ^ ((long) keyLength << 8) ^ digest.length;
            long counter = 0;
            if (keyLength > 0) {
                counter = BLOCK_LENGTH; // the key, zero-padded, is the first block
                load(key, keyOffset, keyLength, m);
                compress(h, m, v, counter, length == 0);
            }
            int position = offset;
            int end = offset + length;
            while (end - position > BLOCK_LENGTH) {
                load(data, position, BLOCK_LENGTH, m);
                counter += BLOCK_LENGTH;
                compress(h, m, v, counter, false);
                position += BLOCK_LENGTH;
            }
            if (length > 0 || keyLength == 0) { // the last block; for empty input and key, one zero block
                load(data, position, end - position, m);
                counter += end - position;
                compress(h, m, v, counter, true);
            }
            for (int i = 0; i < digest.length; i++) {
                digest[i] = (byte) (h[i >>> 3] >>> ((i & 7) << 3));
            }
        } finally {
            Arrays.fill(h, 0);
            Arrays.fill(m, 0);
            Arrays.fill(v, 0);
        }
    }

    /** Reads up to one block of little-endian words into {@code m}, zero-padded. */
    private static void load(byte[] src, int offset, int length, long[] m) {
        if (length == BLOCK_LENGTH) {
            for (int i = 0; i < 16; i++) {
                m[i] = (long) LONG_LE.get(src, offset + (i << 3));
            }
            return;
        }
        Arrays.fill(m, 0);
        for (int i = 0; i < length; i++) {
            m[i >>> 3] |= (src[offset + i] & 0xFFL) << ((i & 7) << 3);
        }
    }

    /**
     * The compression function F, with the byte counter {@code counter} (below 2⁶³); {@code v} is
     * scratch space for the working vector. Each round's call lists the message words in the order
     * of that round's permutation σ (rounds 10 and 11 repeat rounds 0 and 1).
     */
    private static void compress(long[] h, long[] m, long[] v, long counter, boolean last) {
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= counter;
        if (last) {
            v[14] = ~v[14];
        }
        round(v, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11], m[12], m[13], m[14], m[15]);
        round(v, m[14], m[10], m[4], m[8], m[9], m[15], m[13], m[6], m[1], m[12], m[0], m[2], m[11], m[7], m[5], m[3]);
        round(v, m[11], m[8], m[12], m[0], m[5], m[2], m[15], m[13], m[10], m[14], m[3], m[6], m[7], m[1], m[9], m[4]);
        round(v, m[7], m[9], m[3], m[1], m[13], m[12], m[11], m[14], m[2], m[6], m[5], m[10], m[4], m[0], m[15], m[8]);
        round(v, m[9], m[0], m[5], m[7], m[2], m[4], m[10], m[15], m[14], m[1], m[11], m[12], m[6], m[8], m[3], m[13]);
        round(v, m[2], m[12], m[6], m[10], m[0], m[11], m[8], m[3], m[4], m[13], m[7], m[5], m[15], m[14], m[1], m[9]);
        round(v, m[12], m[5], m[1], m[15], m[14], m[13], m[4], m[10], m[0], m[7], m[6], m[3], m[9], m[2], m[8], m[11]);
        round(v, m[13], m[11], m[7], m[14], m[12], m[1], m[3], m[9], m[5], m[0], m[15], m[4], m[8], m[6], m[2], m[10]);
        round(v, m[6], m[15], m[14], m[9], m[11], m[3], m[0], m[8], m[12], m[2], m[13], m[7], m[1], m[4], m[10], m[5]);
        round(v, m[10], m[2], m[8], m[4], m[7], m[6], m[1], m[5], m[15], m[11], m[9], m[14], m[3], m[12], m[13], m[0]);
        round(v, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11], m[12], m[13], m[14], m[15]);
        round(v, m[14], m[10], m[4], m[8], m[9], m[15], m[13], m[6], m[1], m[12], m[0], m[2], m[11], m[7], m[5], m[3]);
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    /** One round: G on the four columns, then on the four diagonals, with the message words x0…x15. */
    private static void round(long[] v, long x0, long x1, long x2, long x3, long x4, long x5, long x6, long x7,
            long x8, long x9, long x10, long x11, long x12, long x13, long x14, long x15) {
        long v0 = v[0];
        long v1 = v[1];
        long v2 = v[2];
        long v3 = v[3];
        long v4 = v[4];
        long v5 = v[5];
        long v6 = v[6];
        long v7 = v[7];
        long v8 = v[8];
        long v9 = v[9];
        long v10 = v[10];
        long v11 = v[11];
        long v12 = v[12];
        long v13 = v[13];
        long v14 = v[14];
        long v15 = v[15];
        // Columns.
        v0 += v4 + x0;
        v12 = Long.rotateRight(v12 ^ v0, 32);
        v8 += v12;
        v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 += v4 + x1;
        v12 = Long.rotateRight(v12 ^ v0, 16);
        v8 += v12;
        v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 += v5 + x2;
        v13 = Long.rotateRight(v13 ^ v1, 32);
        v9 += v13;
        v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 += v5 + x3;
        v13 = Long.rotateRight(v13 ^ v1, 16);
        v9 += v13;
        v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 += v6 + x4;
        v14 = Long.rotateRight(v14 ^ v2, 32);
        v10 += v14;
        v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 += v6 + x5;
        v14 = Long.rotateRight(v14 ^ v2, 16);
        v10 += v14;
        v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 += v7 + x6;
        v15 = Long.rotateRight(v15 ^ v3, 32);
        v11 += v15;
        v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 += v7 + x7;
        v15 = Long.rotateRight(v15 ^ v3, 16);
        v11 += v15;
        v7 = Long.rotateRight(v7 ^ v11, 63);
        // Diagonals.
        v0 += v5 + x8;
        v15 = Long.rotateRight(v15 ^ v0, 32);
        v10 += v15;
        v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 += v5 + x9;
        v15 = Long.rotateRight(v15 ^ v0, 16);
        v10 += v15;
        v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 += v6 + x10;
        v12 = Long.rotateRight(v12 ^ v1, 32);
        v11 += v12;
        v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 += v6 + x11;
        v12 = Long.rotateRight(v12 ^ v1, 16);
        v11 += v12;
        v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 += v7 + x12;
        v13 = Long.rotateRight(v13 ^ v2, 32);
        v8 += v13;
        v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 += v7 + x13;
        v13 = Long.rotateRight(v13 ^ v2, 16);
        v8 += v13;
        v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 += v4 + x14;
        v14 = Long.rotateRight(v14 ^ v3, 32);
        v9 += v14;
        v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 += v4 + x15;
        v14 = Long.rotateRight(v14 ^ v3, 16);
        v9 += v14;
        v4 = Long.rotateRight(v4 ^ v9, 63);
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
        v[4] = v4;
        v[5] = v5;
        v[6] = v6;
        v[7] = v7;
        v[8] = v8;
        v[9] = v9;
        v[10] = v10;
        v[11] = v11;
        v[12] = v12;
        v[13] = v13;
        v[14] = v14;
        v[15] = v15;
    }
}
