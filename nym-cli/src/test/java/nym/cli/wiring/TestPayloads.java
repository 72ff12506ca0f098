package nym.cli.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import nym.sphinx.SphinxGeometry;
import nym.sphinx.fragment.Fragment;
import nym.sphinx.fragment.MessageSplitter;

/** Payloads as a provider hands them to the client: what the final hop left of a packet. */
final class TestPayloads {
    static final SphinxGeometry GEOMETRY = SphinxGeometry.DEFAULT;

    private TestPayloads() {}

    /** @return the padded plaintext of {@code message}, as the final hop leaves it */
    static byte[] payload(byte[] message) {
        byte[] payload = new byte[GEOMETRY.payloadLength()];
        System.arraycopy(message, 0, payload, SphinxGeometry.PAYLOAD_ZERO_PREFIX, message.length);
        payload[SphinxGeometry.PAYLOAD_ZERO_PREFIX + message.length] = SphinxGeometry.PAYLOAD_TERMINATOR;
        return payload;
    }

    /** @return the payloads of {@code message}'s fragments, split with randomness from {@code seed} */
    static List<byte[]> fragments(byte[] message, long seed) {
        List<byte[]> out = new ArrayList<>();
        for (Fragment fragment : MessageSplitter.forGeometry(GEOMETRY, new SplittableRandom(seed)).split(message)) {
            out.add(payload(fragment.toBytes()));
        }
        return out;
    }
}
