package nym.crypto.group;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;
import nym.crypto.keys.X25519PublicKey;

class GroupElementTest {
    @Test
    void basePointIsNine() {
        byte[] nine = new byte[GroupElement.LENGTH];
        nine[0] = 9;
        assertArrayEquals(nine, GroupElement.BASE_POINT.toByteArray());
        assertEquals(32, GroupElement.LENGTH);
    }

    @Test
    void wrongLengthIsRefused() {
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> GroupElement.fromBytes(new byte[31]));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> GroupElement.fromBytes(new byte[33]));
    }

    @Test
    void zeroScalarGivesTheAllZeroPoint() throws CryptoException {
        Scalar zero = Scalar.fromBytesModOrder(new byte[Scalar.LENGTH]);
        assertArrayEquals(new byte[GroupElement.LENGTH], GroupElement.BASE_POINT.multiply(zero).toByteArray());
    }

    @Test
    void sharedSecretEqualsTheProductPoint() throws CryptoException {
        byte[] k = new byte[Scalar.LENGTH];
        k[0] = 5;
        Scalar scalar = Scalar.fromBytesModOrder(k);
        SharedSecret secret = scalar.sharedSecretWith(GroupElement.BASE_POINT);
        assertArrayEquals(GroupElement.BASE_POINT.multiply(scalar).toByteArray(),
                secret.toBytes(SecretAccess.insecureGrant()));
        assertTrue(secret.equalsSecret(scalar.sharedSecretWith(GroupElement.BASE_POINT)));
    }

    @Test
    void isNotEqualToAPublicKeyWithTheSameBytes() throws CryptoException {
        X25519PublicKey key = X25519PublicKey.fromBytes(GroupElement.BASE_POINT.toByteArray());
        assertNotEquals(GroupElement.BASE_POINT, key);
        assertEquals(GroupElement.BASE_POINT, key.toGroupElement());
    }
}
