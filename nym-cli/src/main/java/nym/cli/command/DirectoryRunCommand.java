package nym.cli.command;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;

import nym.cli.config.ConfigException;
import nym.cli.wiring.ParentWatchdog;
import nym.cli.wiring.Shutdown;
import nym.topology.directory.DirectoryConfig;
import nym.topology.directory.DirectoryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-directory run}: serves the directory until SIGINT/SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs the directory until Ctrl-C or SIGTERM.")
final class DirectoryRunCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "" + Defaults.DIRECTORY_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = Defaults.HOST, description = "IP address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--ttl-seconds", defaultValue = "10",
            description = "A node not seen for this long drops out of the topology (default: ${DEFAULT-VALUE}).")
    int ttlSeconds;

    @Override
    public Integer call() throws Exception {
        if (ttlSeconds < 1) {
            throw new ConfigException("--ttl-seconds must be at least 1, got " + ttlSeconds);
        }
        InetSocketAddress bind = NodeOptions.socketAddress("--host/--port", NodeOptions.hostPort(host, port));
        DirectoryServer server;
        try {
            server = DirectoryServer.start(new InetSocketAddress(InetAddress.getByName(host), bind.getPort()),
                    DirectoryConfig.defaults().withTtl(Duration.ofSeconds(ttlSeconds)));
        } catch (java.net.BindException e) {
            throw NodeOptions.cannotListen(host + ":" + port, e, "--port");
        }
        System.out.println("Directory server listening on " + server.uri());
        Shutdown shutdown = new Shutdown(() -> {
            server.close();
            System.out.println("Directory stopped.");
        });
        ParentWatchdog.startIfRequested(() -> System.exit(0));
        shutdown.awaitStop();
        return 0;
    }
}
