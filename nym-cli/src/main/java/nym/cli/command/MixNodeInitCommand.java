package nym.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import nym.cli.config.ConfigException;
import nym.cli.config.MixNodeConfigFile;
import nym.cli.config.NymHome;
import nym.cli.config.TomlFiles;
import nym.crypto.keys.X25519KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-mixnode init}: keys and config of a new mix node. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Creates the keys and config.toml of a new mix node.")
final class MixNodeInitCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "Name of the node; its files go to $HOME/.nym/mixnodes/<id>/.")
    String id;

    @Option(names = "--layer", required = true, description = "Layer of the mixnet this node serves: 1, 2 or 3.")
    int layer;

    @Option(names = "--host", defaultValue = Defaults.HOST, description = "IP address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + Defaults.MIXNODE_PORT,
            description = "Port to listen on; 0 picks a free one at each start (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--announce-host", description = "IP address other nodes should use, if not --host.")
    String announceHost;

    @Option(names = "--directory", defaultValue = Defaults.DIRECTORY, description = "Directory server URL (default: ${DEFAULT-VALUE}).")
    String directory;

    @Option(names = "--force", description = "Overwrite an existing node with this id (new keys).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        NodeOptions.checkLayer(layer);
        String listen = NodeOptions.hostPort(host, port);
        String announce = NodeOptions.hostPort(announceHost == null ? host : announceHost, port);
        NodeOptions.checkDirectory(directory);
        Path configFile = NymHome.configFile(NymHome.Kind.MIXNODE, id);
        if (Files.exists(configFile) && !force) {
            throw new ConfigException("mix node '" + id + "' already exists at " + configFile.getParent().getParent()
                    + "; use --force to overwrite it");
        }
        System.out.println("Initialising mixnode...");
        Path data = NymHome.dataDir(NymHome.Kind.MIXNODE, id);
        Path privateKey = data.resolve("private_sphinx.pem");
        Path publicKey = data.resolve("public_sphinx.pem");
        X25519KeyPair keys = X25519KeyPair.generate(new SecureRandom());
        KeyFiles.write(keys, privateKey, publicKey);
        System.out.println("Saved mixnet sphinx keypair");
        TomlFiles.write(configFile, MixNodeConfigFile.HEADER, new MixNodeConfigFile(
                new MixNodeConfigFile.Mixnode(id, layer, listen, announce, directory, privateKey.toString(),
                        publicKey.toString()),
                MixNodeConfigFile.Debug.DEFAULT));
        System.out.println("Saved configuration file to \"" + configFile + "\"");
        System.out.println("Public key: " + keys.publicKey().toBase58());
        System.out.println("Mixnode configuration completed.");
        return 0;
    }
}
