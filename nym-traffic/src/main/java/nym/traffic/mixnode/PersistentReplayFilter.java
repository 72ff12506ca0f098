package nym.traffic.mixnode;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nym.sphinx.ReplayTag;
import nym.sphinx.SphinxException;
import nym.traffic.internal.TagGenerations;

/**
 * {@link InMemoryReplayFilter}'s two generations, kept on disk too, so that a node restarted with
 * its key still drops the packets it processed before the restart. It remembers at least the last
 * {@code tagsPerGeneration} tags across restarts, not every tag for the life of the key.
 *
 * <p>Each generation is a file {@code replay-N.tags} in the filter's directory, 16 bytes a tag
 * (the tag's first 128 bits), appended as tags are recorded. Tags reach the file on {@link #persist()}
 * (which a node calls before it lets the packets of those tags go on), when 4,096 are waiting, and on
 * {@link #close()}, so a process killed even by SIGKILL has forgotten no packet it passed on. Only
 * {@code close} syncs: what was written survives the process, and a machine crash may lose what the
 * OS had not yet stored. When a generation fills, the file of the generation forgotten is deleted.
 * {@link #open} reads the files, oldest first (normally two; more only if an earlier {@code open}
 * stopped halfway; a partial last record, from a write cut short, is ignored) and writes the two
 * generations as two new files before deleting the old ones, newest first.
 *
 * <p>If the disk refuses a write after {@link #open}, the filter logs one warning and goes on in
 * memory only; {@link #open} itself throws.
 *
 * <p>A mark file, {@code not-closed}, is in the folder from the start of {@link #open} (written with
 * fsync) until a {@link #close()} that wrote every tag (and fsynced them); the next {@code open} that
 * finds it tells its caller ({@link #tagsMayBeIncomplete()}) whether tags may be missing: after a
 * machine crash or a disk that refused a write, not after a process killed with SIGKILL on a machine
 * that has not restarted since ({@link NotClosedMark}).
 * Thread-safe.
 */
public final class PersistentReplayFilter implements ReplayFilter, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PersistentReplayFilter.class.getName());
    private static final Pattern FILE_NAME = Pattern.compile("replay-(\\d{1,18})\\.tags");
    private static final int TAG_BYTES = 16;
    private static final int BUFFER_TAGS = 4096;

    private final Path directory;
    private final TagGenerations tags;
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER_TAGS * TAG_BYTES);
    private final NotClosedMark mark;
    private long currentGeneration;
    /**
     * A stream, not a {@link FileChannel}: a channel's write on a thread that is interrupted (a worker
     * that {@code PacketIntake.close()} interrupts while it hands its batch over) closes the channel,
     * and the journal would fail on a clean stop. Writes to a file stream ignore interrupts.
     */
    private FileOutputStream currentFile;
    private boolean journalFailed;
    private boolean closed;
    private boolean tagsMayBeIncomplete;

    private PersistentReplayFilter(Path directory, int tagsPerGeneration, String boot) {
        this.directory = directory;
        this.tags = new TagGenerations(tagsPerGeneration);
        this.mark = new NotClosedMark(directory, boot);
    }

    /**
     * Opens the filter kept in {@code directory} (created if missing), with
     * {@link InMemoryReplayFilter#DEFAULT_TAGS_PER_GENERATION}.
     *
     * @throws IOException if the directory or its files cannot be read or written
     */
    public static PersistentReplayFilter open(Path directory) throws IOException {
        return open(directory, InMemoryReplayFilter.DEFAULT_TAGS_PER_GENERATION);
    }

    /**
     * @param tagsPerGeneration the tags remembered at least, across restarts too; at least 1
     * @throws IOException if the directory or its files cannot be read or written
     */
    public static PersistentReplayFilter open(Path directory, int tagsPerGeneration) throws IOException {
        return open(directory, tagsPerGeneration, NotClosedMark.currentBoot());
    }

    /** @param boot the id of the machine's current boot, "" if unknown (tests pretend a restart with it) */
    static PersistentReplayFilter open(Path directory, int tagsPerGeneration, String boot) throws IOException {
        PersistentReplayFilter filter = new PersistentReplayFilter(Objects.requireNonNull(directory, "directory"),
                tagsPerGeneration, boot);
        filter.load();
        return filter;
    }

    /** @return whether {@code file} is a generation file of a filter ({@code replay-N.tags}) */
    public static boolean isTagFile(Path file) {
        return FILE_NAME.matcher(file.getFileName().toString()).matches();
    }

    /**
     * @return the tags the generation files in {@code directory} hold (0 if there is none), at most:
     *     a filter opened there with a generation of at least half this many forgets none as it reads
     * @throws IOException if the directory cannot be listed
     */
    public static long tagsOnDisk(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        long tags = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(PersistentReplayFilter::isTagFile).toList()) {
                tags += Files.size(file) / TAG_BYTES;
            }
        }
        return tags;
    }

    @Override
    public synchronized void recordFirstUse(ReplayTag tag) throws SphinxException {
        ByteBuffer bytes = ByteBuffer.wrap(tag.toByteArray());
        long high = bytes.getLong(0);
        long low = bytes.getLong(8);
        if (tags.addFirstUse(high, low)) {
            startGeneration();
        }
        if (!journalFailed && !closed) {
            pending.putLong(high).putLong(low);
            if (!pending.hasRemaining()) {
                flushQuietly();
            }
        }
    }

    @Override
    public synchronized long size() {
        return tags.size();
    }

    @Override
    public long capacity() {
        return tags.capacity();
    }

    /**
     * @return whether tags may be missing: the filter was not closed the last time it was open, and
     *     the machine restarted since (or cannot tell), or the disk refused a write (a process killed
     *     on a machine that is still up lost none)
     */
    public boolean tagsMayBeIncomplete() {
        return tagsMayBeIncomplete;
    }

    /** Writes the tags recorded since the last write to the file (one write, no fsync). */
    @Override
    public synchronized void persist() {
        flushQuietly();
    }

    /** Writes the buffered tags and closes the file; later tags are remembered in memory only. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        flushQuietly();
        closed = true;
        if (journalFailed) {
            mark.journalFailed(); // again: emptying the mark may have failed too when the write did
        } else {
            syncThenRemoveMark();
        }
        closeQuietly(currentFile);
    }

    /**
     * A crash after must find the tags or the mark. Both generations, since the previous one's file
     * was written at open or rolled away from and never synced; the folder after the mark goes too,
     * else a crash soon after could bring the mark back and cost the key.
     */
    private void syncThenRemoveMark() {
        try {
            currentFile.getFD().sync();
            syncIfPresent(file(currentGeneration - 1));
            syncFolder(directory);
            mark.remove();
            syncFolder(directory);
        } catch (IOException e) {
            // A failed sync may have dropped what the OS held: the mark must not read as a kill's.
            mark.journalFailed();
            LOG.log(System.Logger.Level.WARNING, "Could not sync the replay tags in " + directory + " (" + e
                    + "); the next start treats them as incomplete");
        }
    }

    private void load() throws IOException {
        Files.createDirectories(directory);
        tagsMayBeIncomplete = mark.placeAtOpen();
        List<Long> generations = generationsOnDisk();
        // Every file, oldest first, not only the newest two: a start that stopped between the two
        // rewrites below (a full disk, a kill) left the copy of the previous generation as the
        // newest file, and the newest two would then load the current generation before the
        // previous one, so that the next rotation forgot the newest tags. Read after the originals,
        // the copies add nothing.
        for (long generation : generations) {
            read(file(generation));
        }
        long next = generations.isEmpty() ? 0 : generations.getLast() + 1;
        rewrite(next, false); // the previous generation
        rewrite(next + 1, true); // the current one
        // Newest first, so that a stop halfway leaves the oldest files, which the next start reads first.
        for (long generation : generations.reversed()) {
            Files.deleteIfExists(file(generation));
        }
        currentGeneration = next + 1;
        currentFile = new FileOutputStream(file(currentGeneration).toFile(), true);
    }

    private List<Long> generationsOnDisk() throws IOException {
        List<Long> generations = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(path -> {
                Matcher name = FILE_NAME.matcher(path.getFileName().toString());
                if (name.matches()) {
                    generations.add(Long.parseLong(name.group(1)));
                }
            });
        }
        generations.sort(null);
        return generations;
    }

    private void read(Path path) throws IOException {
        byte[] content = Files.readAllBytes(path);
        int whole = content.length - content.length % TAG_BYTES;
        if (whole != content.length) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a partial replay tag at the end of " + path
                    + " (" + (content.length - whole) + " bytes, a write cut short)");
        }
        ByteBuffer in = ByteBuffer.wrap(content, 0, whole);
        while (in.hasRemaining()) {
            long high = in.getLong();
            long low = in.getLong();
            if (!tags.contains(high, low)) {
                tags.add(high, low);
            }
        }
    }

    /** Writes one generation held in memory as the file of {@code generation}, whole or not at all. */
    private void rewrite(long generation, boolean current) throws IOException {
        Path temporary = directory.resolve(file(generation).getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_TAGS * TAG_BYTES);
            IOException[] failure = new IOException[1];
            tags.forEach(current, (high, low) -> {
                if (failure[0] == null) {
                    buffer.putLong(high).putLong(low);
                    if (!buffer.hasRemaining()) {
                        failure[0] = drain(buffer, out);
                    }
                }
            });
            if (failure[0] == null) {
                failure[0] = drain(buffer, out);
            }
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        Files.move(temporary, file(generation), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Called with the lock held when a tag filled the current generation and a new one began. */
    private void startGeneration() {
        if (journalFailed || closed) {
            return;
        }
        flushQuietly();
        closeQuietly(currentFile);
        try {
            Files.deleteIfExists(file(currentGeneration - 1));
            currentGeneration++;
            currentFile = new FileOutputStream(Files.createFile(file(currentGeneration)).toFile(), true);
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Called with the lock held. */
    private void flushQuietly() {
        if (journalFailed || closed || pending.position() == 0) {
            return;
        }
        try {
            currentFile.write(pending.array(), pending.arrayOffset(), pending.position());
        } catch (IOException e) {
            fail(e);
        } finally {
            pending.clear();
        }
    }

    /** Writes and clears {@code buffer}; returns the failure instead of throwing it. */
    private static IOException drain(ByteBuffer buffer, FileChannel out) {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            return null;
        } catch (IOException e) {
            return e;
        } finally {
            buffer.clear();
        }
    }

    private void fail(IOException e) {
        journalFailed = true;
        closeQuietly(currentFile);
        mark.journalFailed();
        LOG.log(System.Logger.Level.WARNING, "Replay tags are no longer written to " + directory + " (" + e
                + "); the filter goes on in memory, and a restart will forget the tags since");
    }

    /** Through a stream, which an interrupt of the closing thread does not close halfway. */
    private static void syncIfPresent(Path file) throws IOException {
        if (Files.exists(file)) {
            try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
                out.getFD().sync();
            }
        }
    }

    /** Syncs the folder's entries (names made, renamed, deleted), as far as the system allows. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every system opens or syncs a folder this way (Windows); the files' own syncs are done.
        }
    }

    private static void closeQuietly(FileOutputStream file) {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            // Nothing more to write through it.
        }
    }

    private Path file(long generation) {
        return directory.resolve("replay-" + generation + ".tags");
    }
}
