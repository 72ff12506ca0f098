package nym.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.crypto.keys.X25519KeyPair;

/**
 * The part of every {@code init} that is the same for each kind of instance: refuse an existing id
 * unless forced, and create the X25519 key pair for {@code data/}. {@link #prepare} checks and
 * generates without writing, so an init can still fail (a client's registration) without leaving
 * files behind; {@link #writeKeys()} writes the key files.
 *
 * @param configFile where the instance's {@code config.toml} goes
 * @param privateKey the private key file written
 * @param publicKey the public key file written
 * @param keys the new key pair
 */
record NewInstance(Path configFile, Path privateKey, Path publicKey, X25519KeyPair keys) {
    /**
     * @param label the instance's name in messages ("mix node", "provider", "client")
     * @param keyName the key files' stem: {@code private_<keyName>.pem}, {@code public_<keyName>.pem}
     * @throws ConfigException if the id is invalid, or the instance exists and {@code force} is off
     */
    static NewInstance prepare(NymHome.Kind kind, String id, boolean force, String label, String keyName)
            throws ConfigException {
        Path configFile = NymHome.configFile(kind, id);
        if (Files.exists(configFile) && !force) {
            throw new ConfigException(label + " '" + id + "' already exists at " + configFile.getParent().getParent()
                    + "; use --force to overwrite it");
        }
        Path data = NymHome.dataDir(kind, id);
        Path privateKey = data.resolve("private_" + keyName + ".pem");
        Path publicKey = data.resolve("public_" + keyName + ".pem");
        return new NewInstance(configFile, privateKey, publicKey, X25519KeyPair.generate(new SecureRandom()));
    }

    /** Writes the key files, logging each as the seed shows it. */
    void writeKeys() throws ConfigException {
        KeyFiles.write(keys, privateKey, publicKey);
    }
}
