package nym.cli.wiring;

import java.io.IOException;
import java.nio.file.Path;

import nym.cli.config.ConfigException;
import nym.cli.config.NymHome;
import nym.traffic.mixnode.PersistentReplayFilter;

/** Where a mix node or a provider keeps the replay tags that outlive its restarts. */
public final class ReplayTags {
    /** The folder in the node's {@code data/}. */
    public static final String FOLDER = "replay-tags";

    private ReplayTags() {}

    /**
     * Opens the node's replay filter, in {@code data/replay-tags/}.
     *
     * @throws ConfigException with one line if the folder cannot be read or written
     */
    public static PersistentReplayFilter open(NymHome.Kind kind, String id) throws ConfigException {
        Path folder = NymHome.dataDir(kind, id).resolve(FOLDER);
        try {
            return PersistentReplayFilter.open(folder);
        } catch (IOException e) {
            throw new ConfigException("cannot open the replay tags in " + folder + ": " + e.getMessage());
        }
    }
}
