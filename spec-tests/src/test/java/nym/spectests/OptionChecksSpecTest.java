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
