package nym.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.cli.config.TomlFiles;
import nym.crypto.keys.X25519KeyPair;

/**
 * The part of every {@code init} that is the same for each kind of instance: refuse an existing id
 * unless forced, create the X25519 key pair for {@code data/}, and write the key files and
 * {@code config.toml} so that no failure and no kill leaves a mix of two identities that a
 * {@code run} would start. {@link #prepare} checks and generates without writing; {@link #stage}
 * writes all three files under staged names ({@code *.new}), the instance's own files unchanged;
 * {@link #commit} gives them their names, config.toml last. A {@code run} refuses to start while
 * staged files are left ({@link #checkFinished}).
 *
 * <p>The staged files are also the mark of an unfinished init: one killed between its renames leaves
 * them beside a mix of old and new files. So an init removes staged files only once its own commit
 * has made the instance whole, or, after a failure of its own, only if no earlier init had left any.
 */
final class NewInstance {
    /** What a staged file's name ends with. */
    static final String STAGED = ".new";

    private final Path configFile;
    private final Path privateKey;
    private final Path publicKey;
    private final X25519KeyPair keys;
    /** Whether staged files of an earlier, unfinished init were there when this one staged its own. */
    private boolean earlierUnfinished;

    private NewInstance(Path configFile, Path privateKey, Path publicKey, X25519KeyPair keys) {
        this.configFile = configFile;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keys = keys;
    }

    /**
     * Checks that the id is free (or {@code force}) and generates the keys; writes nothing.
     *
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
        return at(configFile, data.resolve("private_" + keyName + ".pem"), data.resolve("public_" + keyName + ".pem"));
    }

    /** @return an instance with new keys whose files go to these paths (tests) */
    static NewInstance at(Path configFile, Path privateKey, Path publicKey) {
        return new NewInstance(configFile, privateKey, publicKey, X25519KeyPair.generate(new SecureRandom()));
    }

    /** @return where the instance's {@code config.toml} goes */
    Path configFile() {
        return configFile;
    }

    /** @return the private key file written */
    Path privateKey() {
        return privateKey;
    }

    /** @return the public key file written */
    Path publicKey() {
        return publicKey;
    }

    /** @return the new key pair */
    X25519KeyPair keys() {
        return keys;
    }

    /**
     * Writes the key files and {@code config.toml} under their staged names (over any an earlier init
     * left); if one cannot be written, {@link #discardStaged(Exception) discards} and throws, the instance's
     * own files unchanged. Call it with the instance's lock held.
     *
     * @param header the config file's comment lines
     * @param config the config file's sections
     * @param comments the config file's comments, as {@link TomlFiles#write(Path, String, Object, Map)} takes them
     */
    void stage(String header, Object config, Map<String, String> comments) throws ConfigException {
        earlierUnfinished = !leftovers(configFile, privateKey.getParent()).isEmpty();
        try {
            KeyFiles.write(keys, staged(privateKey), staged(publicKey));
            TomlFiles.write(staged(configFile), header, config, comments);
        } catch (ConfigException | RuntimeException e) {
            discardStaged(e);
            throw e;
        }
    }

    /**
     * Gives the staged files their names, keys first and {@code config.toml} last, logging each key
     * file as the seed shows it; then removes any other staged file an earlier init left.
     *
     * @throws ConfigException if a rename fails; a {@code run} then refuses until init runs again
     */
    void commit() throws ConfigException {
        for (Path file : List.of(privateKey, publicKey, configFile)) {
            try {
                Files.move(staged(file), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ConfigException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        KeyFiles.logWritten(privateKey, publicKey);
        discard(leftovers(configFile, privateKey.getParent()));
    }

    /**
     * After a failure of this init before its commit: removes the files it staged, unless an earlier
     * init had left staged files, which must stay to keep {@code run} from starting what that one
     * left. A failure to remove them is added to {@code cause}, which the caller throws.
     */
    void discardStaged(Exception cause) {
        if (earlierUnfinished) {
            return;
        }
        try {
            discard(List.of(staged(privateKey), staged(publicKey), staged(configFile)));
        } catch (ConfigException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * @throws ConfigException naming the first staged file left, if an init of this instance started
     *     to write its files and did not finish
     */
    static void checkFinished(NymHome.Kind kind, String id, String initCommand) throws ConfigException {
        checkFinished(NymHome.configFile(kind, id), NymHome.dataDir(kind, id), initCommand + " --id " + id);
    }

    /** {@link #checkFinished(NymHome.Kind, String, String)} for the files of {@code config} and in {@code data}. */
    static void checkFinished(Path config, Path data, String init) throws ConfigException {
        List<Path> left = leftovers(config, data);
        if (!left.isEmpty()) {
            throw new ConfigException("an earlier `" + init + "` did not finish (it left " + left.get(0)
                    + "): run it again, with --force");
        }
    }

    private static Path staged(Path file) {
        return file.resolveSibling(file.getFileName() + STAGED);
    }

    /** @return the staged files of {@code config} and of the key files in {@code data}, whatever their key name */
    private static List<Path> leftovers(Path config, Path data) throws ConfigException {
        List<Path> found = new ArrayList<>();
        if (Files.exists(staged(config))) {
            found.add(staged(config));
        }
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.list(data)) {
                files.filter(f -> f.getFileName().toString().endsWith(".pem" + STAGED)).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + data + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static void discard(List<Path> files) throws ConfigException {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new ConfigException("cannot remove " + file + ", staged by an init: " + e.getMessage(), e);
            }
        }
    }
}
