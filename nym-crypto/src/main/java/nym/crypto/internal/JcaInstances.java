package nym.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Cipher;

/**
 * One {@link Cipher} or {@link MessageDigest} per algorithm and thread, re-initialised with a fresh
 * key on every use: {@code getInstance} is a provider look-up that costs more than the key stream of
 * a Sphinx hop. (HMAC runs on a digest of its own: {@link HmacSha256}.)
 *
 * <p>A cached cipher keeps the state of the last key it was initialised with (AES's round keys)
 * until the thread uses it again or ends; an instance made per call kept it until the collector
 * reclaimed it. Neither is wiped; docs/performance.md records this. The SHA-256
 * digest holds no key, and its caller resets it after each use, which zeroes its buffer.
 */
public final class JcaInstances {
    private static final ThreadLocal<Cipher> AES_CTR = ThreadLocal.withInitial(() -> cipher("AES/CTR/NoPadding"));
    private static final ThreadLocal<Cipher> CHACHA20 = ThreadLocal.withInitial(() -> cipher("ChaCha20"));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(JcaInstances::newSha256);

    private JcaInstances() {}

    /** @return this thread's AES/CTR/NoPadding; the caller must {@code init} it before use */
    public static Cipher aesCtr() {
        return AES_CTR.get();
    }

    /** @return this thread's ChaCha20; the caller must {@code init} it before use */
    public static Cipher chaCha20() {
        return CHACHA20.get();
    }

    /** @return this thread's SHA-256; the caller should {@code reset} it after use */
    public static MessageDigest sha256() {
        return SHA256.get();
    }

    /** @return a new SHA-256, for an owner that keeps state in it across calls (HMAC's inner hash) */
    public static MessageDigest newSha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: " + algorithm + " unavailable in this JDK", e);
        }
    }

    private static Cipher cipher(String algorithm) {
        try {
            return Cipher.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: " + algorithm + " unavailable in this JDK", e);
        }
    }
}
