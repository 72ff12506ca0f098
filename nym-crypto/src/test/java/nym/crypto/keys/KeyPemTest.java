package nym.crypto.keys;

import static nym.crypto.Reasons.assertReason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;

class KeyPemTest {
    private static final SecretAccess ACCESS = SecretAccess.insecureGrant();

    @TempDir
    Path dir;

    @Test
    void x25519PairRoundTrips() throws IOException, CryptoException {
        X25519KeyPair pair = X25519KeyPair.generate(new SplittableRandom(11));
        KeyPem.writeX25519(pair, privateFile(), publicFile());
        assertArrayEquals(pair.privateKey().toBytes(ACCESS), KeyPem.readX25519Private(privateFile()).toBytes(ACCESS));
        assertEquals(pair.publicKey(), KeyPem.readX25519Public(publicFile()));
    }

    @Test
    void ed25519PairRoundTrips() throws IOException, CryptoException {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SplittableRandom(12));
        KeyPem.writeEd25519(pair, privateFile(), publicFile());
        assertArrayEquals(pair.privateKey().toBytes(ACCESS), KeyPem.readEd25519Private(privateFile()).toBytes(ACCESS));
        assertEquals(pair.publicKey(), KeyPem.readEd25519Public(publicFile()));
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException, CryptoException {
        KeyPem.writeX25519(X25519KeyPair.generate(new SplittableRandom(13)), privateFile(), publicFile());
        X25519KeyPair second = X25519KeyPair.generate(new SplittableRandom(14));
        KeyPem.writeX25519(second, privateFile(), publicFile());
        assertEquals(second.publicKey(), KeyPem.readX25519Public(publicFile()));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void privateKeyFileIsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        KeyPem.writeEd25519(Ed25519KeyPair.generate(new SplittableRandom(15)), privateFile(), publicFile());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile())));
    }

    @Test
    void filesHaveTheLabelOfTheirKeyType() throws IOException {
        KeyPem.writeX25519(X25519KeyPair.generate(new SplittableRandom(16)), privateFile(), publicFile());
        assertTrue(Files.readString(privateFile()).startsWith("-----BEGIN X25519 PRIVATE KEY-----\n"));
        assertTrue(Files.readString(publicFile()).strip().endsWith("-----END X25519 PUBLIC KEY-----"));
    }

    @Test
    void publicKeyFileIsNotAPrivateKey() throws IOException {
        KeyPem.writeX25519(X25519KeyPair.generate(new SplittableRandom(17)), privateFile(), publicFile());
        assertReason(CryptoException.Reason.BAD_KEY_FILE, () -> KeyPem.readX25519Private(publicFile()));
        assertReason(CryptoException.Reason.BAD_KEY_FILE, () -> KeyPem.readEd25519Private(privateFile()));
    }

    @Test
    void garbageBase64IsBadEncoding() throws IOException {
        Files.writeString(privateFile(), "-----BEGIN X25519 PRIVATE KEY-----\n!!not*base64!!\n"
                + "-----END X25519 PRIVATE KEY-----\n");
        assertReason(CryptoException.Reason.BAD_ENCODING, () -> KeyPem.readX25519Private(privateFile()));
    }

    @Test
    void wrongLengthIsBadLength() throws IOException {
        Files.writeString(publicFile(), KeyPem.encode(KeyPem.ED25519_PUBLIC, new byte[31]));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> KeyPem.readEd25519Public(publicFile()));
        Files.writeString(privateFile(), KeyPem.encode(KeyPem.X25519_PRIVATE, new byte[33]));
        assertReason(CryptoException.Reason.BAD_LENGTH, () -> KeyPem.readX25519Private(privateFile()));
    }

    @Test
    void missingFileIsBadKeyFile() {
        assertReason(CryptoException.Reason.BAD_KEY_FILE, () -> KeyPem.readX25519Public(dir.resolve("absent.pem")));
    }

    @Test
    void textWithoutArmourIsBadKeyFile() {
        assertReason(CryptoException.Reason.BAD_KEY_FILE, () -> KeyPem.decode(KeyPem.X25519_PUBLIC, "AAAA"));
    }

    @Test
    void longKeysWrapAt64Characters() throws CryptoException {
        byte[] bytes = new byte[100];
        new SplittableRandom(18).nextBytes(bytes);
        String pem = KeyPem.encode(KeyPem.ED25519_PUBLIC, bytes);
        assertEquals(64, pem.lines().skip(1).findFirst().orElseThrow().length());
        assertArrayEquals(bytes, KeyPem.decode(KeyPem.ED25519_PUBLIC, pem));
    }

    private Path privateFile() {
        return dir.resolve("private_identity.pem");
    }

    private Path publicFile() {
        return dir.resolve("public_identity.pem");
    }
}
