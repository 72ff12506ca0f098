package nym.sphinx;

import java.util.Arrays;
import java.util.function.Consumer;

import nym.crypto.CryptoException;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.primitives.TruncatedHmac;
import nym.sphinx.internal.header.RoutingKeys;

/**
 * Test-only forgery with the first hop's private key: decrypts β with that hop's key stream, lets a
 * test edit the plaintext routing information, re-encrypts it and recomputes γ. The result passes
 * the MAC at the first hop, so processing reaches the checks that follow it (version, flag, delay).
 */
final class HeaderSurgery {
    private HeaderSurgery() {}

    /**
     * @param packet a packet whose first hop holds {@code firstHopKey}
     * @param edit changes the decrypted β in place; the first routing block is bytes [0, 60)
     * @return the packet with the edited β and a valid γ
     */
    static SphinxPacket rewriteRouting(SphinxPacket packet, X25519PrivateKey firstHopKey, Consumer<byte[]> edit)
            throws SphinxException {
        SphinxGeometry geometry = packet.geometry();
        final int gammaOffset = geometry.gammaOffset();
        final int betaOffset = geometry.betaOffset();
        final int betaLength = geometry.betaLength();
        byte[] bytes = packet.toBytes();
        RoutingKeys keys = RoutingKeys.derive(firstHopKey.sharedSecret(packet.alpha()));
        byte[] stream = new byte[betaLength];
        keys.headerKeystreamInto(stream, 0, betaLength);
        byte[] beta = Arrays.copyOfRange(bytes, betaOffset, betaOffset + betaLength);
        xor(beta, stream);
        edit.accept(beta);
        xor(beta, stream);
        System.arraycopy(beta, 0, bytes, betaOffset, betaLength);
        try {
            System.arraycopy(TruncatedHmac.compute(keys.macKey(), beta, 0, betaLength), 0, bytes, gammaOffset,
                    SphinxGeometry.MAC_LENGTH);
        } catch (CryptoException e) {
            throw new AssertionError(e);
        }
        return SphinxPacket.fromBytes(geometry, bytes);
    }

    private static void xor(byte[] data, byte[] stream) {
        for (int i = 0; i < data.length; i++) {
            data[i] ^= stream[i];
        }
    }
}
