package nym.provider.client;

import java.util.Arrays;
import java.util.Objects;

import nym.crypto.ConstantTime;
import nym.provider.ProviderException;
import nym.sphinx.SphinxException;
import nym.sphinx.route.SurbId;

/**
 * What a provider stores for its client and hands over on a pull: the SURB identifier the packet's
 * final routing block carried (all zeros unless the packet is a reply through one of the client's
 * SURBs, so the client finds the keys that undo the reply's layers) followed by the payload.
 *
 * @param surbId the identifier of the final routing block
 * @param payload the payload as the final hop left it (copied in and out)
 */
public record Delivery(SurbId surbId, byte[] payload) {
    /** Checks for nulls and copies the payload. */
    public Delivery {
        Objects.requireNonNull(surbId, "surbId");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return whether the identifier is not all zeros: a reply through a SURB */
    public boolean isReply() {
        byte[] id = surbId.toByteArray();
        return !ConstantTime.allZero(id, 0, id.length);
    }

    /** @return surbId ‖ payload */
    public byte[] toBytes() {
        byte[] bytes = Arrays.copyOf(surbId.toByteArray(), SurbId.LENGTH + payload.length);
        System.arraycopy(payload, 0, bytes, SurbId.LENGTH, payload.length);
        return bytes;
    }

    /**
     * @param payloadLength the network's payload length
     * @return the delivery in {@code bytes}: surbId ‖ payload, or a bare payload (what providers
     *     stored before they kept the identifier) with a zero identifier
     * @throws ProviderException with {@code MALFORMED} for any other length
     */
    public static Delivery fromBytes(byte[] bytes, int payloadLength) throws ProviderException {
        try {
            if (bytes.length == payloadLength) {
                return new Delivery(SurbId.fromBytes(new byte[SurbId.LENGTH]), bytes);
            }
            if (bytes.length == SurbId.LENGTH + payloadLength) {
                return new Delivery(SurbId.readFrom(bytes, 0), Arrays.copyOfRange(bytes, SurbId.LENGTH, bytes.length));
            }
        } catch (SphinxException e) {
            throw new IllegalStateException("BUG: a SURB id of " + SurbId.LENGTH + " bytes was refused", e);
        }
        throw new ProviderException(ProviderException.Reason.MALFORMED, "a stored message of " + bytes.length
                + " bytes is neither a payload (" + payloadLength + ") nor a SURB id and a payload");
    }
}
