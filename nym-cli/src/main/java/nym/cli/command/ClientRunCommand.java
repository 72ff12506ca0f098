package nym.cli.command;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nym.cli.config.ClientConfigFile;
import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.cli.config.SocketType;
import nym.cli.wiring.LocalApi;
import nym.cli.wiring.MixnetClient;
import nym.cli.wiring.ParentWatchdog;
import nym.cli.wiring.Shutdown;
import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519KeyPair;
import nym.provider.client.AuthToken;
import nym.provider.store.Inboxes;
import nym.sphinx.SphinxGeometry;
import nym.topology.ProviderInfo;
import nym.topology.directory.DirectoryClient;
import nym.traffic.client.ClientTrafficConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-client run}: the running client, until SIGINT/SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an initialised client until Ctrl-C or SIGTERM. All start-up options take precedence "
                + "over config.toml.")
final class ClientRunCommand implements Callable<Integer> {
    private static final int SEND_QUEUE_PACKETS = 20_000;

    @Option(names = "--id", required = true, description = "Name of the client given to init.")
    String id;

    @Option(names = "--directory", description = "Override the directory server URL.")
    String directory;

    @Option(names = "--provider", description = "Override the provider (base58 public key); registers there for this run.")
    String provider;

    @Option(names = "--socket-type", description = "Override the local API: websocket, tcp or none.")
    String socketType;

    @Option(names = "--port", description = "Override the port of the local API.")
    Integer port;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "Also let web pages of ORIGIN open "
            + "the WebSocket (repeatable), e.g. null for a page opened from a file in a browser. Pages served "
            + "from this machine (localhost, 127.0.0.1, [::1]) and programs are always let in; a page of any "
            + "other site is refused, since the browser would connect from this machine on its behalf.")
    List<String> allowedOrigins = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        for (String origin : allowedOrigins) {
            if (origin.isBlank() || !origin.equals(origin.strip())) {
                throw new ConfigException("--allow-origin must be an origin such as https://app.example or null, got \""
                        + origin + "\"");
            }
        }
        ClientConfigFile file = RunStart.lockAndReadConfig(NymHome.Kind.CLIENT, id, "client", "nym-client init",
                ClientConfigFile.class);
        ClientConfigFile.Client config = file.client();
        SocketType socket = SocketType.parse(socketType != null ? "--socket-type" : "socket.socket_type",
                socketType != null ? socketType : file.socket().socketType());
        int listeningPort = port != null ? port : file.socket().listeningPort();
        String portSetBy = port != null ? "--port" : "socket.listening_port";
        NodeOptions.checkPort(portSetBy, listeningPort);
        ClientConfigFile.Debug debug = ConfigTimings.check(file.debug());
        String directoryUrl = directory != null ? directory : config.directoryServer();
        DirectoryClient directoryClient = DirectoryClient.create(NodeOptions.checkDirectory(directoryUrl));
        X25519KeyPair keys = X25519KeyPair.of(KeyPem.readX25519Private(Path.of(config.privateIdentityKeyFile())));

        String providerKey = config.providerId();
        AuthToken token = AuthToken.fromBase58(config.providerAuthtoken());
        if (provider != null && !provider.equals(providerKey)) {
            ProviderInfo chosen = ClientProviders.choose(directoryClient, provider, null);
            token = ClientProviders.register(chosen, keys);
            providerKey = provider;
        }

        switch (socket) {
            case WEBSOCKET -> System.out.println("Starting websocket on port: " + listeningPort);
            case TCP -> System.out.println("Starting TCP socket on port: " + listeningPort);
            case NONE -> System.out.println("No local socket (socket_type = \"None\")");
        }
        System.out.println("Listening for messages...");
        System.out.println("Starting nym client");
        System.out.println("Using directory server: \"" + directoryUrl + "\"");

        ClientTrafficConfig traffic = new ClientTrafficConfig(Duration.ofMillis(debug.messageSendingAverageDelay()),
                Duration.ofMillis(debug.loopCoverTrafficAverageDelay()), Duration.ofMillis(debug.averagePacketDelay()),
                SEND_QUEUE_PACKETS, SphinxGeometry.DEFAULT);
        MixnetClient client = new MixnetClient(keys, providerKey, token, directoryClient,
                Inboxes.openClientStore(ReceivedStoreFile.of(id)), traffic,
                Duration.ofMillis(debug.fetchMessageDelay()), Duration.ofMillis(debug.topologyRefreshRate()));
        AutoCloseable api = startLocalApi(socket, listeningPort, client, portSetBy);
        Shutdown shutdown = new Shutdown(() -> {
            try {
                api.close();
            } catch (Exception e) {
                System.err.println("error: closing the local socket: " + e.getMessage());
            }
            client.close();
            System.out.println("Client stopped: " + client.pipeline().realPackets() + " real and "
                    + client.pipeline().coverPackets() + " cover packets sent.");
        });
        ParentWatchdog.startIfRequested(() -> System.exit(0));
        shutdown.awaitStop();
        return 0;
    }

    /** Starts the local API; a port in use is one error line naming the port and what set it. */
    private AutoCloseable startLocalApi(SocketType socket, int port, MixnetClient client, String setBy)
            throws Exception {
        try {
            return LocalApi.start(socket, port, allowedOrigins, client);
        } catch (IOException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            if (!(cause instanceof BindException bind)) {
                throw e;
            }
            throw NodeOptions.cannotListen("127.0.0.1:" + port, bind, setBy);
        }
    }
}
