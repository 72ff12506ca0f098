package nym.spectests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The built jlink image ({@code nym-cli/target/nym}) as a user runs it: launchers started as OS
 * processes with their own {@code HOME}, output captured to a file, stopped with SIGTERM.
 */
final class Image {
    private Image() {}

    static Path bin() {
        Path bin = ProjectFiles.root().resolve("nym-cli/target/nym/bin");
        if (!Files.isDirectory(bin)) {
            throw new AssertionError("the image is not built: run mvn install first (" + bin + ")");
        }
        return bin;
    }

    /**
     * A launcher process and its captured output. The output file is appended to, so this run's
     * output starts at {@code outputStart}: an earlier run's lines in the same file do not count.
     */
    record Run(Process process, Path output, long outputStart) implements AutoCloseable {
        /** @return what this run has written so far */
        String text() {
            try {
                byte[] all = Files.readAllBytes(output);
                int start = (int) Math.min(outputStart, all.length);
                return new String(all, start, all.length - start, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** Waits for a line containing {@code marker}; fails early if the process dies. */
        String awaitLine(String marker, Duration timeout) {
            await("'" + marker + "' from " + output, timeout, () -> text().contains(marker) || !process.isAlive());
            return text().lines().filter(line -> line.contains(marker)).findFirst()
                    .orElseThrow(() -> new AssertionError("process exited without '" + marker + "':\n" + text()));
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("process did not exit within " + timeout + ":\n" + text());
            }
            return process.exitValue();
        }

        /** SIGTERM to the launcher script's JVM and the script, then SIGKILL if needed. */
        @Override
        public void close() {
            List<ProcessHandle> all = new ArrayList<>();
            process.descendants().forEach(all::add);
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                try {
                    handle.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }

        /** The launcher's JVM (the launcher script execs it). */
        ProcessHandle jvm() {
            return process.toHandle();
        }
    }

    static Run start(Path home, Path output, String launcher, String... arguments) throws IOException {
        return start(home, output, Map.of(), launcher, arguments);
    }

    /** {@link #start(Path, Path, String, String...)} with more environment variables. */
    static Run start(Path home, Path output, Map<String, String> environment, String launcher, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(bin().resolve(launcher).toString());
        command.addAll(List.of(arguments));
        long outputStart = Files.exists(output) ? Files.size(output) : 0;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.remove("NYM_TESTNET_PID");
        env.putAll(environment);
        return new Run(builder.start(), output, outputStart);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(50_000_000); // poll interval, not a fixed wait
        }
    }
}
