package nym.sphinx;

import java.util.Arrays;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.group.GroupElement;
import nym.crypto.group.SharedSecret;
import nym.sphinx.internal.header.RoutingKeys;

/**
 * One packet's layer between the two scalar multiplications of a hop: the routing keys derived from
 * the shared secret, γ verified, and β decrypted (with one zero block appended, which the key stream
 * turns into the shifted-in filler). {@link PacketProcessor} makes these for a whole batch, then
 * re-blinds the forward ones' αs together.
 *
 * <p>Secret: {@link #wipe()} zeroes the keys and the decrypted routing.
 */
final class OpenedLayer {
    final int index;
    final byte[] packetBytes;
    final GroupElement alpha;
    final ReplayTag replayTag;
    final RoutingKeys keys;
    final byte[] routing;

    private OpenedLayer(int index, byte[] packetBytes, GroupElement alpha, ReplayTag replayTag, RoutingKeys keys,
            byte[] routing) {
        this.index = index;
        this.packetBytes = packetBytes;
        this.alpha = alpha;
        this.replayTag = replayTag;
        this.keys = keys;
        this.routing = routing;
    }

    /**
     * @param index the packet's place in its batch
     * @param alpha the packet's α, as {@link SphinxPacket#alpha()} gives it
     * @throws SphinxException with {@code MAC_MISMATCH} if γ does not verify, {@code UNKNOWN_VERSION}
     *     for another version; nothing secret is left behind then
     */
    static OpenedLayer open(int index, SphinxPacket packet, GroupElement alpha, SharedSecret secret)
            throws SphinxException {
        SphinxGeometry geometry = packet.geometry();
        byte[] bytes = packet.internalBytes();
        byte[] s = secret.toBytes(SecretAccess.insecureGrant());
        ReplayTag replayTag;
        RoutingKeys keys;
        try {
            // The keys last: nothing can throw between their derivation and the try that wipes them.
            replayTag = ReplayTag.ofSecret(s);
            keys = RoutingKeys.deriveFromBytes(s);
        } finally {
            Arrays.fill(s, (byte) 0);
        }
        byte[] routing = null;
        try {
            verifyMac(keys, bytes, geometry);
            routing = new byte[geometry.headerKeystreamLength()];
            keys.decryptPadded(bytes, geometry.betaOffset(), geometry.betaLength(), routing, routing.length);
            PacketVersion.requireKnown(routing, SphinxGeometry.VERSION_OFFSET);
            return new OpenedLayer(index, bytes, alpha, replayTag, keys, routing);
        } catch (SphinxException | RuntimeException e) {
            keys.wipe();
            if (routing != null) {
                Arrays.fill(routing, (byte) 0);
            }
            throw e;
        }
    }

    /** @return the routing flag: {@link SphinxGeometry#FORWARD_FLAG} or {@link SphinxGeometry#FINAL_FLAG} */
    byte flag() {
        return routing[0];
    }

    void wipe() {
        keys.wipe();
        Arrays.fill(routing, (byte) 0);
    }

    private static void verifyMac(RoutingKeys keys, byte[] bytes, SphinxGeometry geometry) throws SphinxException {
        try {
            keys.verifyMac(bytes, geometry.betaOffset(), geometry.betaLength(), bytes, geometry.gammaOffset());
        } catch (CryptoException e) {
            throw new SphinxException(SphinxException.Reason.MAC_MISMATCH, "header authentication failed");
        }
    }
}
