package nym.traffic.mixnode;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file {@code not-closed} a {@link PersistentReplayFilter} keeps in its folder from the start of
 * its {@code open} until a {@code close} that wrote and synced every tag, holding the id of the
 * machine's boot it was made in. A filter writes every tag before its packet goes on, so a process
 * killed (SIGKILL) loses none: what it wrote is in the operating system's cache, and the files hold
 * it as long as the machine does not go down. So a mark found with the id of the current boot means
 * a kill and complete tags; a mark of another boot means the machine restarted while the filter was
 * open, and the tags the cache had not stored may be lost. A disk that refused a tag write empties
 * the mark, and a machine that cannot tell its boot (no {@code /proc/sys/kernel/random/boot_id})
 * writes an empty one: either reads as tags that may be incomplete.
 */
final class NotClosedMark {
    static final String FILE_NAME = "not-closed";
    private static final System.Logger LOG = System.getLogger(NotClosedMark.class.getName());
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private final Path file;
    private final String boot;

    /** @param boot the current boot's id, "" if unknown */
    NotClosedMark(Path folder, String boot) {
        this.file = folder.resolve(FILE_NAME);
        this.boot = boot;
    }

    /** @return the id of the machine's current boot (Linux), or "" where there is none to read */
    static String currentBoot() {
        try {
            return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Places the mark, or reads the one left; call it before any tag file changes, so that a crash
     * from then on, even while the files are rewritten, leaves a mark of this boot.
     *
     * @return whether tags may be missing: a mark was left and says so (another boot, a refused
     *     write, an unknown boot). Such a mark stays as it is until a clean close removes it.
     */
    boolean placeAtOpen() throws IOException {
        if (!Files.exists(file)) {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(StandardCharsets.US_ASCII.encode(boot));
                out.force(true);
            }
            PersistentReplayFilter.syncFolder(file.getParent()); // the new name itself
            return false;
        }
        String left;
        try {
            // Not readString: bytes other than ASCII (a crash while the mark was made) throw there.
            left = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            // Unreadable (a folder, no permission): no proof of a kill in this boot, so tags may be
            // missing; the node starts all the same, and replaces the key.
            LOG.log(System.Logger.Level.WARNING, "Could not read " + file + " (" + e + "); the replay tags in "
                    + file.getParent() + " are treated as incomplete");
            return true;
        }
        if (!boot.isEmpty() && boot.equals(left)) {
            LOG.log(System.Logger.Level.INFO, "The replay tags in " + file.getParent() + " were not closed (the"
                    + " process was killed); the machine has not restarted since, so no tag is missing");
            return false;
        }
        return true;
    }

    /** The disk refused a tag write: the mark says so from now on, as far as the disk still allows. */
    void journalFailed() {
        try (FileOutputStream emptied = new FileOutputStream(file.toFile())) {
            emptied.getFD().sync();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not mark the replay tags in " + file.getParent()
                    + " as incomplete (" + e + "): a restart before the machine's next one will not know that"
                    + " tags are missing");
        }
    }

    /** Every tag is written and synced. */
    void remove() throws IOException {
        Files.deleteIfExists(file);
    }
}
