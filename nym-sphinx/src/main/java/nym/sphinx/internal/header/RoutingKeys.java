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
 * <p>Secret: never printed. Arrays are handed out within this module only; {@link #wipe()} zeroes
 * them when the packet is done.
 */
public final class RoutingKeys {
    /** The reference's HKDF info string, 97 ASCII bytes. */
    static final byte[] HKDF_INFO = ("Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton "
            + "topothetisw kai tha kinisw thn gh.").getBytes(StandardCharsets.US_ASCII);

    private static final int BLINDING_LENGTH = Scalar.LENGTH;
    /** Bytes of HKDF output. */
    static final int OUTPUT_LENGTH =
            StreamCipher.KEY_LENGTH + TruncatedHmac.KEY_LENGTH + Lioness.KEY_LENGTH + BLINDING_LENGTH;

    private static final int STREAM_KEY_OFFSET = 0;
    private static final int MAC_KEY_OFFSET = STREAM_KEY_OFFSET + StreamCipher.KEY_LENGTH;
    private static final int PAYLOAD_KEY_OFFSET = MAC_KEY_OFFSET + TruncatedHmac.KEY_LENGTH;
    private static final int BLINDING_OFFSET = PAYLOAD_KEY_OFFSET + Lioness.KEY_LENGTH;

    private static final byte[] NO_INPUT = new byte[0];

    /** The shared secret's bytes, per thread: the HKDF input, zeroed after each derivation. */
    private static final ThreadLocal<byte[]> IKM = ThreadLocal.withInitial(() -> new byte[SharedSecret.LENGTH]);
    /** The HKDF output, per thread: split into the keys below, then zeroed. */
    private static final ThreadLocal<byte[]> OKM = ThreadLocal.withInitial(() -> new byte[OUTPUT_LENGTH]);

    private final byte[] streamKey;
    private final byte[] macKey;
    private final byte[] payloadKey;
    private final Scalar blindingFactor;

    private RoutingKeys(byte[] okm) {
        this.streamKey = Arrays.copyOfRange(okm, STREAM_KEY_OFFSET, MAC_KEY_OFFSET);
        this.macKey = Arrays.copyOfRange(okm, MAC_KEY_OFFSET, PAYLOAD_KEY_OFFSET);
        this.payloadKey = Arrays.copyOfRange(okm, PAYLOAD_KEY_OFFSET, BLINDING_OFFSET);
        this.blindingFactor = Scalar.fromBytesModOrder(okm, BLINDING_OFFSET);
    }

    /** @return the keys of the hop whose shared secret is {@code secret} */
    public static RoutingKeys derive(SharedSecret secret) {
        byte[] ikm = IKM.get();
        secret.copyTo(ikm, 0, SecretAccess.insecureGrant());
        try {
            return deriveFromBytes(ikm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** @return the keys of the hop whose shared secret has the 32 bytes {@code ikm} */
    public static RoutingKeys deriveFromBytes(byte[] ikm) {
        byte[] okm = OKM.get();
        Hkdf.deriveSha256(ikm, HKDF_INFO, okm, 0, OUTPUT_LENGTH);
        try {
            return new RoutingKeys(okm);
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    /** @return ρ, the AES-128 key of the header key stream (shared, do not modify) */
    public byte[] streamKey() {
        return streamKey;
    }

    /** @return μ, the key of γ (shared, do not modify) */
    public byte[] macKey() {
        return macKey;
    }

    /** @return π, the Lioness key of the payload layer (shared, do not modify) */
    public byte[] payloadKey() {
        return payloadKey;
    }

    /** @return the blinding factor b, reduced mod ℓ */
    public Scalar blindingFactor() {
        return blindingFactor;
    }

    /** Writes the first {@code length} bytes of the header key stream PRG(ρ) to {@code out} at {@code offset}. */
    public void headerKeystreamInto(byte[] out, int offset, int length) {
        decryptPadded(NO_INPUT, 0, 0, out, offset, length);
    }

    /**
     * Decrypts a header's β without copying it first: {@code out[0, outLength) = (β ‖ zeros) XOR
     * PRG(ρ)}, the zeros becoming the filler a hop shifts in.
     *
     * @param beta the array holding β at {@code [offset, offset + length)}; not modified
     * @param out receives the decrypted routing; must not be {@code beta}
     */
    public void decryptPadded(byte[] beta, int offset, int length, byte[] out, int outLength) {
        decryptPadded(beta, offset, length, out, 0, outLength);
    }

    private void decryptPadded(byte[] in, int inOffset, int inLength, byte[] out, int outOffset, int outLength) {
        try {
            StreamCipher.encryptPadded(streamKey, in, inOffset, inLength, out, outOffset, outLength);
        } catch (CryptoException e) {
            throw new IllegalStateException("BUG: derived stream key has the wrong length", e);
        }
    }

    /** Zeroes the symmetric keys. */
    public void wipe() {
        Arrays.fill(streamKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
        Arrays.fill(payloadKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "RoutingKeys[secret]";
    }
}
