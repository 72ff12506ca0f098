package nym.sphinx;

import nym.sphinx.internal.payload.PayloadCodec;

/**
 * The payload a final hop has decrypted with its own layer: for an ordinary message, the padded
 * plaintext; for a reply sent through a SURB, still wrapped in the layers only the SURB's creator
 * can remove ({@link nym.sphinx.surb.SurbDecryptionKeys}). Immutable; bytes are copied in and out.
 */
public final class PacketPayload {
    private final byte[] bytes;

    private PacketPayload(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @param bytes a payload, copied */
    public static PacketPayload fromBytes(byte[] bytes) {
        return new PacketPayload(bytes.clone());
    }

    /** Wraps an array this package has just filled; never exposed. */
    static PacketPayload adopt(byte[] ownedBytes) {
        return new PacketPayload(ownedBytes);
    }

    /** @return a copy of the payload's bytes */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** @return the number of bytes */
    public int length() {
        return bytes.length;
    }

    /**
     * @return the message of an ordinary (not SURB) payload
     * @throws SphinxException with {@code BAD_PAYLOAD_PADDING} if the payload is not a padded message
     */
    public byte[] recoverMessage() throws SphinxException {
        return PayloadCodec.unpad(bytes);
    }

    @Override
    public String toString() {
        return "PacketPayload[" + bytes.length + " bytes]";
    }
}
