package nym.topology;

import java.util.Objects;
import nym.crypto.CryptoException;
import nym.crypto.keys.X25519PublicKey;
import nym.topology.internal.Text;

/** Argument checks shared by the model's records; each throws {@link IllegalArgumentException}. */
final class Checks {
    private static final int MAX_VERSION_LENGTH = 64;

    private Checks() {}

    static String requireHost(String what, String host) {
        Objects.requireNonNull(host, what);
        if (!Hosts.isIpPort(host)) {
            throw new IllegalArgumentException(what + " must be \"ip:port\", got \"" + Text.printable(host, 40) + "\"");
        }
        return host;
    }

    static long requireNotNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + value);
        }
        return value;
    }

    static String requireClientAddress(String address) {
        Objects.requireNonNull(address, "client address");
        try {
            X25519PublicKey.fromBase58(address);
            return address;
        } catch (CryptoException e) {
            throw new IllegalArgumentException("client address must be base58 of "
                    + X25519PublicKey.LENGTH + " bytes: " + e.getMessage());
        }
    }


    static String requireVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (version.length() > MAX_VERSION_LENGTH) {
            throw new IllegalArgumentException("version must be at most " + MAX_VERSION_LENGTH
                    + " characters, got " + version.length());
        }
        return version;
    }
}
