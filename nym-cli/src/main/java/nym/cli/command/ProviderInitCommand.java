package nym.cli.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.cli.config.KeyRotationSection;
import nym.cli.config.ProviderConfigFile;
import nym.cli.wiring.InstanceLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-provider init}: keys and config of a new provider. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Creates the keys, config.toml and inbox database location of a new provider.")
final class ProviderInitCommand implements Callable<Integer> {
    @Option(names = "--id", required = true,
            description = "Name of the provider; its files go to $HOME/.nym/sfw-providers/<id>/.")
    String id;

    @Option(names = "--host", defaultValue = Defaults.HOST, description = "IP address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--mix-port", defaultValue = "" + Defaults.PROVIDER_MIX_PORT,
            description = "Port for packets from mix nodes; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int mixPort;

    @Option(names = "--client-port", defaultValue = "" + Defaults.PROVIDER_CLIENT_PORT,
            description = "Port for client registration and pulls; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int clientPort;

    @Option(names = "--directory", defaultValue = Defaults.DIRECTORY, description = "Directory server URL (default: ${DEFAULT-VALUE}).")
    String directory;

    @Option(names = "--force", description = "Overwrite an existing provider with this id (new keys; the inboxes stay).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        String mixListen = NodeOptions.hostPort(host, mixPort);
        String clientListen = NodeOptions.hostPort(host, clientPort);
        NodeOptions.checkAnnounceable("--host", host, mixListen);
        if (mixPort == clientPort && mixPort != 0) {
            throw new ConfigException("--mix-port and --client-port must differ, both are " + mixPort);
        }
        NodeOptions.checkDirectory(directory);
        NewInstance provider = NewInstance.prepare(NymHome.Kind.PROVIDER, id, force, "provider", "sphinx");
        // Held while the keys are written (the OS releases it if init fails): not under a running node.
        InstanceLock running = InstanceLock.acquireInstance(NymHome.Kind.PROVIDER, id, "provider");
        System.out.println("Initialising provider...");
        Path data = provider.privateKey().getParent();
        provider.stage(ProviderConfigFile.HEADER, new ProviderConfigFile(
                new ProviderConfigFile.Provider(id, mixListen, clientListen, directory,
                        provider.privateKey().toString(), provider.publicKey().toString(),
                        data.resolve("inboxes.db").toString()),
                KeyRotationSection.DEFAULT, ProviderConfigFile.Debug.DEFAULT), ProviderConfigFile.COMMENTS);
        provider.commit();
        System.out.println("Saved mixnet sphinx keypair");
        System.out.println("Saved configuration file to \"" + provider.configFile() + "\"");
        System.out.println("Public key: " + provider.keys().publicKey().toBase58());
        System.out.println("Provider configuration completed.");
        running.close();
        return 0;
    }
}
