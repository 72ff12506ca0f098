package nym.cli.command;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;

import nym.cli.config.ClientConfigFile;
import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.cli.config.SocketType;
import nym.cli.wiring.InstanceLock;
import nym.crypto.SecretAccess;
import nym.provider.client.AuthToken;
import nym.topology.ProviderInfo;
import nym.topology.directory.DirectoryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-client init}: identity, provider registration and config of a new client. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Initialise a new client: create its identity keys, register it at a provider and "
                + "write its config.toml.")
final class ClientInitCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "Name of the client; files go to $HOME/.nym/clients/<id>/.")
    String id;

    @Option(names = "--directory", defaultValue = Defaults.DIRECTORY, description = "Directory server URL (default: ${DEFAULT-VALUE}).")
    String directory;

    @Option(names = "--provider", description = "Public key (base58) of the provider to register at; default: a random one.")
    String provider;

    @Option(names = "--socket-type", defaultValue = "websocket",
            description = "Local API: websocket, tcp or none (default: ${DEFAULT-VALUE}).")
    String socketType;

    @Option(names = "--port", defaultValue = "9001", description = "Port of the local API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--force", description = "Overwrite an existing client with this id (new identity); the messages the old "
            + "identity received and nobody fetched are moved aside, never handed to the new one, and its SURB keys deleted.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        SocketType socket = SocketType.parse("--socket-type", socketType);
        NodeOptions.checkPort("--port", port);
        DirectoryClient directoryClient = DirectoryClient.create(NodeOptions.checkDirectory(directory));
        NewInstance client = NewInstance.prepare(NymHome.Kind.CLIENT, id, force, "client", "identity");
        // The lock `run` holds: a new identity must not be written under a running client.
        try (InstanceLock running = InstanceLock.acquireInstance(NymHome.Kind.CLIENT, id, "client")) {
            initialise(client, socket, directoryClient);
        }
        directoryClient.close();
        return 0;
    }

    private void initialise(NewInstance client, SocketType socket, DirectoryClient directoryClient) throws Exception {
        System.out.println("Initialising client...");
        ProviderInfo chosen = ClientProviders.choose(directoryClient, provider, new SecureRandom());
        String providerKey = chosen.publicKey().toBase58();
        // What the earlier identity received is not the new one's, and its SURB keys are no one's: its
        // messages are copied aside before anything is registered, and the store is emptied only once
        // the registration succeeded and the new files are staged, so a failure on the way (a full
        // disk too) leaves the client as it was.
        AuthToken token;
        try {
            token = ReceivedStoreFile.handOver(ReceivedStoreFile.of(id), client.publicKey(), Clock.systemUTC(), () -> {
                AuthToken registered = ClientProviders.register(chosen, client.keys());
                client.stage(ClientConfigFile.HEADER, config(client, providerKey, registered, socket),
                        ClientConfigFile.COMMENTS);
                return registered;
            }, System.out::println);
        } catch (ConfigException | RuntimeException e) {
            client.discardStaged(e);
            throw e;
        }
        client.commit();
        System.out.println("Saved mixnet identity keypair");
        System.out.println("Saved configuration file to \"" + client.configFile() + "\"");
        String tokenText = token.toBase58(SecretAccess.insecureGrant());
        System.out.println("Unless overridden in all `nym-client run` we will be talking to the following gateway: "
                + providerKey + "...");
        System.out.println("using optional AuthToken: \"" + tokenText + "\"");
        System.out.println("Client configuration completed.");
    }

    private ClientConfigFile config(NewInstance client, String providerKey, AuthToken token, SocketType socket) {
        return new ClientConfigFile(
                new ClientConfigFile.Client(id, directory, client.privateKey().toString(), client.publicKey().toString(),
                        providerKey, token.toBase58(SecretAccess.insecureGrant()), NymHome.root().toString()),
                new ClientConfigFile.Socket(socket.configName(), port),
                new ClientConfigFile.Logging(),
                ClientConfigFile.Debug.DEFAULT);
    }
}
