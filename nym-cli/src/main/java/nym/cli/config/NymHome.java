package nym.cli.config;

import java.nio.file.Path;

/**
 * Where every node and client keeps its files: {@code $HOME/.nym}, with one folder per kind and id
 * ({@code clients/ID}, {@code mixnodes/ID}, {@code sfw-providers/ID}), each holding {@code config/}
 * and {@code data/}. {@code HOME} decides, as the seed says; the JVM's {@code user.home} is the
 * fallback when {@code HOME} is unset.
 */
public final class NymHome {
    /** The kinds of instance, by folder name. */
    public enum Kind {
        CLIENT("clients"), MIXNODE("mixnodes"), PROVIDER("sfw-providers");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }
    }

    private NymHome() {}

    /** @return {@code $HOME/.nym} */
    public static Path root() {
        String home = System.getenv("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".nym");
    }

    /**
     * @param id an instance id: letters, digits, '-', '_' and '.', 1 to 64 characters
     * @return the instance's folder
     * @throws ConfigException for an id that is not a safe folder name
     */
    public static Path instance(Kind kind, String id) throws ConfigException {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}") || id.startsWith(".")) {
            throw new ConfigException("invalid id '" + id + "': use 1-64 letters, digits, '-', '_' or '.', not starting with '.'");
        }
        return root().resolve(kind.folder).resolve(id);
    }

    /** @return the instance's {@code config/config.toml} */
    public static Path configFile(Kind kind, String id) throws ConfigException {
        return instance(kind, id).resolve("config").resolve("config.toml");
    }

    /** @return the {@code config/config.toml} of a fixed {@code id} under another {@code HOME} (a testnet's nodes) */
    public static Path configFile(Path home, Kind kind, String id) {
        return home.resolve(".nym").resolve(kind.folder).resolve(id).resolve("config").resolve("config.toml");
    }

    /** @return the instance's {@code data/} folder */
    public static Path dataDir(Kind kind, String id) throws ConfigException {
        return instance(kind, id).resolve("data");
    }
}
