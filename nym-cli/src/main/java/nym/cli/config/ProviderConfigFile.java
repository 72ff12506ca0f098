package nym.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A store-and-forward provider's {@code config.toml}.
 *
 * @param provider the provider's identity, addresses and files
 * @param debug timings
 */
public record ProviderConfigFile(@JsonProperty("provider") Provider provider, @JsonProperty("debug") Debug debug) {
    /** The file's first lines. */
    public static final String HEADER = "# Nym store-and-forward provider configuration, written by nym-provider init.\n"
            + "# Command-line options of nym-provider run override these values.\n\n";

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
