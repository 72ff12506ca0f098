package nym.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program of another language for a test, with a deadline; a missing program fails clearly. */
final class ExternalProcess {
    record Result(int exitCode, List<String> stdout, String output) {}

    private ExternalProcess() {}

    /**
     * Runs {@code command} in {@code directory} and waits up to {@code deadline}.
     *
     * @throws AssertionError if the program is not on PATH, or it does not finish in time
     */
    static Result run(Path directory, Duration deadline, String... command) throws IOException, InterruptedException {
        requireOnPath(command[0]);
        Path stdout = Files.createTempFile("nym-websocket-" + command[0], ".out");
        Path stderr = Files.createTempFile("nym-websocket-" + command[0], ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + deadline
                        + "\nstderr: " + Files.readString(stderr));
            }
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            String output = "stdout:\n" + String.join("\n", lines) + "\nstderr:\n" + Files.readString(stderr);
            return new Result(process.exitValue(), lines, output);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static void requireOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new AssertionError("'" + program + "' is not on PATH (" + path + "): this test runs a real client in "
                + "another language and needs it installed (CI has node, npm and python3)");
    }
}
