package nym.cli.command;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;

import nym.cli.config.MixNodeConfigFile;
import nym.cli.config.NymHome;
import nym.cli.wiring.ParentWatchdog;
import nym.cli.wiring.Periodic;
import nym.cli.wiring.SphinxKeyFiles;
import nym.cli.wiring.Shutdown;
import nym.topology.MixNodeInfo;
import nym.topology.directory.DirectoryClient;
import nym.topology.directory.MixMetricsReport;
import nym.traffic.mixnode.MixNode;
import nym.traffic.mixnode.MixNodeConfig;
import nym.traffic.mixnode.KeyRing;
import nym.traffic.mixnode.KeyRotation;
import nym.traffic.mixnode.TopologyNextHops;
import nym.traffic.transport.NodeAddresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-mixnode run}: serves packets until SIGINT/SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs an initialised mix node until Ctrl-C or SIGTERM. Options given here override the "
                + "config file.")
final class MixNodeRunCommand implements Callable<Integer> {
    /** The least time between two topology reads that packets for an unknown next hop ask for. */
    private static final Duration NEXT_HOP_READ_GAP = Duration.ofMillis(500);

    @Option(names = "--id", required = true, description = "Name of the node given to init.")
    String id;

    @Option(names = "--layer", description = "Override the layer (1, 2 or 3).")
    Integer layer;

    @Option(names = "--host", description = "Override the IP address to listen on.")
    String host;

    @Option(names = "--port", description = "Override the port to listen on (0: any free port).")
    Integer port;

    @Option(names = "--directory", description = "Override the directory server URL.")
    String directory;

    @Override
    public Integer call() throws Exception {
        MixNodeConfigFile file = RunStart.lockAndReadConfig(NymHome.Kind.MIXNODE, id, "mix node", "nym-mixnode init",
                MixNodeConfigFile.class);
        MixNodeConfigFile.Mixnode config = file.mixnode();
        int effectiveLayer = layer != null ? layer : config.layer();
        NodeOptions.checkLayer(layer != null ? "--layer" : "mixnode.layer", effectiveLayer);
        Duration presenceInterval = Duration.ofMillis(ConfigTimings.positive("debug.presence_interval_ms",
                file.debug().presenceIntervalMs()));
        Duration metricsInterval = Duration.ofMillis(ConfigTimings.positive("debug.metrics_interval_ms",
                file.debug().metricsIntervalMs()));
        InetSocketAddress configured = NodeOptions.socketAddress("listening_address", config.listeningAddress());
        String listenHost = host != null ? host : configured.getAddress().getHostAddress();
        int listenPort = port != null ? port : configured.getPort();
        InetSocketAddress listen = NodeOptions.socketAddress("--host/--port", NodeOptions.hostPort(listenHost, listenPort));
        DirectoryClient directoryClient = DirectoryClient.create(NodeOptions.checkDirectory(
                directory != null ? directory : config.directoryServer()));
        KeyRotation rotation = ConfigTimings.check(file.keyRotation());
        ConfigTimings.warnIfGraceIsShort(rotation, presenceInterval);
        SphinxKeyFiles keyFiles = new SphinxKeyFiles(NymHome.dataDir(NymHome.Kind.MIXNODE, id),
                Path.of(config.privateSphinxKeyFile()), Path.of(config.publicSphinxKeyFile()),
                Math.toIntExact(rotation.rotateAfterPackets()), InstantSource.system());
        KeyRing keys = keyFiles.open();

        System.out.println("Starting mixnode...");
        // Forward only to the next layer's nodes: a header names any address its sender likes. The
        // first topology read runs on while the node binds, so a directory that is down does not delay it.
        TopologyNextHops nextHops = TopologyNextHops.start(effectiveLayer, directoryClient::fetchTopology,
                presenceInterval, NEXT_HOP_READ_GAP);
        MixNode node;
        try {
            node = NodeOptions.bind(NodeAddresses.formatHost(listen),
                    port != null ? "--port" : "mixnode.listening_address", () -> MixNode.start(
                    MixNodeConfig.defaults(listen).withNextHops(nextHops), keys, rotation, keyFiles));
        } catch (Exception e) {
            nextHops.close(); // no topology warning after the error line
            keyFiles.close();
            throw e;
        }
        InetSocketAddress bound = node.localAddress();
        String announced = NodeAddresses.formatHost(host == null && port == null
                ? announcedAddress(config.announceAddress(), bound) : bound);
        System.out.println("Listening for incoming packets on " + NodeAddresses.formatHost(bound));
        System.out.println("Layer " + effectiveLayer + ", public key " + node.publicKey().toBase58());
        System.out.println("Using directory server: \"" + directoryClient.baseUri() + "\"");

        Thread presence = Periodic.every("presence", presenceInterval,
                () -> directoryClient.registerMixNode(new MixNodeInfo(announced, node.publicKey(), effectiveLayer, 0,
                        Versions.NYM)));
        Thread metrics = Periodic.every("metrics", metricsInterval,
                () -> directoryClient.reportMetrics(new MixMetricsReport(node.publicKey(), node.metrics().received(),
                        node.metrics().forwardedByHost())));
        Shutdown shutdown = new Shutdown(() -> {
            presence.interrupt();
            metrics.interrupt();
            node.close();
            nextHops.close();
            keyFiles.close();
            directoryClient.close();
            System.out.println("Mixnode stopped: " + node.metrics());
        });
        ParentWatchdog.startIfRequested(() -> System.exit(0));
        shutdown.awaitStop();
        return 0;
    }

    /** The configured announce address, with the bound port when the config asked for any port. */
    private static InetSocketAddress announcedAddress(String configured, InetSocketAddress bound) throws Exception {
        InetSocketAddress announce = NodeOptions.socketAddress("announce_address", configured);
        return announce.getPort() == 0 ? new InetSocketAddress(announce.getAddress(), bound.getPort()) : announce;
    }
}
