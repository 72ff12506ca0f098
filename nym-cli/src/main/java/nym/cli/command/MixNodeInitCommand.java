package nym.cli.command;

import java.util.concurrent.Callable;

import nym.cli.config.KeyRotationSection;
import nym.cli.config.MixNodeConfigFile;
import nym.cli.wiring.SphinxKeyFiles;
import nym.cli.config.NymHome;
import nym.cli.wiring.InstanceLock;
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
        NodeOptions.checkLayer("--layer", layer);
        String listen = NodeOptions.hostPort(host, port);
        String announce = NodeOptions.hostPort(announceHost == null ? host : announceHost, port);
        NodeOptions.checkAnnounceable(announceHost == null ? "--host (announced, as no --announce-host is given)"
                : "--announce-host", announceHost == null ? host : announceHost, announce);
        NodeOptions.checkDirectory(directory);
        NewInstance node = NewInstance.prepare(NymHome.Kind.MIXNODE, id, force, "mix node", "sphinx");
        // Held while the keys are written (the OS releases it if init fails): not under a running node.
        InstanceLock running = InstanceLock.acquireInstance(NymHome.Kind.MIXNODE, id, "mix node");
        System.out.println("Initialising mixnode...");
        node.stage(MixNodeConfigFile.HEADER, new MixNodeConfigFile(
                new MixNodeConfigFile.Mixnode(id, layer, listen, announce, directory, node.privateKey().toString(),
                        node.publicKey().toString()),
                KeyRotationSection.DEFAULT, MixNodeConfigFile.Debug.DEFAULT),
                MixNodeConfigFile.COMMENTS);
        SphinxKeyFiles.forgetPreviousKeys(node.privateKey().getParent());
        node.commit();
        System.out.println("Saved mixnet sphinx keypair");
        System.out.println("Saved configuration file to \"" + node.configFile() + "\"");
        System.out.println("Public key: " + node.keys().publicKey().toBase58());
        System.out.println("Mixnode configuration completed.");
        running.close();
        return 0;
    }
}
