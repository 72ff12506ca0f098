package nym.cli.config;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A store-and-forward provider's {@code config.toml}.
 *
 * @param provider the provider's identity, addresses and files
 * @param keyRotation when the provider replaces its Sphinx key (not its identity; a file of an earlier
 *     build, without this section, reads as {@link KeyRotationSection#DEFAULT})
 * @param debug timings
 */
public record ProviderConfigFile(@JsonProperty("provider") Provider provider,
        @JsonProperty("key_rotation") KeyRotationSection keyRotation, @JsonProperty("debug") Debug debug) {
    /** The file's first lines. */
    public static final String HEADER = "# Nym store-and-forward provider configuration, written by nym-provider init.\n"
            + "# Command-line options of nym-provider run override these values.\n\n";

    /** What the file says about its sections and keys. */
    public static final Map<String, String> COMMENTS = KeyRotationSection.withComments(Map.ofEntries(
            Map.entry("provider", "##### provider config options #####"),
            Map.entry("provider.id", "# the provider's name: its files are in $HOME/.nym/sfw-providers/<id>/"),
            Map.entry("provider.mix_listening_address", "# where the provider accepts packets from the last mix"
                    + " layer, \"ip:port\""),
            Map.entry("provider.client_listening_address", "# where clients register and pull their messages,"
                    + " \"ip:port\""),
            Map.entry("provider.directory_server", "# the directory the provider announces itself and its clients"
                    + " to"),
            Map.entry("provider.private_sphinx_key_file", "# the provider's X25519 identity key pair (PEM): its"
                    + " clients' addresses name it, it\n# authenticates the channel they pull through, and it is"
                    + " the first Sphinx key (data/sphinx-keys/)"),
            Map.entry("provider.inbox_database", "# the SQLite file that keeps every client's messages until it"
                    + " pulls them"),
            Map.entry("debug", "##### debug config options #####"),
            Map.entry("debug.presence_interval_ms", "# how often the provider tells the directory it is up, with its"
                    + " clients")));

    /**
     * @param id the provider's id
     * @param mixListeningAddress where mix nodes deliver packets, "ip:port"
     * @param clientListeningAddress where clients register and pull, "ip:port"
     * @param directoryServer the directory's base URL
     * @param privateSphinxKeyFile the provider's X25519 private key (PEM)
     * @param publicSphinxKeyFile the provider's X25519 public key (PEM)
     * @param inboxDatabase the SQLite file of the inboxes
     */
    public record Provider(
            @JsonProperty("id") String id,
            @JsonProperty("mix_listening_address") String mixListeningAddress,
            @JsonProperty("client_listening_address") String clientListeningAddress,
            @JsonProperty("directory_server") String directoryServer,
            @JsonProperty("private_sphinx_key_file") String privateSphinxKeyFile,
            @JsonProperty("public_sphinx_key_file") String publicSphinxKeyFile,
            @JsonProperty("inbox_database") String inboxDatabase) {}

    /** @param presenceIntervalMs how often the provider reports its presence and clients */
    public record Debug(@JsonProperty("presence_interval_ms") long presenceIntervalMs) {
        /** 2 s. */
        public static final Debug DEFAULT = new Debug(2_000);
    }
}
