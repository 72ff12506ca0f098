package nym.provider.internal.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nym.crypto.ConstantTime;
import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.crypto.primitives.Hkdf;
import nym.provider.ProviderException;

/**
 * The encrypted, authenticated connection between a client and its provider, so that nobody on the
 * path reads the pulled messages or the auth token, or changes them. The handshake is the Noise NK
 * pattern's shape: the client knows the provider's public key S from the topology.
 *
 * <pre>
 * client → provider:  "nym-provider-channel-v1" (23 bytes) ‖ e_c (32)
 * provider → client:  e_p (32) ‖ sealed READY frame
 * keys = HKDF-SHA256(ikm = X25519(e_c, S) ‖ X25519(e_c, e_p),
 *                    info = label ‖ e_c ‖ e_p ‖ S, 64 bytes) = k_client→provider ‖ k_provider→client
 * frame: length (u32, of what follows) ‖ ChaCha20-Poly1305(k, nonce = frame counter (u64, big-endian,
 *        after 4 zero bytes), aad = the 4 length bytes, type (u8) ‖ body)
 * </pre>
 *
 * Only the holder of S's private key can compute the keys, so the READY frame the client opens
 * proves it talks to the provider of the topology; fresh ephemeral keys on both sides make every
 * connection's keys new (forward secrecy) and a recorded connection useless to replay. Each direction
 * counts its frames: a frame dropped, reordered, replayed or changed fails to open and ends the
 * connection.
 *
 * <p>Not thread-safe: one {@code Cipher} serves both directions, so one thread at a time may read or
 * write (the protocol is request, then response).
 */
public final class SecureChannel {
    /** The first bytes a client sends, which also name the version. */
    static final byte[] LABEL = "nym-provider-channel-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_LENGTH = 32;
    private static final int TAG_LENGTH = 16;
    private static final int NONCE_LENGTH = 12;
    /** The type of the frame that confirms the provider's keys. */
    private static final int READY = 0x7F;
    private static final String NOT_AUTHENTIC = "a frame did not authenticate";

    private final DataInputStream in;
    private final DataOutputStream out;
    private final SecretKeySpec sendKey;
    private final SecretKeySpec receiveKey;
    private final Cipher cipher;
    private long sent;
    private long received;
    private FrameWatch watch = FrameWatch.NONE;

    /** Told when a frame's first byte has come and when the frame has been read (or failed). */
    public interface FrameWatch {
        void started();

        void finished();

        /** Watches nothing. */
        FrameWatch NONE = new FrameWatch() {
            @Override
            public void started() {
                // Nothing to watch.
            }

            @Override
            public void finished() {
                // Nothing to watch.
            }
        };
    }

    /** From now on, tells {@code frames} when each frame read starts and ends. */
    public void watchFrames(FrameWatch frames) {
        this.watch = java.util.Objects.requireNonNull(frames, "frames");
    }

    private SecureChannel(DataInputStream in, DataOutputStream out, byte[] sendKey, byte[] receiveKey) {
        this.in = in;
        this.out = out;
        this.sendKey = new SecretKeySpec(sendKey, "ChaCha20");
        this.receiveKey = new SecretKeySpec(receiveKey, "ChaCha20");
        Arrays.fill(sendKey, (byte) 0);
        Arrays.fill(receiveKey, (byte) 0);
        try {
            this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: ChaCha20-Poly1305 unavailable in this JDK", e);
        }
    }

    /**
     * The client's side of the handshake.
     *
     * @param provider the provider's public key, as the topology lists it
     * @throws ProviderException with {@code UNAUTHORIZED} if the other side does not hold that key
     *     (or speaks another version), {@code MALFORMED} for a handshake cut short
     */
    public static SecureChannel client(DataInputStream in, DataOutputStream out, X25519PublicKey provider,
            SecureRandom random) throws IOException, ProviderException {
        X25519KeyPair ephemeral = X25519KeyPair.generate(random);
        out.write(LABEL);
        out.write(ephemeral.publicKey().toByteArray());
        out.flush();
        X25519PublicKey providerEphemeral = readKey(in);
        byte[] keys = keys(ephemeral.privateKey(), provider, ephemeral.privateKey(), providerEphemeral,
                ephemeral.publicKey(), providerEphemeral, provider);
        SecureChannel channel = new SecureChannel(in, out, Arrays.copyOfRange(keys, 0, KEY_LENGTH),
                Arrays.copyOfRange(keys, KEY_LENGTH, 2 * KEY_LENGTH));
        Arrays.fill(keys, (byte) 0);
        ClientFrames.Frame ready;
        try {
            ready = channel.read(1);
        } catch (ProviderException e) {
            if (!e.getMessage().endsWith(NOT_AUTHENTIC)) {
                throw e; // the connection broke: nothing is known about the other side's key
            }
            throw new ProviderException(ProviderException.Reason.UNAUTHORIZED, "the provider does not hold the key the "
                    + "topology lists for it (or speaks another version of the client protocol)", e);
        }
        if (ready == null || ready.type() != READY) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "no READY frame from the provider");
        }
        return channel;
    }

    /**
     * The provider's side of the handshake.
     *
     * @return the channel, or null if the peer closed before saying anything
     * @throws ProviderException with {@code MALFORMED} for a peer that does not open with the label
     *     (an older client, or not a client at all)
     */
    public static SecureChannel provider(DataInputStream in, DataOutputStream out, X25519KeyPair key,
            SecureRandom random) throws IOException, ProviderException {
        byte[] label = new byte[LABEL.length];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        label[0] = (byte) first;
        try {
            in.readFully(label, 1, label.length - 1);
        } catch (EOFException e) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "connection ended inside the handshake");
        }
        if (!Arrays.equals(label, LABEL)) {
            throw new ProviderException(ProviderException.Reason.MALFORMED,
                    "not a client of this version: the connection must open with \"nym-provider-channel-v1\"");
        }
        X25519PublicKey clientEphemeral = readKey(in);
        X25519KeyPair ephemeral = X25519KeyPair.generate(random);
        // Keys first: a low-order e_c ends the handshake before anything is written back.
        byte[] keys = keys(key.privateKey(), clientEphemeral, ephemeral.privateKey(), clientEphemeral, clientEphemeral,
                ephemeral.publicKey(), key.publicKey());
        out.write(ephemeral.publicKey().toByteArray());
        // The provider's es is X25519(s, e_c) and its ee is X25519(e_p, e_c): the same two values as the client's.
        SecureChannel channel = new SecureChannel(in, out, Arrays.copyOfRange(keys, KEY_LENGTH, 2 * KEY_LENGTH),
                Arrays.copyOfRange(keys, 0, KEY_LENGTH));
        Arrays.fill(keys, (byte) 0);
        channel.write(READY, new byte[0]);
        return channel;
    }

    /**
     * es = X25519(esKey, esPeer), ee = X25519(eeKey, eePeer); each side passes its own private keys.
     *
     * @return k_client→provider ‖ k_provider→client
     * @throws ProviderException with {@code MALFORMED} if a peer key is of low order (a zero result)
     */
    private static byte[] keys(X25519PrivateKey esKey, X25519PublicKey esPeer, X25519PrivateKey eeKey,
            X25519PublicKey eePeer, X25519PublicKey clientEphemeral, X25519PublicKey providerEphemeral,
            X25519PublicKey providerStatic) throws ProviderException {
        byte[] es = dh(esKey, esPeer);
        byte[] ee = dh(eeKey, eePeer);
        byte[] ikm = new byte[es.length + ee.length];
        System.arraycopy(es, 0, ikm, 0, es.length);
        System.arraycopy(ee, 0, ikm, es.length, ee.length);
        Arrays.fill(es, (byte) 0);
        Arrays.fill(ee, (byte) 0);
        ByteBuffer info = ByteBuffer.allocate(LABEL.length + 3 * X25519PublicKey.LENGTH).put(LABEL)
                .put(clientEphemeral.toByteArray()).put(providerEphemeral.toByteArray()).put(providerStatic.toByteArray());
        try {
            return Hkdf.deriveSha256(ikm, info.array(), 2 * KEY_LENGTH);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    private static byte[] dh(X25519PrivateKey key, X25519PublicKey peer) throws ProviderException {
        byte[] shared = key.sharedSecret(peer.toGroupElement()).toBytes(SecretAccess.insecureGrant());
        if (ConstantTime.allZero(shared, 0, shared.length)) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "a handshake key of low order");
        }
        return shared;
    }

    private static X25519PublicKey readKey(DataInputStream in) throws IOException, ProviderException {
        byte[] key = new byte[X25519PublicKey.LENGTH];
        try {
            in.readFully(key);
            return X25519PublicKey.fromBytes(key);
        } catch (EOFException e) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "connection ended inside the handshake");
        } catch (CryptoException e) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "bad handshake key: " + e.getMessage());
        }
    }

    /** Seals and sends one frame. */
    public void write(int type, byte[] body) throws IOException {
        byte[] plain = new byte[1 + body.length];
        plain[0] = (byte) type;
        System.arraycopy(body, 0, plain, 1, body.length);
        byte[] length = ByteBuffer.allocate(4).putInt(plain.length + TAG_LENGTH).array();
        byte[] sealed;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, sendKey, nonce(sent++));
            cipher.updateAAD(length);
            sealed = cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: ChaCha20-Poly1305 sealing failed", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        out.write(length);
        out.write(sealed);
        out.flush();
    }

    /**
     * @param maxLength the longest type ‖ body accepted
     * @return the next frame, or null at a clean end of stream
     * @throws ProviderException with {@code MALFORMED} for a length out of bounds, a stream that ends
     *     inside a frame, or a frame that does not open (changed, replayed, out of order, other keys)
     */
    public ClientFrames.Frame read(int maxLength) throws IOException, ProviderException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        watch.started();
        try {
            return readAfter(first, maxLength);
        } finally {
            watch.finished();
        }
    }

    private ClientFrames.Frame readAfter(int first, int maxLength) throws IOException, ProviderException {
        byte[] length = new byte[4];
        length[0] = (byte) first;
        byte[] sealed;
        try {
            in.readFully(length, 1, 3);
            int sealedLength = ByteBuffer.wrap(length).getInt();
            if (sealedLength < 1 + TAG_LENGTH || sealedLength > maxLength + TAG_LENGTH) {
                throw new ProviderException(ProviderException.Reason.MALFORMED, "sealed frame length "
                        + (sealedLength & 0xFFFFFFFFL) + " outside " + (1 + TAG_LENGTH) + ".." + (maxLength + TAG_LENGTH));
            }
            sealed = new byte[sealedLength];
            in.readFully(sealed);
        } catch (EOFException e) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, "stream ended inside a frame");
        }
        byte[] plain;
        try {
            cipher.init(Cipher.DECRYPT_MODE, receiveKey, nonce(received++));
            cipher.updateAAD(length);
            plain = cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new ProviderException(ProviderException.Reason.MALFORMED, NOT_AUTHENTIC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BUG: ChaCha20-Poly1305 opening failed", e);
        }
        try {
            return new ClientFrames.Frame(plain[0] & 0xFF, Arrays.copyOfRange(plain, 1, plain.length));
        } finally {
            Arrays.fill(plain, (byte) 0); // a PULL or REGISTERED frame carries the token
        }
    }

    private static IvParameterSpec nonce(long counter) {
        return new IvParameterSpec(ByteBuffer.allocate(NONCE_LENGTH).putInt(0).putLong(counter).array());
    }
}
