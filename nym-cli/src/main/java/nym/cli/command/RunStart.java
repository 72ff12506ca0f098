package nym.cli.command;

import java.io.IOException;
import java.nio.file.Path;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.cli.config.TomlFiles;
import nym.cli.wiring.InstanceLock;

/** What every {@code run} does first: take the instance's lock, then read its config. */
final class RunStart {
    private RunStart() {}

    /**
     * Takes the lock that keeps a second run, and any init, away from the instance (two runs of one
     * client would share its inbox and received.db; two of one node would announce one key at two
     * addresses), and reads its config under it.
     *
     * @param label the instance's name in messages ("client", "mix node", "provider")
     * @param initCommand the init command, for the message if an init did not finish
     * @throws ConfigException if the instance was never initialised, an init of it did not finish
     *     ({@link NewInstance#checkFinished}), it is running, or its config is wrong
     */
    static <T> T lockAndReadConfig(NymHome.Kind kind, String id, String label, String initCommand, Class<T> type)
            throws ConfigException, IOException {
        Path configFile = NymHome.configFile(kind, id);
        TomlFiles.read(configFile, type); // "run init first" before a lock file is made for an unknown id
        InstanceLock.acquireInstance(kind, id, label);
        // Read again under the lock: an init --force that ended just before it may have replaced the files.
        NewInstance.checkFinished(kind, id, initCommand);
        return TomlFiles.read(configFile, type);
    }
}
