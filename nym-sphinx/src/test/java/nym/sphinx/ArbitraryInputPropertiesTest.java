package nym.sphinx;

import static nym.sphinx.PropertyFixtures.assertRefused;
import static nym.sphinx.PropertyFixtures.valueOrSphinxException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import nym.crypto.keys.X25519KeyPair;
import nym.sphinx.SphinxException.Reason;
import nym.sphinx.route.Delay;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;
import nym.sphinx.surb.Surb;
import nym.sphinx.surb.SurbDecryptionKeys;

/**
 * Every entry point that reads bytes from outside, given arbitrary bytes, returns a value or throws a
 * {@link SphinxException}: never an unchecked exception (STYLE rule 10). Lengths are arbitrary
 * (0..3000) or, half of the time, the one length the parser accepts, so the bytes reach the parsing
 * behind the length check.
 */
class ArbitraryInputPropertiesTest {
    private static final int MAX_INPUT = 3000;
    private static final int PACKET_LENGTH = SphinxGeometry.DEFAULT.packetLength();
    private static final PacketProcessor NODE =
            PacketProcessor.forKey(X25519KeyPair.generate(new SplittableRandom(6)).privateKey());

    /** The parsers, each with the length that gets past its length check. */
    enum Parser {
        PROCESS(PACKET_LENGTH),
        PACKET(PACKET_LENGTH),
        SURB(Surb.encodedLength(SphinxGeometry.DEFAULT)),
        SURB_KEYS(SurbId.LENGTH + 1 + SurbDecryptionKeys.KEY_LENGTH * (1 + SphinxGeometry.MAX_SUPPORTED_HOPS)),
        PAYLOAD(SphinxGeometry.DEFAULT_PAYLOAD_LENGTH),
        NODE_ADDRESS(NodeAddress.LENGTH),
        DESTINATION_ADDRESS(DestinationAddress.LENGTH),
        SURB_ID(SurbId.LENGTH);

        final int acceptedLength;

        Parser(int acceptedLength) {
            this.acceptedLength = acceptedLength;
        }

        Object parse(byte[] bytes, SplittableRandom random) throws SphinxException {
            return switch (this) {
                case PROCESS -> NODE.process(bytes);
                case PACKET -> SphinxPacket.fromBytes(bytes);
                case SURB -> replyThrough(Surb.fromBytes(bytes), bytes, random);
                case SURB_KEYS -> recoverWith(SurbDecryptionKeys.fromBytes(bytes), random);
                case PAYLOAD -> PacketPayload.fromBytes(bytes).recoverMessage();
                case NODE_ADDRESS -> NodeAddress.fromBytes(bytes);
                case DESTINATION_ADDRESS -> DestinationAddress.fromBytes(bytes);
                case SURB_ID -> SurbId.fromBytes(bytes);
            };
        }
    }

    @Property(tries = 400)
    void arbitraryBytesGiveAValueOrASphinxException(@ForAll Parser parser,
            @ForAll @IntRange(min = 0, max = MAX_INPUT) int length, @ForAll boolean accepted, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = PropertyFixtures.randomBytes(random, accepted ? parser.acceptedLength : length);
        if (parser == Parser.SURB_KEYS && accepted) {
            bytes[SurbId.LENGTH] = (byte) SphinxGeometry.MAX_SUPPORTED_HOPS;
        }
        valueOrSphinxException(() -> parser.parse(bytes, random));
    }

    /** Wrong lengths are refused before any parsing. */
    @Property(tries = 100)
    void processingRefusesEveryOtherLength(@ForAll @IntRange(min = 0, max = MAX_INPUT) int length,
            @ForAll long seed) {
        int wrong = length == PACKET_LENGTH ? length + 1 : length;
        byte[] bytes = PropertyFixtures.randomBytes(new SplittableRandom(seed), wrong);
        assertRefused(Reason.TRUNCATED, () -> NODE.process(bytes));
        assertRefused(Reason.TRUNCATED, () -> SphinxPacket.fromBytes(bytes));
    }

    /** Random packet-sized bytes are refused at the MAC (a forgery succeeds with probability 2⁻¹²⁸). */
    @Property(tries = 100)
    void randomPacketsFailTheMac(@ForAll long seed) {
        byte[] bytes = PropertyFixtures.randomBytes(new SplittableRandom(seed), PACKET_LENGTH);
        assertRefused(Reason.MAC_MISMATCH, () -> NODE.process(bytes));
    }

    /** Fixed-length fields read at any offset of any buffer. */
    @Property(tries = 300)
    void readingFieldsAtAnyOffsetGivesAValueOrASphinxException(@ForAll @IntRange(min = 0, max = 64) int length,
            @ForAll @IntRange(min = -16, max = 80) int offset, @ForAll long seed) {
        byte[] bytes = PropertyFixtures.randomBytes(new SplittableRandom(seed), length);
        valueOrSphinxException(() -> Delay.readFrom(bytes, offset));
        valueOrSphinxException(() -> NodeAddress.readFrom(bytes, offset));
        valueOrSphinxException(() -> DestinationAddress.readFrom(bytes, offset));
        valueOrSphinxException(() -> SurbId.readFrom(bytes, offset));
    }

    @Property(tries = 200)
    void anyGeometryInputsGiveAGeometryOrBadGeometry(@ForAll int maxHops, @ForAll int payloadLength) {
        SphinxGeometry geometry = valueOrSphinxException(() -> SphinxGeometry.of(maxHops, payloadLength));
        if (geometry != null) {
            valueOrSphinxException(() -> {
                geometry.validate();
                return geometry;
            });
        }
    }

    /** A parsed SURB re-encodes to its input and accepts a reply of any length up to its capacity. */
    private static Object replyThrough(Surb surb, byte[] input, SplittableRandom random) throws SphinxException {
        assertArrayEquals(input, surb.toBytes());
        SphinxPacket reply = surb.createReply(
                PropertyFixtures.randomBytes(random, random.nextInt(SphinxGeometry.DEFAULT.payloadLength())));
        assertEquals(PACKET_LENGTH, reply.toBytes().length);
        return reply;
    }

    /** Parsed SURB keys meet an arbitrary payload: full-sized, short, or of any length. */
    private static Object recoverWith(SurbDecryptionKeys keys, SplittableRandom random) throws SphinxException {
        int length = switch (random.nextInt(3)) {
            case 0 -> SphinxGeometry.DEFAULT_PAYLOAD_LENGTH;
            case 1 -> random.nextInt(SphinxGeometry.PAYLOAD_OVERHEAD + SphinxGeometry.ALPHA_LENGTH);
            default -> random.nextInt(MAX_INPUT);
        };
        return keys.recoverReply(PacketPayload.fromBytes(PropertyFixtures.randomBytes(random, length)));
    }
}
