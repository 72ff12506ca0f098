package nym.cli.command;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.cli.wiring.ChildProcesses;
import nym.cli.wiring.DistinctFreePorts;
import nym.cli.wiring.InstanceLock;
import nym.cli.wiring.ParentWatchdog;
import nym.cli.wiring.Shutdown;
import nym.topology.Topology;
import nym.topology.TopologyException;
import nym.topology.directory.DirectoryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nym-testnet}: a whole mixnet on this machine, each node its own OS process from the image:
 * a directory, {@code --mixnodes-per-layer} mix nodes in each of the three layers, and
 * {@code --providers} providers.
 */
@Command(name = "nym-testnet", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Starts a whole Nym mixnet on this machine: a directory, three layers of mix nodes and "
                + "the providers, each as its own process, and waits until clients can route through it. "
                + "Ctrl-C or SIGTERM stops every node; if this process is killed, the nodes exit within "
                + "15 s.")
public final class TestnetCommand implements Callable<Integer> {
    private static final Duration READY_DEADLINE = Duration.ofSeconds(90);

    @Option(names = "--home", description = "Where the nodes keep their files (their $HOME; default: $HOME/.nym-testnet).")
    Path home;

    @Option(names = "--directory-port", defaultValue = "" + Defaults.DIRECTORY_PORT,
            description = "Port of the directory; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int directoryPort;

    @Option(names = "--mixnodes-per-layer", defaultValue = "2", description = "Mix nodes in each layer (default: ${DEFAULT-VALUE}).")
    int mixnodesPerLayer;

    @Option(names = "--providers", defaultValue = "2", description = "Providers (default: ${DEFAULT-VALUE}).")
    int providers;

    @Override
    public Integer call() throws Exception {
        if (mixnodesPerLayer < 1 || mixnodesPerLayer > 20 || providers < 1 || providers > 20) {
            throw new ConfigException("--mixnodes-per-layer and --providers must be 1 to 20");
        }
        NodeOptions.checkPort("--directory-port", directoryPort);
        Path nodesHome = (home != null ? home : NymHome.root().resolveSibling(".nym-testnet")).toAbsolutePath();
        // A second testnet in this home would give the running nodes new keys and share their inboxes.
        InstanceLock.acquire(nodesHome.resolve("testnet.lock"), "a testnet in " + nodesHome);
        ChildProcesses processes = ChildProcesses.underHome(nodesHome);
        Shutdown shutdown = new Shutdown(() -> {
            System.out.println("Stopping " + processes.children().size() + " nodes...");
            processes.stopAll();
            System.out.println("Testnet stopped.");
        });
        // Started by nym-demo, which passes its pid: if the demo is killed outright, stop every node.
        ParentWatchdog.startIfRequested(() -> System.exit(0));

        DistinctFreePorts ports = new DistinctFreePorts(); // the OS may offer one port twice in a row
        int port = directoryPort == 0 ? ports.next() : directoryPort;
        String directory = "http://127.0.0.1:" + port;
        System.out.println("Starting testnet in " + nodesHome + " (logs in " + nodesHome.resolve("logs") + ")");
        processes.start("directory", "nym-directory", List.of("run", "--port", Integer.toString(port)));
        DirectoryClient client = DirectoryClient.create(URI.create(directory));
        awaitTopology(client, processes, "the directory to answer", topology -> true);

        int expectedMixes = 3 * mixnodesPerLayer;
        for (int layer = 1; layer <= 3; layer++) {
            for (int i = 1; i <= mixnodesPerLayer; i++) {
                String id = "testnet-mix-l" + layer + "-" + i;
                List<String> options = List.of("--id", id, "--layer", Integer.toString(layer), "--port",
                        Integer.toString(ports.next()), "--directory", directory);
                initOnce(processes, nodesHome, NymHome.Kind.MIXNODE, id, "nym-mixnode", options);
                processes.start(id, "nym-mixnode", concat("run", options));
                System.out.println("started mix node " + id + " (layer " + layer + ")");
            }
        }
        for (int i = 1; i <= providers; i++) {
            String id = "testnet-provider-" + i;
            List<String> options = List.of("--id", id, "--mix-port", Integer.toString(ports.next()), "--client-port",
                    Integer.toString(ports.next()), "--directory", directory);
            initOnce(processes, nodesHome, NymHome.Kind.PROVIDER, id, "nym-provider", options);
            processes.start(id, "nym-provider", concat("run", options));
            System.out.println("started provider " + id);
        }
        awaitTopology(client, processes, "every node in the topology",
                topology -> topology.isRoutable() && topology.mixNodes().size() == expectedMixes
                        && topology.providers().size() == providers);

        System.out.println("testnet ready: directory " + directory);
        System.out.println("Point a client at it: nym-client init --id alice --directory " + directory);
        System.out.println("Ctrl-C stops every node.");
        shutdown.awaitStop();
        return 0;
    }

    /**
     * Initialises a node the first time this home runs it; later runs keep its keys (and a provider's
     * registered clients), so clients initialised against an earlier run still find their provider.
     * {@code options} (id, ports, directory) are the same for {@code init} and as overrides for {@code run}.
     */
    private static void initOnce(ChildProcesses processes, Path nodesHome, NymHome.Kind kind, String id,
            String launcher, List<String> options) throws IOException {
        if (!Files.exists(NymHome.configFile(nodesHome, kind, id))) {
            processes.runToCompletion(id + "-init", launcher, concat("init", options));
        }
    }

    private static List<String> concat(String command, List<String> options) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(options);
        return all;
    }

    private interface Ready {
        boolean test(Topology topology);
    }

    private static void awaitTopology(DirectoryClient client, ChildProcesses processes, String what, Ready ready)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            for (ChildProcesses.Child child : processes.children()) {
                if (!child.process().isAlive()) {
                    throw new IOException(child.name() + " exited (" + child.process().exitValue() + "): "
                            + child.lastLine());
                }
            }
            try {
                Topology topology = client.fetchTopology();
                if (ready.test(topology)) {
                    return;
                }
                last = topology.mixNodes().size() + " mix nodes, " + topology.providers().size() + " providers";
            } catch (TopologyException e) {
                last = e.getMessage();
            }
            Thread.sleep(200);
        }
        throw new IOException("timed out after " + READY_DEADLINE.toSeconds() + " s waiting for " + what + " (" + last
                + ")");
    }
}
