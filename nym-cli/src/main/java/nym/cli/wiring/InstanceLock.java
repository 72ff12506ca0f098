package nym.cli.wiring;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;

/**
 * One running process per instance: an exclusive OS lock on a file in the instance's folder, held
 * until the process exits. The OS releases it however the process ends (SIGKILL included), so a
 * lock file left behind never blocks the next start.
 */
public final class InstanceLock implements AutoCloseable {
    /** The lock file in a client's {@code data/} folder, held by {@code run} and by {@code init}. */
    public static final String CLIENT_FILE = "client.lock";
    /** The same for a mix node or a provider. */
    public static final String NODE_FILE = "node.lock";

    /** Keeps every held lock reachable: a collected channel would close and release its lock. */
    private static final Set<InstanceLock> HELD = ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param file the lock file (created if missing)
     * @param what the instance in the error message, e.g. {@code client 'alice'}
     * @throws ConfigException if another process (or this one) holds the lock
     */
    public static InstanceLock acquire(Path file, String what) throws IOException, ConfigException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ConfigException(what + " is already running (" + file + " is locked); stop it first");
        }
        InstanceLock held = new InstanceLock(channel, lock);
        HELD.add(held);
        return held;
    }

    /**
     * The lock of an instance: held by its {@code run}, and by {@code init} while it writes, so that
     * an instance runs once and gets no new keys while it runs.
     *
     * @param label the kind of instance in the error message, e.g. {@code mix node}
     */
    public static InstanceLock acquireInstance(NymHome.Kind kind, String id, String label)
            throws IOException, ConfigException {
        Path file = NymHome.dataDir(kind, id).resolve(kind == NymHome.Kind.CLIENT ? CLIENT_FILE : NODE_FILE);
        return acquire(file, label + " '" + id + "'");
    }

    @Override
    public void close() throws IOException {
        HELD.remove(this);
        lock.release();
        channel.close();
    }
}
