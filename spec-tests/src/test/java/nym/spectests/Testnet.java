package nym.spectests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import nym.topology.Topology;
import nym.topology.directory.DirectoryClient;

/**
 * A small {@code nym-testnet} from the image for one test class: a directory on a free port, one mix
 * node per layer and one provider, each its own process; stopped with SIGTERM by {@link #close()}.
 */
final class Testnet implements AutoCloseable {
    private final Image.Run run;
    private final String directory;

    private Testnet(Image.Run run, String directory) {
        this.run = run;
        this.directory = directory;
    }

    static Testnet start(Path home) throws Exception {
        Path nodes = Files.createDirectories(home.resolve("testnet"));
        Image.Run run = Image.start(home, home.resolve("testnet.out"), "nym-testnet", "--home", nodes.toString(),
                "--directory-port", "0", "--mixnodes-per-layer", "1", "--providers", "1");
        try {
            String ready = run.awaitLine("testnet ready: directory ", Duration.ofSeconds(120));
            return new Testnet(run, ready.substring(ready.indexOf("http://")).strip());
        } catch (AssertionError | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** @return the directory's URL, e.g. {@code http://127.0.0.1:40999} */
    String directory() {
        return directory;
    }

    Topology topology() throws Exception {
        try (DirectoryClient client = DirectoryClient.create(URI.create(directory))) {
            return client.fetchTopology();
        }
    }

    String output() {
        return run.text();
    }

    @Override
    public void close() {
        run.close();
    }
}
