package nym.cli.command;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

import nym.cli.config.ConfigException;
import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519KeyPair;

/** Writes a key pair, and logs the files as the seed shows them. */
final class KeyFiles {
    private static final System.Logger LOG = System.getLogger("pemstore::pemstore");

    private KeyFiles() {}

    static void write(X25519KeyPair keys, Path privateKey, Path publicKey) throws ConfigException {
        try {
            KeyPem.writeX25519(keys, privateKey, publicKey);
        } catch (IOException e) {
            throw new ConfigException("cannot write key files to " + privateKey.getParent() + ": " + e.getMessage(), e);
        }
    }

    static void logWritten(Path privateKey, Path publicKey) {
        LOG.log(Level.INFO, "Written private key to \"" + privateKey + "\"");
        LOG.log(Level.INFO, "Written public key to \"" + publicKey + "\"");
    }
}
