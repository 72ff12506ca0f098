package nym.spectests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Options that cannot work are refused up front with one line and status 1, before anything is
 * started or written, instead of failing later in a child or in another node.
 */
class OptionChecksSpecTest {
    @Test
    void theDemoRefusesOnePortForBothClients() throws Exception {
        assertRefused("nym-demo", List.of("--alice-port", "19101", "--bob-port", "19101"),
                "error: --alice-port and --bob-port must differ, both are 19101");
    }

    @Test
    void theTestnetChecksItsDirectoryPortItself() throws Exception {
        assertRefused("nym-testnet", List.of("--directory-port", "70000"),
                "error: --directory-port must be 0 to 65535, got 70000");
    }

    @Test
    void theClientRefusesABlankOrigin() throws Exception {
        // Checked before the config is read: the client need not exist.
        assertRefused("nym-client", List.of("run", "--id", "c", "--allow-origin", " "),
                "error: --allow-origin must be an origin such as https://app.example or null, got \" \"");
    }

    @Test
    void aProviderNeedsTwoPortsAndAnAddressOthersCanReach() throws Exception {
        assertRefused("nym-provider", List.of("init", "--id", "p", "--mix-port", "19102", "--client-port", "19102"),
                "error: --mix-port and --client-port must differ, both are 19102");
        assertRefused("nym-provider", List.of("init", "--id", "p", "--host", "0.0.0.0"),
                "error: --host 0.0.0.0 is announced to others, who cannot connect to it; give this node's own IP address");
    }

    @Test
    void aMixNodeMayBindTheUnspecifiedAddressOnlyWithAnotherToAnnounce() throws Exception {
        assertRefused("nym-mixnode", List.of("init", "--id", "m", "--layer", "1", "--host", "::"),
                "error: --host (announced, as no --announce-host is given) :: is announced to others, who cannot"
                        + " connect to it; give this node's own IP address");
        Path home = Files.createTempDirectory("nym-option-checks");
        try (Image.Run run = Image.start(home, home.resolve("out"), "nym-mixnode", "init", "--id", "m", "--layer", "1",
                "--host", "0.0.0.0", "--announce-host", "127.0.0.1")) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run.text());
        }
    }

    @Test
    void aNodeRefusesAReportIntervalBelowOneMillisecond() throws Exception {
        // 0 made the metrics thread post to the directory in a busy loop; a negative value killed the
        // presence thread with a stack trace, and the node ran on without ever being listed.
        assertConfigLineRefused("nym-mixnode", List.of("--layer", "1", "--port", "0"), "mixnodes",
                "metrics_interval_ms = 5000", "metrics_interval_ms = 0",
                "error: debug.metrics_interval_ms must be at least 1 ms, got 0");
        assertConfigLineRefused("nym-provider", List.of("--mix-port", "0", "--client-port", "0"), "sfw-providers",
                "presence_interval_ms = 2000", "presence_interval_ms = -5",
                "error: debug.presence_interval_ms must be at least 1 ms, got -5");
    }

    @Test
    void aBadLayerInTheConfigIsNamedByItsKey() throws Exception {
        assertConfigLineRefused("nym-mixnode", List.of("--layer", "1", "--port", "0"), "mixnodes", "layer = 1",
                "layer = 4", "error: mixnode.layer must be 1, 2 or 3, got 4");
    }

    /** Two runs of one node would announce one key at two addresses; init --force would re-key it under itself. */
    @Test
    void aNodeRunsOnceAndGetsNoNewKeysWhileItRuns() throws Exception {
        for (String[] node : new String[][] {{"nym-mixnode", "mix node", "--layer", "1", "--port", "0"},
                {"nym-provider", "provider", "--mix-port", "0", "--client-port", "0"}}) {
            Path home = Files.createTempDirectory("nym-option-checks");
            List<String> init = new java.util.ArrayList<>(List.of("init", "--id", "n"));
            init.addAll(List.of(node).subList(2, node.length));
            try (Image.Run run = Image.start(home, home.resolve("init.out"), node[0], init.toArray(String[]::new))) {
                assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run.text());
            }
            String refused = "error: " + node[1] + " 'n' is already running";
            try (Image.Run first = Image.start(home, home.resolve("first.out"), node[0], "run", "--id", "n")) {
                first.awaitLine("Using directory server", Duration.ofSeconds(60));
                try (Image.Run second = Image.start(home, home.resolve("second.out"), node[0], "run", "--id", "n")) {
                    assertEquals(1, second.awaitExit(Duration.ofSeconds(60)), second.text());
                    assertEquals(true, second.text().contains(refused), second.text());
                }
                List<String> force = new java.util.ArrayList<>(init);
                force.add("--force");
                try (Image.Run again = Image.start(home, home.resolve("force.out"), node[0], force.toArray(String[]::new))) {
                    assertEquals(1, again.awaitExit(Duration.ofSeconds(60)), again.text());
                    assertEquals(true, again.text().contains(refused), again.text());
                }
            }
        }
    }

    private static void assertConfigLineRefused(String launcher, List<String> initOptions, String kind, String line,
            String badLine, String error) throws Exception {
        Path home = Files.createTempDirectory("nym-option-checks");
        List<String> init = new java.util.ArrayList<>(List.of("init", "--id", "n"));
        init.addAll(initOptions);
        try (Image.Run run = Image.start(home, home.resolve("out"), launcher, init.toArray(String[]::new))) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run.text());
        }
        Path config = home.resolve(".nym/" + kind + "/n/config/config.toml");
        String text = Files.readString(config);
        assertEquals(true, text.contains(line), text);
        Files.writeString(config, text.replace(line, badLine));
        try (Image.Run run = Image.start(home, home.resolve("out"), launcher, "run", "--id", "n")) {
            assertEquals(1, run.awaitExit(Duration.ofSeconds(60)), run.text());
            assertEquals(List.of(error), run.text().lines().filter(l -> l.startsWith("error: ")).toList(), run.text());
        }
    }

    private static void assertRefused(String launcher, List<String> arguments, String error) throws Exception {
        Path home = Files.createTempDirectory("nym-option-checks");
        try (Image.Run run = Image.start(home, home.resolve("out"), launcher, arguments.toArray(String[]::new))) {
            assertEquals(1, run.awaitExit(Duration.ofSeconds(60)), run.text());
            List<String> lines = run.text().lines().filter(line -> line.startsWith("error: ")).toList();
            assertEquals(List.of(error), lines, run.text());
            try (var files = Files.list(home)) {
                assertEquals(List.of(home.resolve("out")), files.toList(), "nothing written besides the output");
            }
        }
    }
}
