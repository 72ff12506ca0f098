package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A node whose port is taken ends with one line naming the address that is taken and the option or
 * config key that set its port, as {@code nym-client run} does for its local API: a provider names
 * the one of its two ports that is in use, not both.
 */
class NodePortInUseSpecTest {
    private static final Duration EXIT = Duration.ofSeconds(60);

    @Test
    void aProviderNamesTheTakenPortAndWhatSetIt() throws Exception {
        Path home = init("nym-provider", "sfw-providers", "--mix-port", "0", "--client-port", "0");
        withTakenPort(port -> {
            assertError(home, "nym-provider", inUse(port, "--mix-port"), "--mix-port", Integer.toString(port));
            assertError(home, "nym-provider", inUse(port, "--client-port"), "--client-port", Integer.toString(port));
            setAddress(home, "sfw-providers", "mix_listening_address", port);
            assertError(home, "nym-provider", inUse(port, "provider.mix_listening_address"));
            setAddress(home, "sfw-providers", "mix_listening_address", 0);
            setAddress(home, "sfw-providers", "client_listening_address", port);
            assertError(home, "nym-provider", inUse(port, "provider.client_listening_address"));
        });
    }

    @Test
    void aMixNodeNamesItsPortAndWhatSetIt() throws Exception {
        Path home = init("nym-mixnode", "mixnodes", "--layer", "1", "--port", "0");
        withTakenPort(port -> {
            assertError(home, "nym-mixnode", inUse(port, "--port"), "--port", Integer.toString(port));
            setAddress(home, "mixnodes", "listening_address", port);
            assertError(home, "nym-mixnode", inUse(port, "mixnode.listening_address"));
        });
    }

    /** A check run while a port of 127.0.0.1 is taken. */
    @FunctionalInterface
    private interface WithPort {
        void run(int port) throws Exception;
    }

    /** Runs {@code check} with a port of 127.0.0.1 bound by this test, then releases it. */
    private static void withTakenPort(WithPort check) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            check.run(taken.getLocalPort());
        }
    }

    private static String inUse(int port, String setBy) {
        return "error: cannot listen on 127.0.0.1:" + port + ": Address already in use (choose another " + setBy + ")";
    }

    private static Path init(String launcher, String kind, String... options) throws Exception {
        Path home = Files.createTempDirectory("nym-port-in-use");
        List<String> init = new ArrayList<>(List.of("init", "--id", "n"));
        init.addAll(List.of(options));
        try (Image.Run run = Image.start(home, home.resolve("init.out"), launcher, init.toArray(String[]::new))) {
            assertEquals(0, run.awaitExit(EXIT), run.text());
        }
        assertEquals(true, Files.isRegularFile(home.resolve(".nym/" + kind + "/n/config/config.toml")));
        return home;
    }

    /** Sets {@code key = "127.0.0.1:port"} in the node's config.toml. */
    private static void setAddress(Path home, String kind, String key, int port) throws Exception {
        Path config = home.resolve(".nym/" + kind + "/n/config/config.toml");
        String text = Files.readString(config);
        String changed = text.replaceFirst("(?m)^" + key + " = \"127\\.0\\.0\\.1:\\d+\"$",
                key + " = \"127.0.0.1:" + port + "\"");
        assertEquals(true, changed.contains(key + " = \"127.0.0.1:" + port + "\""), text);
        Files.writeString(config, changed);
    }

    /** {@code run --id n} with {@code options} exits with status 1 and exactly the one error line. */
    private static void assertError(Path home, String launcher, String error, String... options) throws Exception {
        List<String> run = new ArrayList<>(List.of("run", "--id", "n"));
        run.addAll(List.of(options));
        try (Image.Run node = Image.start(home, home.resolve("run.out"), launcher, run.toArray(String[]::new))) {
            assertEquals(1, node.awaitExit(EXIT), node.text());
            assertEquals(List.of(error), node.text().lines().filter(line -> line.startsWith("error: ")).toList(),
                    node.text());
        }
    }
}
