package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The seed's TypeScript examples run by Node.js with the {@code ws} package:
 * {@code spec-tests/src/test/node/seed-client.mjs}; and the directory's dashboard page in jsdom
 * ({@code dashboard-check.mjs}). Needs node and npm on PATH and fails, not skips,
 * without them; installs {@code ws} into {@code src/test/node/node_modules} once.
 */
final class SeedScript {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private SeedScript() {}

    static Path directory() {
        return ProjectFiles.root().resolve("spec-tests/src/test/node");
    }

    /** Installs {@code ws} and {@code jsdom} if they are not installed yet. */
    static synchronized void install() throws Exception {
        if (Files.isDirectory(directory().resolve("node_modules/ws"))
                && Files.isDirectory(directory().resolve("node_modules/jsdom"))) {
            return;
        }
        Result install = execute(Duration.ofMinutes(5), "npm", "install", "--no-audit", "--no-fund");
        assertEquals(0, install.exit(), "npm install failed\n" + install.output());
    }

    record Result(int exit, List<String> stdout, String output) {
        /** @return the last line printed, the response, as JSON */
        JsonNode response() {
            if (exit != 0 || stdout.isEmpty()) {
                throw new AssertionError("node failed (" + exit + "):\n" + output);
            }
            try {
                return JSON.readTree(stdout.get(stdout.size() - 1));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + stdout.get(stdout.size() - 1), e);
            }
        }
    }

    /** Runs {@code node seed-client.mjs URL arguments...}. */
    static Result run(String url, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(url));
        command.addAll(List.of(arguments));
        return runScript("seed-client.mjs", command.toArray(String[]::new));
    }

    /** Runs {@code node SCRIPT arguments...}, a script of {@link #directory()}. */
    static Result runScript(String script, String... arguments) throws Exception {
        return runScript(DEADLINE, script, arguments);
    }

    /** {@link #runScript(String, String...)} for a script that may take longer than a minute. */
    static Result runScript(Duration deadline, String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        return execute(deadline, command.toArray(String[]::new));
    }

    /** The seed's send example: {@code message} to {@code recipient}; returns the response. */
    static JsonNode send(String url, String recipient, String message) throws Exception {
        Path file = Files.createTempFile("nym-seed-message", ".txt");
        try {
            Files.writeString(file, message, StandardCharsets.UTF_8);
            return run(url, "send", recipient, file.toString()).response();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Sends {@code request} (one JSON object) on a connection of its own; returns the response. */
    static JsonNode raw(String url, JsonNode request) throws Exception {
        Path file = Files.createTempFile("nym-seed-request", ".json");
        try {
            Files.writeString(file, JSON.writeValueAsString(request), StandardCharsets.UTF_8);
            return run(url, "raw", file.toString()).response();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static JsonNode request(String url, String type) throws Exception {
        return run(url, type).response();
    }

    /** Fetches until {@code count} messages have arrived, or fails at the deadline. */
    static List<String> fetchUntil(String url, int count, Duration deadline) {
        List<String> messages = new ArrayList<>();
        Image.await(count + " fetched message(s) at " + url + " (have " + messages.size() + ")", deadline, () -> {
            try {
                JsonNode response = request(url, "fetch");
                assertEquals("fetch", response.path("type").asText(), response.toString());
                response.path("messages").forEach(message -> messages.add(message.asText()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return messages.size() >= count;
        });
        return messages;
    }

    private static Result execute(Duration deadline, String... command) throws IOException, InterruptedException {
        requireOnPath(command[0]);
        Path stdout = Files.createTempFile("nym-seed-" + command[0], ".out");
        Path stderr = Files.createTempFile("nym-seed-" + command[0], ".err");
        try {
            Process process = new ProcessBuilder(command).directory(directory().toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + deadline
                        + "\nstderr: " + Files.readString(stderr));
            }
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            String output = "stdout:\n" + abbreviate(String.join("\n", lines)) + "\nstderr:\n" + Files.readString(stderr);
            return new Result(process.exitValue(), lines, output);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000) + "... (" + text.length() + " characters)";
    }

    private static void requireOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new AssertionError("'" + program + "' is not on PATH (" + path + "): the seed's TypeScript examples "
                + "run with Node.js and npm, which these tests need installed");
    }
}
