package nym.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import nym.crypto.Base58;
import nym.crypto.SecretAccess;
import nym.crypto.SecretBytes;
import nym.crypto.group.GroupElement;
import nym.crypto.group.Scalar;

/** No secret type's {@code toString()} contains its bytes in hex, base58 or base64 (STYLE rule 5). */
class SecretToStringTest {
    private static final SecretAccess ACCESS = SecretAccess.insecureGrant();

    @Test
    void x25519PrivateKey() {
        X25519KeyPair pair = X25519KeyPair.generate(new SplittableRandom(21));
        assertDoesNotShow(pair.privateKey().toBytes(ACCESS), pair.privateKey().toString());
        assertDoesNotShow(pair.privateKey().toBytes(ACCESS), pair.toString());
    }

    @Test
    void ed25519PrivateKey() {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SplittableRandom(22));
        assertDoesNotShow(pair.privateKey().toBytes(ACCESS), pair.privateKey().toString());
        assertDoesNotShow(pair.privateKey().toBytes(ACCESS), pair.toString());
    }

    @Test
    void scalar() {
        Scalar scalar = Scalar.randomClamped(new SplittableRandom(23));
        assertDoesNotShow(scalar.toBytes(ACCESS), scalar.toString());
    }

    @Test
    void sharedSecret() {
        var secret = X25519PrivateKey.generate(new SplittableRandom(24)).sharedSecret(GroupElement.BASE_POINT);
        assertDoesNotShow(secret.toBytes(ACCESS), secret.toString());
    }

    @Test
    void secretBytes() {
        byte[] bytes = new byte[32];
        new SplittableRandom(25).nextBytes(bytes);
        assertDoesNotShow(bytes, SecretBytes.copyOf(bytes).toString());
    }

    /** Checks every encoding, and every 8-character window of it, so a partial print also fails. */
    private static void assertDoesNotShow(byte[] secret, String text) {
        List<String> encodings = List.of(
                HexFormat.of().formatHex(secret),
                HexFormat.of().formatHex(secret).toUpperCase(Locale.ROOT),
                Base58.encode(secret),
                Base64.getEncoder().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        for (String encoding : encodings) {
            for (int i = 0; i + 8 <= encoding.length(); i++) {
                String window = encoding.substring(i, i + 8);
                assertFalse(text.contains(window), () -> "'" + text + "' shows secret bytes " + window);
            }
        }
    }
}
