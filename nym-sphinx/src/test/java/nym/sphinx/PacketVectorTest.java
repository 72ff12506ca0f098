package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nym.crypto.group.Scalar;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.sphinx.route.Delay;
import nym.sphinx.route.Destination;
import nym.sphinx.route.DestinationAddress;
import nym.sphinx.route.Hop;
import nym.sphinx.route.NodeAddress;
import nym.sphinx.route.SurbId;

/**
 * The reference's packet vectors, byte for byte: the builder reproduces each packet from the
 * recorded inputs, and the processor turns each hop's input into the recorded output.
 */
class PacketVectorTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void builderReproducesEveryReferencePacket() throws Exception {
        List<String> failures = new ArrayList<>();
        for (JsonNode vector : ReferenceVectors.packets()) {
            List<Hop> route = new ArrayList<>();
            List<Delay> delays = new ArrayList<>();
            for (JsonNode node : vector.path("route")) {
                route.add(new Hop(NodeAddress.fromBytes(ReferenceVectors.hex(node, "address_hex")),
                        X25519PublicKey.fromBytes(ReferenceVectors.hex(node, "public_key_hex"))));
                delays.add(Delay.ofNanos(node.path("delay_nanos").asLong()));
            }
            SphinxPacket packet = PacketBuilder.create()
                    .route(route)
                    .delays(delays)
                    .destination(destinationOf(vector))
                    .message(ReferenceVectors.hex(vector, "message_hex"))
                    .insecureFixedRandomness(Scalar.fromBytesClamped(ReferenceVectors.hex(vector, "initial_secret_raw_hex")),
                            ReferenceVectors.hex(vector, "final_routing_padding_hex"))
                    .build();
            String expected = vector.path("packet_hex").asText();
            if (!HEX.formatHex(packet.toBytes()).equals(expected)) {
                failures.add(vector.path("name").asText() + ": packet differs at byte "
                        + firstDifference(packet.toBytes(), HEX.parseHex(expected)));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void processorReproducesEveryReferenceHop() throws Exception {
        List<String> failures = new ArrayList<>();
        int hopsChecked = 0;
        for (JsonNode vector : ReferenceVectors.packets()) {
            JsonNode route = vector.path("route");
            for (JsonNode hop : vector.path("hops")) {
                int index = hop.path("hop_index").asInt();
                String id = vector.path("name").asText() + " hop " + index;
                X25519PrivateKey key = X25519PrivateKey.fromBytes(
                        ReferenceVectors.hex(route.get(index), "secret_key_raw_hex"));
                ProcessedPacket result;
                try {
                    result = PacketProcessor.forKey(key).process(ReferenceVectors.hex(hop, "input_packet_hex"));
                } catch (SphinxException e) {
                    failures.add(id + ": " + e.getMessage());
                    continue;
                }
                hopsChecked++;
                switch (result) {
                    case ProcessedPacket.ForwardHop forward -> {
                        check(failures, id + " result", "forward", hop.path("result").asText());
                        check(failures, id + " next address", hop.path("next_hop_address_hex").asText(),
                                forward.nextHop().toHex());
                        check(failures, id + " delay", hop.path("delay_nanos").asLong(), forward.delay().nanos());
                        check(failures, id + " output", hop.path("output_packet_hex").asText(),
                                HEX.formatHex(forward.next().toBytes()));
                    }
                    case ProcessedPacket.FinalHop last -> {
                        check(failures, id + " result", "final", hop.path("result").asText());
                        check(failures, id + " destination", hop.path("destination_address_hex").asText(),
                                last.destination().toHex());
                        check(failures, id + " identifier", hop.path("surb_identifier_hex").asText(),
                                last.surbId().toHex());
                        check(failures, id + " payload", hop.path("final_payload_hex").asText(),
                                HEX.formatHex(last.payload().toBytes()));
                        check(failures, id + " message", hop.path("recovered_plaintext_hex").asText(),
                                HEX.formatHex(last.payload().recoverMessage()));
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(8, hopsChecked, "3 + 5 hops in the reference set");
    }

    private static Destination destinationOf(JsonNode vector) throws SphinxException {
        return new Destination(DestinationAddress.fromBytes(ReferenceVectors.hex(vector, "destination_address_hex")),
                SurbId.fromBytes(ReferenceVectors.hex(vector, "destination_identifier_hex")));
    }

    private static void check(List<String> failures, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return Math.min(a.length, b.length);
    }
}
