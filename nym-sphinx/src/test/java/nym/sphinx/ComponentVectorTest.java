package nym.sphinx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import nym.crypto.SecretAccess;
import nym.crypto.group.GroupElement;
import nym.crypto.group.Scalar;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.primitives.StreamCipher;
import nym.crypto.primitives.TruncatedHmac;
import nym.sphinx.internal.header.RoutingKeys;
import nym.sphinx.internal.payload.PayloadCodec;

/** Every component vector of the reference set, collected before asserting (STYLE rule 25). */
class ComponentVectorTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyComponentMatchesTheReference() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JsonNode c : ReferenceVectors.set().path("components")) {
            String kind = c.path("kind").asText();
            String actual;
            String expected;
            switch (kind) {
                case "x25519_clamped_rfc7748" -> {
                    X25519PrivateKey key = X25519PrivateKey.fromBytes(ReferenceVectors.hex(c, "scalar_raw_hex"));
                    actual = HEX.formatHex(key.sharedSecret(GroupElement.fromBytes(ReferenceVectors.hex(c, "u_hex")))
                            .toBytes(SecretAccess.insecureGrant()));
                    expected = c.path("out_hex").asText();
                }
                case "public_key_from_raw_secret" -> {
                    X25519PrivateKey key = X25519PrivateKey.fromBytes(ReferenceVectors.hex(c, "secret_raw_hex"));
                    assertEquals(c.path("secret_clamped_hex").asText(),
                            HEX.formatHex(key.toBytes(SecretAccess.insecureGrant())));
                    actual = key.publicKey().toHex();
                    expected = c.path("public_key_hex").asText();
                }
                case "blind_point_with_unclamped_scalar" -> {
                    Scalar b = Scalar.fromBytesModOrder(ReferenceVectors.hex(c, "blinding_factor_hex"));
                    assertEquals(c.path("scalar_reduced_mod_l_hex").asText(),
                            HEX.formatHex(b.toBytes(SecretAccess.insecureGrant())));
                    actual = GroupElement.fromBytes(ReferenceVectors.hex(c, "point_u_hex")).multiply(b).toHex();
                    expected = c.path("out_u_hex").asText();
                }
                case "routing_keys_hkdf_sha256" -> {
                    actual = routingKeysHex(c.path("shared_secret_hex").asText());
                    JsonNode k = c.path("routing_keys");
                    Scalar blinding = Scalar.fromBytesModOrder(ReferenceVectors.hex(k, "blinding_factor_hex"));
                    expected = k.path("stream_cipher_key_hex").asText() + k.path("header_integrity_hmac_key_hex").asText()
                            + k.path("payload_key_hex").asText()
                            + HEX.formatHex(blinding.toBytes(SecretAccess.insecureGrant()));
                }
                case "aes128_ctr_zero_iv_keystream" -> {
                    actual = HEX.formatHex(StreamCipher.keystream(ReferenceVectors.hex(c, "key_hex"),
                            c.path("length").asInt()));
                    expected = c.path("keystream_hex").asText();
                }
                case "hmac_sha256_truncated_16" -> {
                    byte[] data = ReferenceVectors.hex(c, "data_hex");
                    actual = HEX.formatHex(TruncatedHmac.compute(ReferenceVectors.hex(c, "key_hex"), data, 0,
                            data.length));
                    expected = c.path("truncated_tag_hex").asText();
                }
                case "payload_encapsulate_one_lioness_layer" -> {
                    SphinxGeometry geometry = SphinxGeometry.of(SphinxGeometry.MAX_SUPPORTED_HOPS,
                            c.path("payload_size").asInt());
                    byte[] payload = PayloadCodec.pad(geometry, ReferenceVectors.hex(c, "message_hex"));
                    PayloadCodec.encrypt(ReferenceVectors.hex(c, "payload_key_hex"), payload);
                    actual = HEX.formatHex(payload);
                    expected = c.path("encrypted_payload_hex").asText();
                }
                default -> {
                    failures.add("unknown component kind " + kind);
                    continue;
                }
            }
            checked++;
            if (!actual.equals(expected)) {
                failures.add(kind + " #" + checked + ": expected " + expected + " got " + actual);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(ReferenceVectors.set().path("components").size(), checked);
    }

    private static String routingKeysHex(String sharedSecretHex) {
        RoutingKeys keys = RoutingKeys.deriveFromBytes(HEX.parseHex(sharedSecretHex));
        return HEX.formatHex(keys.streamKey()) + HEX.formatHex(keys.macKey()) + HEX.formatHex(keys.payloadKey())
                + HEX.formatHex(keys.blindingFactor().toBytes(SecretAccess.insecureGrant()));
    }
}
