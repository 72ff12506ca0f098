package nym.sphinx.surb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import nym.crypto.SecretAccess;
import nym.crypto.primitives.Lioness;
import nym.sphinx.PacketPayload;
import nym.sphinx.SphinxException;
import nym.sphinx.internal.payload.PayloadCodec;
import nym.sphinx.route.SurbId;

/**
 * What the creator of a {@link Surb} keeps to read the reply: the SURB's identifier, its reply key,
 * and the payload key of every hop of the return route. Secret: never printed; equality is identity.
 *
 * <p>Encoding ({@link #toBytes(SecretAccess)}), for a client that stores its keys: identifier (16) ‖
 * hop count (1) ‖ reply key (192) ‖ one 192-byte payload key per hop.
 */
public final class SurbDecryptionKeys {
    /** Bytes of a reply key and of each hop's payload key (a Lioness key). */
    public static final int KEY_LENGTH = Lioness.KEY_LENGTH;

    private final SurbId surbId;
    private final byte[] replyKey;
    private final List<byte[]> hopKeys;

    /** Takes over the arrays, which the caller made for it and does not keep. */
    SurbDecryptionKeys(SurbId surbId, byte[] replyKey, List<byte[]> hopKeys) {
        this.surbId = Objects.requireNonNull(surbId, "surbId");
        this.replyKey = Objects.requireNonNull(replyKey, "replyKey");
        this.hopKeys = List.copyOf(hopKeys);
    }

    /** @return the identifier the reply arrives with, to find these keys */
    public SurbId surbId() {
        return surbId;
    }

    /**
     * Removes every layer the return route left on the reply's payload (in reverse hop order) and
     * then the reply key, and reads the message.
     *
     * @param payload the payload of the final hop of the reply
     * @throws SphinxException with {@code TRUNCATED} if it is too short to be a payload, with
     *     {@code BAD_PAYLOAD_PADDING} if it was not made with this SURB
     */
    public byte[] recoverReply(PacketPayload payload) throws SphinxException {
        if (payload.length() < Lioness.MIN_BLOCK_LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "payload must be at least "
                    + Lioness.MIN_BLOCK_LENGTH + " bytes, got " + payload.length());
        }
        byte[] bytes = payload.toBytes();
        for (int i = hopKeys.size() - 1; i >= 0; i--) {
            PayloadCodec.encrypt(hopKeys.get(i), bytes);
        }
        PayloadCodec.decrypt(replyKey, bytes);
        return PayloadCodec.unpad(bytes);
    }

    /**
     * Overwrites the reply key and the hop keys with zeros, once the keys are stored or used: these
     * keys then recover nothing. The identifier stays.
     */
    public void wipe() {
        Arrays.fill(replyKey, (byte) 0);
        hopKeys.forEach(key -> Arrays.fill(key, (byte) 0));
    }

    /** @return the encoding described in the class comment */
    public byte[] toBytes(SecretAccess access) {
        Objects.requireNonNull(access, "access");
        byte[] out = new byte[SurbId.LENGTH + 1 + KEY_LENGTH * (1 + hopKeys.size())];
        surbId.copyTo(out, 0);
        out[SurbId.LENGTH] = (byte) hopKeys.size();
        int offset = SurbId.LENGTH + 1;
        System.arraycopy(replyKey, 0, out, offset, KEY_LENGTH);
        for (byte[] key : hopKeys) {
            offset += KEY_LENGTH;
            System.arraycopy(key, 0, out, offset, KEY_LENGTH);
        }
        return out;
    }

    /**
     * @param bytes an encoding made by {@link #toBytes(SecretAccess)}
     * @throws SphinxException with {@code TRUNCATED} if the length does not match the hop count
     */
    public static SurbDecryptionKeys fromBytes(byte[] bytes) throws SphinxException {
        if (bytes == null || bytes.length < SurbId.LENGTH + 1 + KEY_LENGTH) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "SURB keys too short");
        }
        int hops = bytes[SurbId.LENGTH] & 0xFF;
        int expected = SurbId.LENGTH + 1 + KEY_LENGTH * (1 + hops);
        if (hops == 0 || bytes.length != expected) {
            throw new SphinxException(SphinxException.Reason.TRUNCATED, "SURB keys for " + hops + " hops must be "
                    + expected + " bytes, got " + bytes.length);
        }
        int offset = SurbId.LENGTH + 1;
        byte[] reply = Arrays.copyOfRange(bytes, offset, offset + KEY_LENGTH);
        List<byte[]> keys = new ArrayList<>(hops);
        for (int i = 0; i < hops; i++) {
            offset += KEY_LENGTH;
            keys.add(Arrays.copyOfRange(bytes, offset, offset + KEY_LENGTH));
        }
        return new SurbDecryptionKeys(SurbId.readFrom(bytes, 0), reply, keys);
    }

    @Override
    public String toString() {
        return "SurbDecryptionKeys[" + surbId.toHex() + ", secret]";
    }
}
