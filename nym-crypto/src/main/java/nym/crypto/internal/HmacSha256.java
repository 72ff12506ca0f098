package nym.crypto.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) on this thread's JCA SHA-256, which keeps the hardware intrinsic, without
 * the JCA {@code Mac}'s allocations: {@code Mac.init} copies the key into a new array and
 * {@code doFinal} returns a new one. A Sphinx hop runs ten HMACs; their arrays were a fifth of the
 * bytes a hop allocated.
 *
 * <p>One instance per thread ({@link #forThisThread()}); not reentrant. The padded keys and the inner
 * hash are secrets: {@link #wipe()} zeroes them, and every caller calls it in a {@code finally}.
 */
public final class HmacSha256 {
    /** Bytes of an output. */
    public static final int LENGTH = 32;
    /** SHA-256's block; keys longer than it are hashed first (RFC 2104). */
    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private static final ThreadLocal<HmacSha256> PER_THREAD = ThreadLocal.withInitial(HmacSha256::new);

    /** Its own digest, not the thread's shared one: an HMAC keeps state in it between calls. */
    private final MessageDigest sha = JcaInstances.newSha256();
    private final byte[] innerPad = new byte[BLOCK];
    /** The outer hash's whole input: the outer padded key, then the inner hash, fed in one update. */
    private final byte[] outer = new byte[BLOCK + LENGTH];
    private final byte[] untruncated = new byte[LENGTH];

    private HmacSha256() {}

    /** @return this thread's instance */
    public static HmacSha256 forThisThread() {
        return PER_THREAD.get();
    }

    /** Starts a MAC under the key {@code key[offset, offset + length)}. */
    public HmacSha256 init(byte[] key, int offset, int length) {
        Arrays.fill(innerPad, (byte) 0);
        if (length > BLOCK) {
            sha.reset();
            sha.update(key, offset, length);
            finish(innerPad, 0);
        } else {
            System.arraycopy(key, offset, innerPad, 0, length);
        }
        for (int i = 0; i < BLOCK; i++) {
            outer[i] = (byte) (innerPad[i] ^ OPAD);
            innerPad[i] ^= IPAD;
        }
        return restart();
    }

    /** Starts another MAC under the key of the last {@link #init}. */
    public HmacSha256 restart() {
        sha.reset();
        sha.update(innerPad);
        return this;
    }

    /** Feeds {@code data[offset, offset + length)}. */
    public HmacSha256 update(byte[] data, int offset, int length) {
        sha.update(data, offset, length);
        return this;
    }

    /** Feeds one byte. */
    public HmacSha256 update(byte b) {
        sha.update(b);
        return this;
    }

    /** Writes the 32-byte MAC to {@code out[offset, offset + 32)}; the key stays for {@link #restart()}. */
    public void doFinal(byte[] out, int offset) {
        finish(outer, BLOCK);
        sha.update(outer, 0, outer.length);
        finish(out, offset);
    }

    /** Writes the first {@code length} bytes of the MAC (at most 32) to {@code out[offset, offset + length)}. */
    public void doFinal(byte[] out, int offset, int length) {
        doFinal(untruncated, 0);
        System.arraycopy(untruncated, 0, out, offset, length);
    }

    /** Zeroes the padded keys and the inner hash, and resets the digest (which zeroes its buffer). */
    public void wipe() {
        Arrays.fill(innerPad, (byte) 0);
        Arrays.fill(outer, (byte) 0);
        Arrays.fill(untruncated, (byte) 0);
        sha.reset();
    }

    private void finish(byte[] out, int offset) {
        try {
            sha.digest(out, offset, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("BUG: SHA-256 refused a 32-byte output", e);
        }
    }
}
