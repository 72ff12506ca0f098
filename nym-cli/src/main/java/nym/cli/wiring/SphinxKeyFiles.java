package nym.cli.wiring;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nym.cli.config.ConfigException;
import nym.crypto.CryptoException;
import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519KeyPair;
import nym.crypto.keys.X25519PrivateKey;
import nym.traffic.mixnode.KeyRing;
import nym.traffic.mixnode.PersistentReplayFilter;
import nym.traffic.mixnode.SphinxKey;
import nym.traffic.mixnode.SphinxKeyStore;

/**
 * A rotating mix node's keys on disk, each with its replay tags:
 *
 * <pre>
 * data/private_sphinx.pem, public_sphinx.pem            the current key (the config's key files)
 * data/previous_sphinx_key.T/private_sphinx.pem, ...    the previous key, accepted until T (epoch ms)
 * data/replay-tags/KEY/replay-N.tags                    each key's tags, KEY its base58 public key
 * </pre>
 *
 * <p>A key's age is its private file's modification time. Every step of a rotation leaves a state
 * that {@link #open} reads back as either the old key or the new one, never a key without its own
 * tags: the new key is written beside the current one ({@code .rotating}), the previous key's folder
 * is named in one rename, and the current file is replaced in one rename, last. {@link #open}
 * removes what a stopped rotation or retirement left, and moves the tags of a node of an earlier
 * build ({@code replay-tags/replay-N.tags}) into its key's folder.
 */
public final class SphinxKeyFiles implements SphinxKeyStore, AutoCloseable {
    /** The folder of the replay tags, in the keys' folder. */
    public static final String TAGS_FOLDER = "replay-tags";
    /** A provider's Sphinx keys' folder, in its {@code data/}: its identity key stays where init wrote it. */
    public static final String PROVIDER_FOLDER = "sphinx-keys";
    private static final System.Logger LOG = System.getLogger(SphinxKeyFiles.class.getName());
    private static final String STAGED = ".rotating";
    private static final String PREVIOUS_PREFIX = "previous_sphinx_key.";
    private static final Pattern PREVIOUS = Pattern.compile(Pattern.quote(PREVIOUS_PREFIX) + "(\\d{1,19})");
    private static final String PRIVATE_NAME = "private_sphinx.pem";
    private static final String PUBLIC_NAME = "public_sphinx.pem";
    /** In a provider's keys' folder: the identity whose first Sphinx key the folder began with. */
    private static final String IDENTITY_NAME = "identity_public.pem";
    /** In a key's tags folder: the tags came from an earlier build, which forgot the older ones. */
    private static final String EARLIER_BUILD_MARK = "from-an-earlier-build";
    /** In a key's tags folder: its filter found once that tags may be missing (a crash, a refused write). */
    private static final String INCOMPLETE_MARK = "tags-may-be-incomplete";

    private final Path data;
    private final Path privateFile;
    private final Path publicFile;
    private final Path tagsRoot;
    private final int tagsPerGeneration;
    private final InstantSource clock;
    private final Set<PersistentReplayFilter> open = ConcurrentHashMap.newKeySet();

    /**
     * @param data the node's {@code data/} folder
     * @param privateFile the config's private key file
     * @param publicFile the config's public key file
     * @param tagsPerGeneration each filter's generation; a filter holds twice that without forgetting
     */
    public SphinxKeyFiles(Path data, Path privateFile, Path publicFile, int tagsPerGeneration, InstantSource clock) {
        this.data = data;
        this.privateFile = privateFile;
        this.publicFile = publicFile;
        this.tagsRoot = data.resolve(TAGS_FOLDER);
        this.tagsPerGeneration = tagsPerGeneration;
        this.clock = clock;
    }

    /**
     * A provider's Sphinx keys, in {@code data/sphinx-keys/}. At the first start of a provider the
     * folder is made with a copy of its identity key as the first Sphinx key (what clients of earlier
     * builds, and the topology before its next read, encrypt to), and the replay tags an earlier
     * build kept in {@code data/replay-tags/} move with it (so that key is replaced at once).
     *
     * @throws ConfigException with one line if the folder cannot be made
     */
    public static SphinxKeyFiles forProvider(Path providerData, X25519PrivateKey identity, int tagsPerGeneration,
            InstantSource clock) throws ConfigException {
        Path folder = providerData.resolve(PROVIDER_FOLDER);
        Path privateFile = folder.resolve(PRIVATE_NAME);
        Path publicFile = folder.resolve(PUBLIC_NAME);
        Path seededFrom = folder.resolve(IDENTITY_NAME);
        try {
            if (Files.exists(folder) && !isKeyFile(seededFrom, identity)) {
                // Keys of another identity (an init --force since), or a folder begun and never seeded.
                deleteRecursively(folder);
            }
            if (!Files.exists(privateFile)) {
                Files.createDirectories(folder);
                KeyPem.writeX25519Public(identity.publicKey(), seededFrom); // first: it vouches for the rest
                Path earlierTags = providerData.resolve(TAGS_FOLDER);
                if (Files.isDirectory(earlierTags) && !Files.exists(folder.resolve(TAGS_FOLDER))) {
                    Files.move(earlierTags, folder.resolve(TAGS_FOLDER), StandardCopyOption.ATOMIC_MOVE);
                }
                KeyPem.writeX25519(X25519KeyPair.of(identity), privateFile, publicFile);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot prepare the Sphinx keys in " + folder + ": " + e.getMessage(), e);
        }
        return new SphinxKeyFiles(folder, privateFile, publicFile, tagsPerGeneration, clock);
    }

    /**
     * Forgets the previous key of a mix node whose key {@code init --force} is about to replace (the
     * new key's first start then removes the old keys' tags). Safe before the new key is in place:
     * the current key keeps its tags.
     *
     * @throws ConfigException with one line if a folder cannot be deleted
     */
    public static void forgetPreviousKeys(Path data) throws ConfigException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data, PREVIOUS_PREFIX + "*")) {
            for (Path entry : entries) {
                deleteRecursively(entry);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot remove the previous Sphinx key in " + data + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKeyFile(Path file, X25519PrivateKey key) {
        try {
            return KeyPem.readX25519Public(file).equals(key.publicKey());
        } catch (CryptoException e) {
            return false;
        }
    }

    /**
     * Reads the keys in use and opens their tags, after tidying what a stopped rotation left.
     *
     * @throws ConfigException with one line if a key file or a tag folder cannot be read or written
     */
    public KeyRing open() throws ConfigException {
        try {
            Files.deleteIfExists(staged(privateFile));
            Files.deleteIfExists(staged(publicFile));
            X25519PrivateKey current = KeyPem.readX25519Private(privateFile);
            rewritePublicFileIfStale(current);
            moveLegacyTags(current);
            boolean earlierBuild = Files.exists(tagsFolder(current).resolve(EARLIER_BUILD_MARK));
            Instant now = clock.instant();
            Previous previous = keepLatestPrevious(current, now);
            PersistentReplayFilter currentTags = openTags(current);
            // A key of an earlier build has forgotten the tags beyond its two generations, and one whose
            // filter was open when the machine went down, or whose disk refused a write, may have lost
            // some: as if it were old, it is replaced at once, and accepted only for the grace.
            boolean replaceNow = earlierBuild | markIfIncomplete(current, currentTags);
            SphinxKey currentKey = new SphinxKey(current, currentTags,
                    replaceNow ? SphinxKey.REPLACE_AT_ONCE : Files.getLastModifiedTime(privateFile).toInstant());
            SphinxKey previousKey = null;
            if (previous != null) {
                PersistentReplayFilter previousTags = openTags(previous.key());
                if (previousTags.tagsMayBeIncomplete()) { // never current again: nothing to mark
                    warnIncomplete(previous.key(), "it is the previous key, accepted until " + previous.retiresAt());
                }
                previousKey = new SphinxKey(previous.key(), previousTags,
                        Files.getLastModifiedTime(previous.folder().resolve(PRIVATE_NAME)).toInstant());
            }
            deleteTagsOfOtherKeys(current, previous == null ? null : previous.key());
            if (previous != null) {
                LOG.log(Level.INFO, "accepting the previous Sphinx key " + previous.key().publicKey().toBase58()
                        + " until " + previous.retiresAt());
            }
            return new KeyRing(currentKey, previousKey, previous == null ? null : previous.retiresAt());
        } catch (IOException | CryptoException | RuntimeException e) {
            // A filter left open keeps its not-closed mark, which a start after the machine's next restart
            // would read as tags lost: close those whose tags are whole. One whose tags may be incomplete
            // stays open, so that its mark keeps saying so (the key's lasting mark may not be made yet).
            for (PersistentReplayFilter filter : open) {
                if (!filter.tagsMayBeIncomplete()) {
                    filter.close();
                }
            }
            open.clear();
            if (e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new ConfigException("cannot open the Sphinx keys in " + data + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SphinxKey rotate(SphinxKey current, Instant currentRetiresAt) throws IOException {
        X25519KeyPair next = X25519KeyPair.generate(new SecureRandom());
        Path previousFolder = data.resolve(PREVIOUS_PREFIX + currentRetiresAt.toEpochMilli());
        Path stagedPrevious = staged(previousFolder);
        PersistentReplayFilter tags = null;
        try {
            KeyPem.writeX25519(next, staged(privateFile), staged(publicFile));
            deleteRecursively(stagedPrevious);
            KeyPem.writeX25519(X25519KeyPair.of(current.key()), stagedPrevious.resolve(PRIVATE_NAME),
                    stagedPrevious.resolve(PUBLIC_NAME));
            Files.move(stagedPrevious, previousFolder, StandardCopyOption.ATOMIC_MOVE);
            tags = openTags(next.privateKey());
            Files.move(staged(privateFile), privateFile, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The current key stays; what was made for the new one goes.
            if (tags != null) {
                open.remove(tags);
                tags.close();
            }
            deleteQuietly(staged(privateFile), staged(publicFile), stagedPrevious, previousFolder,
                    tagsFolder(next.privateKey()));
            throw e;
        }
        try {
            Files.move(staged(publicFile), publicFile, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the new Sphinx key is in use, but " + publicFile + " still holds the previous"
                    + " public key (" + e.getMessage() + "); the next start writes it again");
        }
        return new SphinxKey(next.privateKey(), tags, Files.getLastModifiedTime(privateFile).toInstant());
    }

    @Override
    public void retire(SphinxKey previous) throws IOException {
        if (previous.tags() instanceof PersistentReplayFilter filter && open.remove(filter)) {
            filter.close();
        }
        // The key first: tags without their key are removed at the next start, a key without its tags never used.
        for (Previous folder : previousFolders()) {
            if (folder.key() == null || folder.key().publicKey().equals(previous.key().publicKey())) {
                deleteRecursively(folder.folder());
            }
        }
        deleteRecursively(tagsFolder(previous.key()));
    }

    /** A previous key's folder, the key in it (null if unreadable) and when it retires. */
    private record Previous(Path folder, X25519PrivateKey key, Instant retiresAt) {}

    private List<Previous> previousFolders() throws IOException {
        List<Previous> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data, PREVIOUS_PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher name = PREVIOUS.matcher(entry.getFileName().toString());
                if (!name.matches()) {
                    deleteRecursively(entry); // a staged folder of a stopped rotation
                    continue;
                }
                X25519PrivateKey key;
                try {
                    key = KeyPem.readX25519Private(entry.resolve(PRIVATE_NAME));
                } catch (CryptoException e) {
                    key = null;
                }
                found.add(new Previous(entry, key, Instant.ofEpochMilli(Long.parseLong(name.group(1)))));
            }
        }
        found.sort(Comparator.comparing(Previous::retiresAt));
        return found;
    }

    /** Keeps the previous key that retires last, if it is still in its grace and is not the current one. */
    private Previous keepLatestPrevious(X25519PrivateKey current, Instant now) throws IOException {
        List<Previous> folders = previousFolders();
        Previous kept = null;
        for (Previous folder : folders.reversed()) {
            boolean usable = kept == null && folder.key() != null && now.isBefore(folder.retiresAt())
                    && !folder.key().publicKey().equals(current.publicKey());
            if (usable) {
                kept = folder;
            } else {
                deleteRecursively(folder.folder());
            }
        }
        return kept;
    }

    private void rewritePublicFileIfStale(X25519PrivateKey current) throws IOException {
        if (!isKeyFile(publicFile, current)) { // stale, missing or unreadable
            KeyPem.writeX25519Public(current.publicKey(), publicFile);
        }
    }

    /**
     * Moves the tags of an earlier build into the current key's folder, marked (first) as such: the
     * key is replaced at its first check, also after a start that failed later on.
     */
    private void moveLegacyTags(X25519PrivateKey current) throws IOException {
        if (!Files.isDirectory(tagsRoot)) {
            return;
        }
        List<Path> legacy;
        try (Stream<Path> entries = Files.list(tagsRoot)) {
            legacy = entries.filter(PersistentReplayFilter::isTagFile).toList();
        }
        if (legacy.isEmpty()) {
            return;
        }
        Path folder = Files.createDirectories(tagsFolder(current));
        if (!Files.exists(folder.resolve(EARLIER_BUILD_MARK))) {
            Files.createFile(folder.resolve(EARLIER_BUILD_MARK));
        }
        for (Path file : legacy) {
            Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.log(Level.INFO, "moved the replay tags of " + current.publicKey().toBase58() + " into " + folder
                + "; an earlier build kept only its last packets' tags, so the key is replaced now");
    }

    private void deleteTagsOfOtherKeys(X25519PrivateKey current, X25519PrivateKey previous) throws IOException {
        List<Path> others;
        try (Stream<Path> entries = Files.list(tagsRoot)) {
            others = entries.filter(Files::isDirectory)
                    .filter(folder -> !folder.equals(tagsFolder(current))
                            && (previous == null || !folder.equals(tagsFolder(previous))))
                    .toList();
        }
        for (Path folder : others) {
            deleteRecursively(folder);
        }
    }

    /**
     * Opens a key's filter with room for every tag on disk: a {@code rotate_after_packets} lowered
     * since the tags were written would otherwise make the filter forget some as it reads them.
     */
    private PersistentReplayFilter openTags(X25519PrivateKey key) throws IOException {
        Path folder = tagsFolder(key);
        long onDisk = PersistentReplayFilter.tagsOnDisk(folder);
        int generation = (int) Math.min(Integer.MAX_VALUE, Math.max(tagsPerGeneration, (onDisk + 1) / 2));
        PersistentReplayFilter filter = PersistentReplayFilter.open(folder, generation);
        open.add(filter);
        return filter;
    }

    /**
     * Marks {@code key} for good when its filter's tags may be incomplete: the mark outlives the next
     * clean stop, so the key is replaced at a later start too if this one ends before it is.
     *
     * @return whether the key is marked
     */
    private boolean markIfIncomplete(X25519PrivateKey key, PersistentReplayFilter tags) throws IOException {
        Path mark = tagsFolder(key).resolve(INCOMPLETE_MARK);
        if (tags.tagsMayBeIncomplete() && !Files.exists(mark)) {
            Files.createFile(mark);
            warnIncomplete(key, "it is replaced now, and accepted for the grace only");
        }
        return Files.exists(mark);
    }

    private static void warnIncomplete(X25519PrivateKey key, String consequence) {
        LOG.log(Level.WARNING, "the replay tags of the Sphinx key " + key.publicKey().toBase58() + " may be"
                + " incomplete (the machine went down while the node ran, or the disk refused a write): "
                + consequence);
    }

    /** Writes and closes the filters of the keys in use; call it once the node has stopped. */
    @Override
    public void close() {
        for (PersistentReplayFilter filter : open) {
            filter.close();
        }
        open.clear();
    }

    private Path tagsFolder(X25519PrivateKey key) {
        return tagsRoot.resolve(key.publicKey().toBase58());
    }

    private static Path staged(Path path) {
        return path.resolveSibling(path.getFileName() + STAGED);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }

    private static void deleteQuietly(Path... paths) {
        for (Path path : paths) {
            try {
                deleteRecursively(path);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not remove " + path + ": " + e.getMessage());
            }
        }
    }
}
