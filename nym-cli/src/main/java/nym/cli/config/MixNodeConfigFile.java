package nym.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mix node's {@code config.toml}.
 *
 * @param mixnode the node's identity and addresses
 * @param debug timings
 */
public record MixNodeConfigFile(@JsonProperty("mixnode") Mixnode mixnode, @JsonProperty("debug") Debug debug) {
    /** The file's first lines. */
    public static final String HEADER = "# Nym mix node configuration, written by nym-mixnode init.\n"
            + "# Command-line options of nym-mixnode run override these values.\n\n";

    /**
     * @param id the node's id
     * @param layer 1, 2 or 3
     * @param listeningAddress where the node accepts packets, "ip:port"
     * @param announceAddress what the node tells the directory, "ip:port"
     * @param directoryServer the directory's base URL
     * @param privateSphinxKeyFile the node's X25519 private key (PEM)
     * @param publicSphinxKeyFile the node's X25519 public key (PEM)
     */
    public record Mixnode(
            @JsonProperty("id") String id,
            @JsonProperty("layer") int layer,
            @JsonProperty("listening_address") String listeningAddress,
            @JsonProperty("announce_address") String announceAddress,
            @JsonProperty("directory_server") String directoryServer,
            @JsonProperty("private_sphinx_key_file") String privateSphinxKeyFile,
            @JsonProperty("public_sphinx_key_file") String publicSphinxKeyFile) {}

    /**
     * @param presenceIntervalMs how often the node reports its presence to the directory
     * @param metricsIntervalMs how often it reports its counters
     */
    public record Debug(
            @JsonProperty("presence_interval_ms") long presenceIntervalMs,
            @JsonProperty("metrics_interval_ms") long metricsIntervalMs) {
        /** 2 s and 5 s. */
        public static final Debug DEFAULT = new Debug(2_000, 5_000);
    }
}
