package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/** The geometry's derived sizes and offsets, its fingerprint and the inputs it refuses. */
class SphinxGeometryTest {
    private static final int[] PAYLOADS = {50, 51, 1024, 2048, 32 * 1024};

    @Test
    void defaultIsTheReferenceGeometry() {
        SphinxGeometry g = SphinxGeometry.DEFAULT;
        assertEquals(5, g.maxHops());
        assertEquals(1024, g.payloadLength());
        assertEquals(1372, g.packetLength());
        assertEquals("SphinxGeometry[hops=5, alpha=32, gamma=16, beta=300, payload=1024, packet=1372]", g.toString());
    }

    @Test
    void packetOffsetsAreContiguousForEveryGeometry() throws SphinxException {
        for (int hops = 1; hops <= SphinxGeometry.MAX_SUPPORTED_HOPS; hops++) {
            for (int payload : PAYLOADS) {
                SphinxGeometry g = SphinxGeometry.of(hops, payload);
                String id = g.toString();
                assertDoesNotThrow(g::validate, id);
                assertEquals(0, g.alphaOffset(), id);
                assertEquals(g.alphaOffset() + SphinxGeometry.ALPHA_LENGTH, g.gammaOffset(), id);
                assertEquals(g.gammaOffset() + SphinxGeometry.MAC_LENGTH, g.betaOffset(), id);
                assertEquals(g.betaOffset() + g.betaLength(), g.payloadOffset(), id);
                assertEquals(g.payloadOffset(), g.headerLength(), id);
                assertEquals(g.payloadOffset() + payload, g.packetLength(), id);
                assertEquals(hops * SphinxGeometry.ROUTING_BLOCK_LENGTH, g.betaLength(), id);
                assertEquals(g.betaLength() + SphinxGeometry.ROUTING_BLOCK_LENGTH, g.headerKeystreamLength(), id);
                assertEquals(payload - SphinxGeometry.PAYLOAD_ZERO_PREFIX - 1, g.maxMessageLength(), id);
            }
        }
    }

    @Test
    void routingBlockOffsetsAreContiguous() {
        assertEquals(SphinxGeometry.FLAG_LENGTH, SphinxGeometry.VERSION_OFFSET);
        assertEquals(SphinxGeometry.VERSION_OFFSET + PacketVersion.LENGTH, SphinxGeometry.ADDRESS_OFFSET);
        assertEquals(SphinxGeometry.ADDRESS_OFFSET + NodeAddress.LENGTH, SphinxGeometry.DELAY_OFFSET);
        assertEquals(SphinxGeometry.DELAY_OFFSET + Delay.LENGTH, SphinxGeometry.NEXT_MAC_OFFSET);
        assertEquals(SphinxGeometry.NEXT_MAC_OFFSET + SphinxGeometry.MAC_LENGTH, SphinxGeometry.ROUTING_BLOCK_LENGTH);
        assertEquals(SphinxGeometry.ADDRESS_OFFSET + DestinationAddress.LENGTH, SphinxGeometry.IDENTIFIER_OFFSET);
        assertEquals(SphinxGeometry.IDENTIFIER_OFFSET + SurbId.LENGTH, SphinxGeometry.FINAL_BLOCK_LENGTH);
        assertTrue(SphinxGeometry.FINAL_BLOCK_LENGTH <= SphinxGeometry.ROUTING_BLOCK_LENGTH);
        assertEquals(SphinxGeometry.PAYLOAD_ZERO_PREFIX + 1, SphinxGeometry.PAYLOAD_OVERHEAD);
    }

    @Test
    void fingerprintIsStable() throws SphinxException {
        // Pinned: nodes and clients compare this value, so a change to its encoding is a protocol change.
        assertEquals("908afdedf213d2e3", SphinxGeometry.DEFAULT.fingerprint());
        assertEquals(SphinxGeometry.DEFAULT.fingerprint(), SphinxGeometry.DEFAULT.fingerprint());
        assertEquals(SphinxGeometry.DEFAULT.fingerprint(), SphinxGeometry.of(5, 1024).fingerprint());
    }

    @Test
    void fingerprintDiffersForADifferentGeometry() throws SphinxException {
        String reference = SphinxGeometry.DEFAULT.fingerprint();
        assertNotEquals(reference, SphinxGeometry.of(3, 1024).fingerprint());
        assertNotEquals(reference, SphinxGeometry.of(5, 2048).fingerprint());
        assertNotEquals(reference, SphinxGeometry.of(5, 1023).fingerprint());
        assertNotEquals(SphinxGeometry.of(3, 1024).fingerprint(), SphinxGeometry.of(4, 1024).fingerprint());
    }

    @Test
    void smallestGeometryIsAccepted() throws SphinxException {
        SphinxGeometry g = SphinxGeometry.of(1, SphinxGeometry.PAYLOAD_OVERHEAD + 1 + SphinxGeometry.ALPHA_LENGTH);
        assertEquals(50, g.payloadLength());
        assertDoesNotThrow(g::validate);
    }

    @ParameterizedTest
    @CsvSource({"0, 1024", "-1, 1024", "6, 1024", "2147483647, 1024", "5, 49", "5, 0", "5, -1024", "1, -2147483648"})
    void ofRefusesOutOfRangeInputs(int maxHops, int payloadLength) {
        SphinxException e = assertThrows(SphinxException.class, () -> SphinxGeometry.of(maxHops, payloadLength));
        assertEquals(SphinxException.Reason.BAD_GEOMETRY, e.reason());
        assertTrue(e.getMessage().startsWith("sphinx: "), e.getMessage());
    }
}
