package nym.cli.command;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;

import nym.cli.config.NymHome;
import nym.cli.config.ProviderConfigFile;
import nym.cli.wiring.ParentWatchdog;
import nym.cli.wiring.Periodic;
import nym.cli.wiring.SphinxKeyFiles;
import nym.cli.wiring.Shutdown;
import nym.crypto.keys.KeyPem;
import nym.crypto.keys.X25519PrivateKey;
import nym.crypto.keys.X25519PublicKey;
import nym.provider.ListenerBindException;
import nym.provider.ProviderConfig;
import nym.provider.ProviderServer;
import nym.provider.store.InboxStore;
import nym.provider.store.Inboxes;
import nym.topology.ProviderInfo;
import nym.topology.directory.DirectoryClient;
import nym.traffic.mixnode.KeyRing;
import nym.traffic.mixnode.KeyRotation;
import nym.traffic.mixnode.SphinxKeys;
import nym.traffic.transport.NodeAddresses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-provider run}: serves mix nodes and clients until SIGINT/SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs an initialised provider until Ctrl-C or SIGTERM. Options given here override the "
                + "config file.")
final class ProviderRunCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "Name of the provider given to init.")
    String id;

    @Option(names = "--host", description = "Override the IP address to listen on.")
    String host;

    @Option(names = "--mix-port", description = "Override the port for packets from mix nodes.")
    Integer mixPort;

    @Option(names = "--client-port", description = "Override the port for clients.")
    Integer clientPort;

    @Option(names = "--directory", description = "Override the directory server URL.")
    String directory;

    @Override
    public Integer call() throws Exception {
        ProviderConfigFile file = RunStart.lockAndReadConfig(NymHome.Kind.PROVIDER, id, "provider",
                "nym-provider init", ProviderConfigFile.class);
        ProviderConfigFile.Provider config = file.provider();
        Duration presenceInterval = Duration.ofMillis(ConfigTimings.positive("debug.presence_interval_ms",
                file.debug().presenceIntervalMs()));
        InetSocketAddress mixListen = override(NodeOptions.socketAddress("mix_listening_address",
                config.mixListeningAddress()), mixPort);
        InetSocketAddress clientListen = override(NodeOptions.socketAddress("client_listening_address",
                config.clientListeningAddress()), clientPort);
        DirectoryClient directoryClient = DirectoryClient.create(NodeOptions.checkDirectory(
                directory != null ? directory : config.directoryServer()));
        X25519PrivateKey privateKey = KeyPem.readX25519Private(Path.of(config.privateSphinxKeyFile()));
        X25519PublicKey publicKey = privateKey.publicKey();
        KeyRotation rotation = ConfigTimings.check(file.keyRotation());
        ConfigTimings.warnIfGraceIsShort(rotation, presenceInterval);
        SphinxKeyFiles keyFiles = SphinxKeyFiles.forProvider(NymHome.dataDir(NymHome.Kind.PROVIDER, id), privateKey,
                Math.toIntExact(rotation.rotateAfterPackets()), InstantSource.system());
        KeyRing keys = keyFiles.open();
        InboxStore store;
        try {
            store = Inboxes.openDurable(Path.of(config.inboxDatabase()));
        } catch (Exception e) {
            keyFiles.close(); // left open, a filter would cost its key if the machine restarted first
            throw e;
        }

        System.out.println("Starting provider...");
        ProviderServer server;
        try {
            ProviderConfig providerConfig = ProviderConfig.defaults(mixListen, clientListen);
            server = ProviderServer.start(providerConfig, privateKey, store,
                    SphinxKeys.rotating(keys, rotation, keyFiles, providerConfig.geometry()));
        } catch (Exception e) {
            keyFiles.close();
            closeQuietly(store);
            if (e instanceof ListenerBindException taken) {
                // Name the one address that is taken, and what set its port.
                boolean mix = taken.listener() == ListenerBindException.Listener.MIX;
                throw NodeOptions.cannotListen(NodeAddresses.formatHost(taken.address()), taken, mix
                        ? (mixPort != null ? "--mix-port" : "provider.mix_listening_address")
                        : (clientPort != null ? "--client-port" : "provider.client_listening_address"));
            }
            throw e;
        }
        String mixHost = NodeAddresses.formatHost(server.mixAddress());
        String clientHost = NodeAddresses.formatHost(server.clientAddress());
        System.out.println("Listening for mix packets on " + mixHost);
        System.out.println("Listening for clients on " + clientHost);
        System.out.println("Public key " + publicKey.toBase58() + ", " + store.registeredClients().size()
                + " registered clients, inbox database " + config.inboxDatabase());
        System.out.println("Sphinx key " + server.sphinxKey().toBase58() + " (replaced as [key_rotation] says)");
        System.out.println("Using directory server: \"" + directoryClient.baseUri() + "\"");

        Thread presence = Periodic.every("presence", presenceInterval,
                () -> directoryClient.registerProvider(new ProviderInfo(mixHost, clientHost, publicKey,
                        store.registeredClients().stream().map(client -> client.toBase58()).toList(), 0,
                        Versions.NYM, server.sphinxKey())));
        Shutdown shutdown = new Shutdown(() -> {
            presence.interrupt();
            server.close();
            keyFiles.close();
            closeQuietly(store);
            directoryClient.close();
            System.out.println("Provider stopped: " + server.metrics());
        });
        ParentWatchdog.startIfRequested(() -> System.exit(0));
        shutdown.awaitStop();
        return 0;
    }

    private static void closeQuietly(InboxStore store) {
        try {
            store.close();
        } catch (Exception e) {
            System.err.println("error: closing the inbox database: " + e.getMessage());
        }
    }

    private InetSocketAddress override(InetSocketAddress configured, Integer port) throws Exception {
        String ip = host != null ? host : configured.getAddress().getHostAddress();
        return NodeOptions.socketAddress("--host/port", NodeOptions.hostPort(ip, port != null ? port : configured.getPort()));
    }
}
