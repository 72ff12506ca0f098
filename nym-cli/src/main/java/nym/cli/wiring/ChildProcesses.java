package nym.cli.wiring;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OS processes a testnet starts from the image's launchers: each with its own log file, the
 * testnet's pid in its environment (so it exits if the testnet dies, see {@link ParentWatchdog}),
 * and stopped with SIGTERM, then SIGKILL after a grace period.
 */
public final class ChildProcesses {
    /**
     * A started child. Its log is appended to across runs (an operator keeps the history), so what
     * this child wrote starts at {@code logStart}: readers that wait for a line must not find an
     * earlier run's.
     */
    public record Child(String name, Process process, Path log, long logStart) {
        /** @return the lines this child has written so far, without earlier runs' lines in the same log */
        public List<String> lines() throws IOException {
            if (!Files.exists(log)) {
                return List.of();
            }
            try (SeekableByteChannel channel = Files.newByteChannel(log)) {
                channel.position(logStart);
                byte[] written = Channels.newInputStream(channel).readAllBytes();
                return new String(written, StandardCharsets.UTF_8).lines().toList();
            }
        }

        /**
         * @return for one-line error messages: the last {@code error: ...} line this child wrote (a
         *     launcher's failure, which may be followed by its clean-stop lines), else its last non-blank line
         */
        public String lastLine() {
            try {
                List<String> lines = lines();
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (lines.get(i).startsWith("error: ")) {
                        return lines.get(i).strip();
                    }
                }
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (!lines.get(i).isBlank()) {
                        return lines.get(i).strip();
                    }
                }
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
            return "(nothing in its log; see " + log + ")";
        }
    }

    private static final System.Logger LOG = System.getLogger(ChildProcesses.class.getName());
    private static final long GRACE_SECONDS = 10;

    private final Path binDirectory;
    private final Path logDirectory;
    private final Map<String, String> environment;
    private final List<Child> children = new ArrayList<>();

    /**
     * @param binDirectory where the launchers are
     * @param logDirectory where each child's output goes
     * @param environment extra environment of every child (HOME, the parent pid)
     */
    public ChildProcesses(Path binDirectory, Path logDirectory, Map<String, String> environment) {
        this.binDirectory = binDirectory;
        this.logDirectory = logDirectory;
        this.environment = Map.copyOf(environment);
    }

    /**
     * @return children started from this image's launchers with {@code home} as their {@code HOME},
     *     logging to {@code home/logs}, and watching this process ({@link ParentWatchdog})
     */
    public static ChildProcesses underHome(Path home) {
        return new ChildProcesses(imageBinDirectory(), home.resolve("logs"), Map.of("HOME", home.toString(),
                ParentWatchdog.PARENT_PID_VARIABLE, Long.toString(ProcessHandle.current().pid())));
    }

    /** @return the folder of the launchers of the running image */
    public static Path imageBinDirectory() {
        String override = System.getenv("NYM_BIN");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return ProcessHandle.current().info().command().map(Path::of).map(Path::getParent)
                .orElseThrow(() -> new IllegalStateException("cannot find the launchers' folder; set NYM_BIN"));
    }

    /**
     * Runs a launcher to completion (an {@code init}).
     *
     * @return the finished child, whose {@link Child#lines()} are what it printed
     * @throws IOException if it cannot start or exits with a failure; the message has its last output line
     */
    public Child runToCompletion(String name, String launcher, List<String> arguments) throws IOException {
        Child child = spawn(name, launcher, arguments);
        try {
            if (!child.process().waitFor(60, TimeUnit.SECONDS)) {
                child.process().destroyForcibly();
                throw new IOException(name + " did not finish within 60 s; see " + child.log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + " interrupted");
        }
        forget(child);
        if (child.process().exitValue() != 0) {
            throw new IOException(name + " failed (exit " + child.process().exitValue() + "): " + child.lastLine());
        }
        return child;
    }

    /** Starts a long-running launcher (a {@code run}). */
    public Child start(String name, String launcher, List<String> arguments) throws IOException {
        return spawn(name, launcher, arguments);
    }

    private synchronized void forget(Child child) {
        children.remove(child);
    }

    /** @return the children started with {@link #start} that are still tracked */
    public synchronized List<Child> children() {
        return List.copyOf(children);
    }

    /**
     * SIGTERM to every child and its descendants (a launcher is a shell script that runs the JVM as
     * its child), then SIGKILL to whatever is still alive after the grace period.
     */
    public synchronized void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Child child : children) {
            child.process().descendants().forEach(all::add);
            all.add(child.process().toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (ProcessHandle process : all) {
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                process.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                LOG.log(Level.WARNING, "process " + process.pid() + " did not stop within " + GRACE_SECONDS
                        + " s; killing it");
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        children.clear();
    }

    private synchronized Child spawn(String name, String launcher, List<String> arguments) throws IOException {
        Path executable = binDirectory.resolve(launcher);
        if (!Files.isExecutable(executable)) {
            throw new IOException("launcher not found: " + executable);
        }
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Child child = new Child(name, builder.start(), log, logStart);
        children.add(child);
        return child;
    }
}
