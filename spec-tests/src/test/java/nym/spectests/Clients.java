package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code nym-client} from the image, as a user runs it: each command its own process and HOME. */
final class Clients {
    static final String BANNER_VERSION = "(client - version 0.7.0)";
    static final String LISTENER = "Starting websocket listener at 127.0.0.1:";
    /** Near-zero delays: 1 ms per hop, 20 ms sending, 200 ms loop cover, 100 ms fetch, 1 s topology. */
    static final Map<String, Long> FAST = Map.of("average_packet_delay", 1L, "message_sending_average_delay", 20L,
            "loop_cover_traffic_average_delay", 200L, "fetch_message_delay", 100L, "topology_refresh_rate", 1000L);

    private static final AtomicInteger RUNS = new AtomicInteger();

    private Clients() {}

    /** A finished command: exit status and everything it printed (stdout and stderr). */
    record Result(int exit, String output) {
        /** @return the non-blank lines after the banner */
        List<String> linesAfterBanner() {
            List<String> lines = output.lines().toList();
            int banner = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(BANNER_VERSION)) {
                    banner = i;
                }
            }
            return lines.subList(banner + 1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
        }
    }

    /** A running {@code nym-client run} and the port its WebSocket listens on. */
    record Running(Image.Run run, int port) implements AutoCloseable {
        String url() {
            return "ws://localhost:" + port + "/mix";
        }

        @Override
        public void close() {
            run.close();
        }
    }

    static Image.Run start(Path home, String... arguments) throws IOException {
        Path output = home.resolve("nym-client-" + RUNS.incrementAndGet() + ".out");
        return Image.start(home, output, "nym-client", arguments);
    }

    static Result execute(Path home, String... arguments) throws Exception {
        try (Image.Run run = start(home, arguments)) {
            int exit = run.awaitExit(Duration.ofSeconds(60));
            return new Result(exit, run.text());
        }
    }

    static Result init(Path home, String id, String directory, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("init", "--id", id, "--directory", directory));
        arguments.addAll(List.of(more));
        Result result = execute(home, arguments.toArray(String[]::new));
        assertEquals(0, result.exit(), result.output());
        return result;
    }

    static Path clientDir(Path home, String id) {
        return home.resolve(".nym/clients").resolve(id);
    }

    static Path config(Path home, String id) {
        return clientDir(home, id).resolve("config/config.toml");
    }

    /** Sets {@code key = value} in the client's config.toml, whichever section it is in. */
    static void setConfig(Path home, String id, String key, String value) throws IOException {
        setKey(config(home, id), key, value);
    }

    /** Sets {@code key = value} in a config.toml (a client's or a node's), whichever section it is in. */
    static void setKey(Path file, String key, String value) throws IOException {
        String text = Files.readString(file);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(key) + " = .*$").matcher(text);
        if (!line.find()) {
            throw new AssertionError("no key " + key + " in " + file + ":\n" + text);
        }
        Files.writeString(file, line.replaceFirst(Matcher.quoteReplacement(key + " = " + value)));
    }

    /** @return the string value of {@code key} in the client's config.toml */
    static String configValue(Path home, String id, String key) throws IOException {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(key) + " = \"?([^\"\\n]*)\"?$")
                .matcher(Files.readString(config(home, id)));
        if (!line.find()) {
            throw new AssertionError("no key " + key + " in the config of " + id);
        }
        return line.group(1);
    }

    static void setDebug(Path home, String id, Map<String, Long> values) throws IOException {
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            setConfig(home, id, entry.getKey(), entry.getValue().toString());
        }
    }

    /** Starts {@code run --id ID --port 0 ...} and waits for its WebSocket listener. */
    static Running run(Path home, String id, String... more) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("run", "--id", id, "--port", "0"));
        arguments.addAll(List.of(more));
        Image.Run run = start(home, arguments.toArray(String[]::new));
        try {
            String line = run.awaitLine(LISTENER, Duration.ofSeconds(60));
            return new Running(run, Integer.parseInt(line.substring(line.indexOf(LISTENER) + LISTENER.length()).strip()));
        } catch (AssertionError | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** @return a port that was free a moment ago on 127.0.0.1 */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
