package nym.sphinx.internal.header;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.group.Scalar;
import nym.crypto.group.SharedSecret;
import nym.crypto.primitives.Hkdf;
import nym.crypto.primitives.Lioness;
import nym.crypto.primitives.StreamCipher;
import nym.crypto.primitives.TruncatedHmac;

/**
 * The keys one hop derives from its shared secret s: HKDF-SHA256(salt absent, ikm = s,
 * info = {@link #HKDF_INFO}, 256 bytes), split as ρ (stream key, 16) ‖ μ (MAC key, 16) ‖
 * π (Lioness key, 192) ‖ blinding factor (32, reduced mod ℓ).
 *
 * <p>A view: ρ ‖ μ ‖ π ({@link #SYMMETRIC_LENGTH} bytes) live at an offset of an array that may hold
 * other hops' keys too (the sender's per-thread arena, {@link KeyMaterial}), so the primitives are
 * called with key offsets and no hop costs three arrays of its own.
 *
 * <p>Secret: never printed. The getters of single keys hand out copies; {@link #wipe()} zeroes this
 * hop's range of the array when the packet is done.
 */
public final class RoutingKeys {
    /** The reference's HKDF info string, 97 ASCII bytes. */
    static final byte[] HKDF_INFO = ("Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton "
            + "topothetisw kai tha kinisw thn gh.").getBytes(StandardCharsets.US_ASCII);

    private static final int BLINDING_LENGTH = Scalar.LENGTH;
    /** Bytes of ρ ‖ μ ‖ π, what a view holds in its array. */
    static final int SYMMETRIC_LENGTH = StreamCipher.KEY_LENGTH + TruncatedHmac.KEY_LENGTH + Lioness.KEY_LENGTH;
    /** Bytes of HKDF output. */
    static final int OUTPUT_LENGTH = SYMMETRIC_LENGTH + BLINDING_LENGTH;

    private static final int STREAM_KEY_OFFSET = 0;
    private static final int MAC_KEY_OFFSET = STREAM_KEY_OFFSET + StreamCipher.KEY_LENGTH;
    private static final int PAYLOAD_KEY_OFFSET = MAC_KEY_OFFSET + TruncatedHmac.KEY_LENGTH;
    private static final int BLINDING_OFFSET = PAYLOAD_KEY_OFFSET + Lioness.KEY_LENGTH;

    private static final byte[] NO_INPUT = new byte[0];

    /** The shared secret's bytes, per thread: the HKDF input, zeroed after each derivation. */
    private static final ThreadLocal<byte[]> IKM = ThreadLocal.withInitial(() -> new byte[SharedSecret.LENGTH]);
    /** The HKDF output, per thread: split into the keys below, then zeroed. */
    private static final ThreadLocal<byte[]> OKM = ThreadLocal.withInitial(() -> new byte[OUTPUT_LENGTH]);

    /** Holds ρ ‖ μ ‖ π at {@link #offset}; other ranges belong to other hops. */
    private final byte[] keys;
    private final int offset;
    private final Scalar blindingFactor;

    private RoutingKeys(byte[] okm, byte[] keys, int offset) {
        System.arraycopy(okm, 0, keys, offset, SYMMETRIC_LENGTH);
        this.keys = keys;
        this.offset = offset;
        this.blindingFactor = Scalar.fromBytesModOrder(okm, BLINDING_OFFSET);
    }

    /** @return the keys of the hop whose shared secret is {@code secret}, in an array of their own */
    public static RoutingKeys derive(SharedSecret secret) {
        return derive(secret, new byte[SYMMETRIC_LENGTH], 0);
    }

    /**
     * @return the keys of the hop whose shared secret is {@code secret}, written to
     *     {@code keys[offset, offset + SYMMETRIC_LENGTH)}, which the caller wipes
     */
    static RoutingKeys derive(SharedSecret secret, byte[] keys, int offset) {
        byte[] ikm = IKM.get();
        secret.copyTo(ikm, 0, SecretAccess.insecureGrant());
        try {
            return deriveFromBytes(ikm, keys, offset);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /**
     * @return the keys of the hop whose shared secret has the 32 bytes {@code ikm}, in one array of
     *     their own (a node holds several packets' keys at once in a batch)
     */
    public static RoutingKeys deriveFromBytes(byte[] ikm) {
        return deriveFromBytes(ikm, new byte[SYMMETRIC_LENGTH], 0);
    }

    private static RoutingKeys deriveFromBytes(byte[] ikm, byte[] keys, int offset) {
        byte[] okm = OKM.get();
        try {
            Hkdf.deriveSha256(ikm, HKDF_INFO, okm, 0, OUTPUT_LENGTH);
            return new RoutingKeys(okm, keys, offset);
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    /** @return a copy of ρ, the AES-128 key of the header key stream, for tests and tools; wipe it */
    public byte[] streamKey() {
        return copy(STREAM_KEY_OFFSET, StreamCipher.KEY_LENGTH);
    }

    /** @return a copy of μ, the key of γ, for tests and tools; wipe it */
    public byte[] macKey() {
        return copy(MAC_KEY_OFFSET, TruncatedHmac.KEY_LENGTH);
    }

    /** @return a copy of π, the Lioness key of the payload layer (a SURB's creator keeps these); wipe it */
    public byte[] payloadKey() {
        return copy(PAYLOAD_KEY_OFFSET, Lioness.KEY_LENGTH);
    }

    /** @return the blinding factor b, reduced mod ℓ */
    public Scalar blindingFactor() {
        return blindingFactor;
    }

    /** Writes the first {@code length} bytes of the header key stream PRG(ρ) to {@code out} at {@code offset}. */
    public void headerKeystreamInto(byte[] out, int offset, int length) {
        StreamCipher.encryptPadded(keys, this.offset + STREAM_KEY_OFFSET, NO_INPUT, 0, 0, out, offset, length);
    }

    /**
     * Decrypts a header's β without copying it first: {@code out[0, outLength) = (β ‖ zeros) XOR
     * PRG(ρ)}, the zeros becoming the filler a hop shifts in.
     *
     * @param beta the array holding β at {@code [offset, offset + length)}; not modified
     * @param out receives the decrypted routing; must not be {@code beta}
     */
    public void decryptPadded(byte[] beta, int offset, int length, byte[] out, int outLength) {
        StreamCipher.encryptPadded(keys, this.offset + STREAM_KEY_OFFSET, beta, offset, length, out, 0, outLength);
    }

    /** Writes γ = MAC(μ, data[offset, offset + length)) to {@code out[outOffset, outOffset + 16)}. */
    public void macInto(byte[] data, int offset, int length, byte[] out, int outOffset) {
        TruncatedHmac.computeInto(keys, this.offset + MAC_KEY_OFFSET, data, offset, length, out, outOffset);
    }

    /**
     * Verifies the γ at {@code tags[tagOffset, tagOffset + 16)} over {@code data[offset, offset + length)}.
     *
     * @throws CryptoException with {@code MAC_MISMATCH} if it does not verify
     */
    public void verifyMac(byte[] data, int offset, int length, byte[] tags, int tagOffset) throws CryptoException {
        TruncatedHmac.verify(keys, this.offset + MAC_KEY_OFFSET, data, offset, length, tags, tagOffset);
    }

    /** Adds this hop's Lioness layer (π) to the payload {@code data[offset, offset + length)} in place. */
    public void encryptPayload(byte[] data, int offset, int length) {
        try {
            Lioness.encrypt(keys, this.offset + PAYLOAD_KEY_OFFSET, data, offset, length);
        } catch (CryptoException e) {
            throw new IllegalStateException("BUG: payload length refused by Lioness", e);
        }
    }

    /** Removes this hop's Lioness layer (π) from the payload {@code data[offset, offset + length)} in place. */
    public void decryptPayload(byte[] data, int offset, int length) {
        try {
            Lioness.decrypt(keys, this.offset + PAYLOAD_KEY_OFFSET, data, offset, length);
        } catch (CryptoException e) {
            throw new IllegalStateException("BUG: payload length refused by Lioness", e);
        }
    }

    /** Zeroes this hop's symmetric keys (its range of the array). */
    public void wipe() {
        Arrays.fill(keys, offset, offset + SYMMETRIC_LENGTH, (byte) 0);
    }

    private byte[] copy(int from, int length) {
        return Arrays.copyOfRange(keys, offset + from, offset + from + length);
    }

    @Override
    public String toString() {
        return "RoutingKeys[secret]";
    }
}
