package nym.sphinx;

import static nym.sphinx.ByteHistogram.CHI_SQUARE_255_P_1E_6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import nym.sphinx.route.DestinationAddress;
import nym.sphinx.surb.SurbBuilder;

/**
 * A real message, a loop cover message and a SURB reply look alike on the wire: same length, and
 * bytes that neither a uniformity test nor a comparison with each other can tell apart.
 *
 * <p>Each try sends all three kinds along the same {@value #ROUTES_PER_TRY} random routes (1 to 5
 * hops) and counts the bytes of every packet on every hop. Each of the six chi-square statistics
 * (three against uniform, three pairwise) must stay below the p = 10⁻⁶ quantile of χ²₂₅₅, so a
 * correct implementation fails a try with probability below 6·10⁻⁶. (α's top bit is always 0,
 * which adds about packets/1372 to the uniform statistic: negligible.)
 */
class IndistinguishabilityPropertiesTest {
    private static final int ROUTES_PER_TRY = 30;
    private static final int PACKET_LENGTH = SphinxGeometry.DEFAULT.packetLength();

    @Property(tries = 5)
    void realCoverAndReplyPacketsAreUniformAndAlike(@ForAll long seed) throws SphinxException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteHistogram real = new ByteHistogram();
        ByteHistogram cover = new ByteHistogram();
        ByteHistogram reply = new ByteHistogram();
        for (int i = 0; i < ROUTES_PER_TRY; i++) {
            TestRoutes route = TestRoutes.random(1 + random.nextInt(SphinxGeometry.MAX_SUPPORTED_HOPS), random);
            DestinationAddress self = TestRoutes.destination(random).address();

            byte[] text = PropertyFixtures.lowEntropyText(random, random.nextInt(PropertyFixtures.MAX_MESSAGE + 1));
            addEveryHop(real, route, PropertyFixtures.packet(route,
                    PropertyFixtures.ordinary(TestRoutes.destination(random).address()), text, random));

            byte[] loop = i % 2 == 0 ? new byte[0]
                    : PropertyFixtures.randomBytes(random, random.nextInt(PropertyFixtures.MAX_MESSAGE + 1));
            addEveryHop(cover, route, PropertyFixtures.packet(route, PropertyFixtures.ordinary(self), loop, random));

            SurbBuilder.Created surb = SurbBuilder.create().route(route.hops()).delays(route.delays())
                    .destination(self).random(random).build();
            addEveryHop(reply, route, surb.surb().createReply(
                    PropertyFixtures.lowEntropyText(random, random.nextInt(PropertyFixtures.MAX_MESSAGE + 1))));
        }

        assertEquals(real.total(), cover.total());
        assertEquals(real.total(), reply.total());
        assertBelowThreshold("real vs uniform", real.chiSquareUniform());
        assertBelowThreshold("cover vs uniform", cover.chiSquareUniform());
        assertBelowThreshold("reply vs uniform", reply.chiSquareUniform());
        assertBelowThreshold("real vs cover", real.chiSquareAgainst(cover));
        assertBelowThreshold("real vs reply", real.chiSquareAgainst(reply));
        assertBelowThreshold("cover vs reply", cover.chiSquareAgainst(reply));
    }

    /** The test above can fail: 100 plaintext bytes per packet are enough to exceed the threshold. */
    @Example
    void theStatisticsDetectALeakOfPlaintext() throws SphinxException {
        SplittableRandom random = new SplittableRandom(5);
        ByteHistogram sealed = new ByteHistogram();
        ByteHistogram leaky = new ByteHistogram();
        for (int i = 0; i < ROUTES_PER_TRY; i++) {
            TestRoutes route = TestRoutes.random(1, random);
            byte[] text = PropertyFixtures.lowEntropyText(random, 100);
            byte[] packet = PropertyFixtures.packet(route, TestRoutes.destination(random), text, random).toBytes();
            sealed.add(packet);
            System.arraycopy(text, 0, packet, SphinxGeometry.DEFAULT.payloadOffset(), text.length);
            leaky.add(packet);
        }
        assertBelowThreshold("sealed vs uniform", sealed.chiSquareUniform());
        assertTrue(leaky.chiSquareUniform() > CHI_SQUARE_255_P_1E_6, "leak not detected against uniform");
        assertTrue(sealed.chiSquareAgainst(leaky) > CHI_SQUARE_255_P_1E_6, "leak not detected by comparison");
    }

    private static void addEveryHop(ByteHistogram histogram, TestRoutes route, SphinxPacket packet)
            throws SphinxException {
        for (SphinxPacket hop : PropertyFixtures.hops(route, packet)) {
            byte[] bytes = hop.toBytes();
            assertEquals(PACKET_LENGTH, bytes.length);
            histogram.add(bytes);
        }
    }

    private static void assertBelowThreshold(String what, double chiSquare) {
        assertTrue(chiSquare < CHI_SQUARE_255_P_1E_6, what + ": chi-square " + chiSquare + " >= "
                + CHI_SQUARE_255_P_1E_6 + " (255 degrees of freedom, p = 1e-6)");
    }
}
