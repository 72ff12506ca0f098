package nym.crypto;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nym.crypto.group.GroupElement;
import nym.crypto.keys.Ed25519PrivateKey;
import nym.crypto.keys.KeyPem;
import nym.crypto.primitives.TruncatedHmac;

class CryptoExceptionTest {
    /**
     * One refused input per reason. The switch is exhaustive, so a new reason does not compile
     * until it has a negative test here.
     */
    @ParameterizedTest
    @EnumSource(CryptoException.Reason.class)
    void everyReasonHasANegativeTest(CryptoException.Reason reason) {
        Executable refused = switch (reason) {
            case BAD_LENGTH -> () -> GroupElement.fromBytes(new byte[GroupElement.LENGTH - 1]);
            case BAD_ENCODING -> () -> Base58.decode("0");
            case MAC_MISMATCH -> () -> TruncatedHmac.verify(new byte[TruncatedHmac.KEY_LENGTH], new byte[1], 0, 1,
                    new byte[TruncatedHmac.LENGTH]);
            case BAD_SIGNATURE -> () -> {
                Ed25519PrivateKey key = Ed25519PrivateKey.fromBytes(new byte[Ed25519PrivateKey.LENGTH]);
                byte[] signature = key.sign(new byte[] {1});
                key.publicKey().verify(new byte[] {2}, signature);
            };
            case BAD_KEY_FILE -> () -> KeyPem.decode(KeyPem.X25519_PRIVATE,
                    KeyPem.encode(KeyPem.X25519_PUBLIC, new byte[32]));
        };
        assertReason(reason, refused);
    }

    @Test
    void requireLengthNamesExpectedAndActual() throws CryptoException {
        CryptoException.requireLength("thing", new byte[3], 3);
        CryptoException e = assertReason(CryptoException.Reason.BAD_LENGTH,
                () -> CryptoException.requireLength("thing", new byte[2], 3));
        assertEquals("crypto: thing must be 3 bytes, got 2", e.getMessage());
        assertThrows(NullPointerException.class, () -> CryptoException.requireLength("thing", null, 3));
    }

    @Test
    void keepsReasonAndCause() {
        IOException cause = new IOException("disk");
        CryptoException e = new CryptoException(CryptoException.Reason.BAD_KEY_FILE, "cannot read", cause);
        assertEquals(CryptoException.Reason.BAD_KEY_FILE, e.reason());
        assertEquals("crypto: cannot read", e.getMessage());
        assertSame(cause, e.getCause());
        assertThrows(NullPointerException.class, () -> new CryptoException(null, "x"));
    }
}
