package nym.sphinx.surb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import nym.crypto.SecretAccess;
import nym.sphinx.PacketPayload;
import nym.sphinx.ProcessedPacket;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxGeometry;
import nym.sphinx.SphinxPacket;
import nym.sphinx.TestRoutes;
import nym.sphinx.route.DestinationAddress;

class SurbTest {
    private final SplittableRandom random = new SplittableRandom(42);
    private final TestRoutes returnRoute = TestRoutes.random(4, random);
    private final DestinationAddress creator = TestRoutes.destination(random).address();

    private SurbBuilder.Created create() throws SphinxException {
        return SurbBuilder.create().route(returnRoute.hops()).delays(returnRoute.delays()).destination(creator)
                .random(random).build();
    }

    @Test
    void replyThroughASurbReachesItsCreator() throws Exception {
        SurbBuilder.Created created = create();
        byte[] reply = "the answer is 42".getBytes(StandardCharsets.UTF_8);

        // The SURB travels as bytes to the replier.
        Surb received = Surb.fromBytes(created.surb().toBytes());
        SphinxPacket packet = received.createReply(reply);
        assertEquals(returnRoute.hops().get(0).address(), received.firstHop());
        assertEquals(SphinxGeometry.DEFAULT.packetLength(), packet.toBytes().length);

        ProcessedPacket.FinalHop last = returnRoute.walk(packet, null);
        assertEquals(creator, last.destination());
        assertEquals(created.decryptionKeys().surbId(), last.surbId());
        assertArrayEquals(reply, created.decryptionKeys().recoverReply(last.payload()));
    }

    @Test
    void theReplyIsNotReadableWithoutTheKeys() throws Exception {
        SurbBuilder.Created created = create();
        SphinxPacket packet = created.surb().createReply("secret".getBytes(StandardCharsets.UTF_8));
        ProcessedPacket.FinalHop last = returnRoute.walk(packet, null);
        SphinxException e = assertThrows(SphinxException.class, () -> last.payload().recoverMessage());
        assertEquals(SphinxException.Reason.BAD_PAYLOAD_PADDING, e.reason());

        SurbBuilder.Created other = create();
        SphinxException wrongKeys = assertThrows(SphinxException.class,
                () -> other.decryptionKeys().recoverReply(last.payload()));
        assertEquals(SphinxException.Reason.BAD_PAYLOAD_PADDING, wrongKeys.reason());
    }

    @Test
    void decryptionKeysSurviveTheirEncoding() throws Exception {
        SurbBuilder.Created created = create();
        SurbDecryptionKeys restored = SurbDecryptionKeys.fromBytes(
                created.decryptionKeys().toBytes(SecretAccess.insecureGrant()));
        byte[] reply = {1, 2, 3};
        ProcessedPacket.FinalHop last = returnRoute.walk(created.surb().createReply(reply), null);
        assertArrayEquals(reply, restored.recoverReply(last.payload()));
        assertEquals(created.decryptionKeys().surbId(), restored.surbId());
    }

    /** A client wipes the keys it has stored or used: the object in memory then holds no secret. */
    @Test
    void wipedKeysHoldNoSecretAndRecoverNothing() throws Exception {
        SurbBuilder.Created created = create();
        ProcessedPacket.FinalHop last = returnRoute.walk(created.surb().createReply(new byte[] {1, 2, 3}), null);
        SurbDecryptionKeys keys = created.decryptionKeys();
        keys.wipe();
        byte[] encoded = keys.toBytes(SecretAccess.insecureGrant());
        for (int i = nym.sphinx.route.SurbId.LENGTH + 1; i < encoded.length; i++) {
            assertEquals(0, encoded[i], "key byte " + i);
        }
        SphinxException e = assertThrows(SphinxException.class, () -> keys.recoverReply(last.payload()));
        assertEquals(SphinxException.Reason.BAD_PAYLOAD_PADDING, e.reason());
    }

    @Test
    void truncatedEncodingsAreRefused() throws Exception {
        byte[] surb = create().surb().toBytes();
        SphinxException e = assertThrows(SphinxException.class,
                () -> Surb.fromBytes(java.util.Arrays.copyOf(surb, surb.length - 1)));
        assertEquals(SphinxException.Reason.TRUNCATED, e.reason());
        SphinxException keys = assertThrows(SphinxException.class, () -> SurbDecryptionKeys.fromBytes(new byte[20]));
        assertEquals(SphinxException.Reason.TRUNCATED, keys.reason());
        assertThrows(SphinxException.class, () -> create().decryptionKeys()
                .recoverReply(PacketPayload.fromBytes(new byte[SphinxGeometry.DEFAULT.payloadLength()])));
    }

    @Test
    void toStringHidesTheKeys() throws Exception {
        SurbBuilder.Created created = create();
        String text = created.decryptionKeys().toString();
        byte[] encoded = created.decryptionKeys().toBytes(SecretAccess.insecureGrant());
        String keyHex = java.util.HexFormat.of().formatHex(encoded, 17, 49);
        assertEquals(false, text.contains(keyHex), text);
        assertEquals(true, text.contains("secret"), text);
    }

    @Test
    void theReplyKeyIsWipedWhenBuildingTheSurbFails() {
        // Calls for the identifier, the final padding and the reply key, then for the packet's secret.
        List<byte[]> handedOut = new ArrayList<>();
        RandomGenerator failing = new RandomGenerator() {
            @Override
            public long nextLong() {
                return random.nextLong();
            }

            @Override
            public void nextBytes(byte[] bytes) {
                if (handedOut.size() == 3) {
                    throw new IllegalStateException("entropy source failed");
                }
                random.nextBytes(bytes);
                handedOut.add(bytes);
            }
        };
        SurbBuilder builder = SurbBuilder.create().route(returnRoute.hops()).delays(returnRoute.delays())
                .destination(creator).random(failing);
        assertThrows(IllegalStateException.class, builder::build);
        byte[] replyKey = handedOut.get(2);
        assertEquals(SurbDecryptionKeys.KEY_LENGTH, replyKey.length);
        assertArrayEquals(new byte[SurbDecryptionKeys.KEY_LENGTH], replyKey, "the reply key outlives a failed build");
    }
}
