package nym.crypto.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import nym.crypto.CryptoException;
import nym.crypto.SecretAccess;

/**
 * Key files in PEM, as Nym's {@code pemstore} writes them: one key per file, its raw bytes in
 * base64 between {@code -----BEGIN <LABEL>-----} and {@code -----END <LABEL>-----}, where the label
 * names the key type ({@code X25519 PRIVATE KEY}, {@code ED25519 PUBLIC KEY}, ...). The seed's
 * files are {@code private_identity.pem} and {@code public_identity.pem}.
 *
 * <p>Files are written to a temporary sibling and moved into place, so a crash never leaves half a
 * key; private key files are readable by their owner only where the file system has POSIX
 * permissions. Reading checks the label, so a public key is never taken for a private one.
 */
public final class KeyPem {
    /** Label of an X25519 private key file. */
    public static final String X25519_PRIVATE = "X25519 PRIVATE KEY";
    /** Label of an X25519 public key file. */
    public static final String X25519_PUBLIC = "X25519 PUBLIC KEY";
    /** Label of an Ed25519 private key file. */
    public static final String ED25519_PRIVATE = "ED25519 PRIVATE KEY";
    /** Label of an Ed25519 public key file. */
    public static final String ED25519_PUBLIC = "ED25519 PUBLIC KEY";

    private static final int LINE_LENGTH = 64;

    private KeyPem() {}

    /** Writes both halves of an X25519 key pair. */
    public static void writeX25519(X25519KeyPair pair, Path privateFile, Path publicFile) throws IOException {
        byte[] secret = pair.privateKey().toBytes(SecretAccess.insecureGrant());
        try {
            write(privateFile, encode(X25519_PRIVATE, secret), true);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        writeX25519Public(pair.publicKey(), publicFile);
    }

    /** Writes an X25519 public key alone (replacing the file in one step). */
    public static void writeX25519Public(X25519PublicKey key, Path publicFile) throws IOException {
        write(publicFile, encode(X25519_PUBLIC, key.toByteArray()), false);
    }

    /** Writes both halves of an Ed25519 key pair. */
    public static void writeEd25519(Ed25519KeyPair pair, Path privateFile, Path publicFile) throws IOException {
        byte[] secret = pair.privateKey().toBytes(SecretAccess.insecureGrant());
        try {
            write(privateFile, encode(ED25519_PRIVATE, secret), true);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        write(publicFile, encode(ED25519_PUBLIC, pair.publicKey().toByteArray()), false);
    }

    /** @throws CryptoException with {@code BAD_KEY_FILE}, {@code BAD_ENCODING} or {@code BAD_LENGTH} */
    public static X25519PrivateKey readX25519Private(Path file) throws CryptoException {
        byte[] bytes = read(file, X25519_PRIVATE);
        try {
            return X25519PrivateKey.fromBytes(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** @throws CryptoException with {@code BAD_KEY_FILE}, {@code BAD_ENCODING} or {@code BAD_LENGTH} */
    public static X25519PublicKey readX25519Public(Path file) throws CryptoException {
        return X25519PublicKey.fromBytes(read(file, X25519_PUBLIC));
    }

    /** @throws CryptoException with {@code BAD_KEY_FILE}, {@code BAD_ENCODING} or {@code BAD_LENGTH} */
    public static Ed25519PrivateKey readEd25519Private(Path file) throws CryptoException {
        byte[] bytes = read(file, ED25519_PRIVATE);
        try {
            return Ed25519PrivateKey.fromBytes(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** @throws CryptoException with {@code BAD_KEY_FILE}, {@code BAD_ENCODING} or {@code BAD_LENGTH} */
    public static Ed25519PublicKey readEd25519Public(Path file) throws CryptoException {
        return Ed25519PublicKey.fromBytes(read(file, ED25519_PUBLIC));
    }

    /** @return the PEM text of {@code bytes} under {@code label} */
    public static String encode(String label, byte[] bytes) {
        Objects.requireNonNull(label, "label");
        String base64 = Base64.getEncoder().encodeToString(bytes);
        StringBuilder pem = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < base64.length(); i += LINE_LENGTH) {
            pem.append(base64, i, Math.min(base64.length(), i + LINE_LENGTH)).append('\n');
        }
        return pem.append("-----END ").append(label).append("-----\n").toString();
    }

    /**
     * @return the bytes of the PEM text, which must carry {@code label}
     * @throws CryptoException with {@code BAD_KEY_FILE} for another label or a missing armour line,
     *     {@code BAD_ENCODING} for bad base64
     */
    public static byte[] decode(String label, String text) throws CryptoException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String trimmed = text.strip();
        if (!trimmed.startsWith(begin) || !trimmed.endsWith(end)) {
            throw new CryptoException(CryptoException.Reason.BAD_KEY_FILE,
                    "expected a PEM block labelled '" + label + "'");
        }
        String body = trimmed.substring(begin.length(), trimmed.length() - end.length()).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Reason.BAD_ENCODING, "invalid base64 in PEM block '"
                    + label + "'");
        }
    }

    private static byte[] read(Path file, String label) throws CryptoException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.BAD_KEY_FILE,
                    "cannot read key file " + file + ": " + e.getMessage(), e);
        }
        try {
            return decode(label, text);
        } catch (CryptoException e) {
            throw new CryptoException(e.reason(), e.getMessage().substring("crypto: ".length()) + " in " + file, e);
        }
    }

    private static void write(Path file, String text, boolean ownerOnly) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
