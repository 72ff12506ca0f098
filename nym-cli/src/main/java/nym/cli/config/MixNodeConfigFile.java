package nym.cli.config;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mix node's {@code config.toml}.
 *
 * @param mixnode the node's identity and addresses
 * @param keyRotation when the node replaces its Sphinx key (a file of an earlier build, without this
 *     section, reads as {@link KeyRotationSection#DEFAULT})
 * @param debug timings
 */
public record MixNodeConfigFile(@JsonProperty("mixnode") Mixnode mixnode,
        @JsonProperty("key_rotation") KeyRotationSection keyRotation, @JsonProperty("debug") Debug debug) {
    /** The file's first lines. */
    public static final String HEADER = "# Nym mix node configuration, written by nym-mixnode init.\n"
            + "# Command-line options of nym-mixnode run override these values.\n\n";

    /** What the file says about its sections and keys. */
    public static final Map<String, String> COMMENTS = KeyRotationSection.withComments(Map.ofEntries(
            Map.entry("mixnode", "##### mix node config options #####"),
            Map.entry("mixnode.id", "# the node's name: its files are in $HOME/.nym/mixnodes/<id>/"),
            Map.entry("mixnode.layer", "# the layer the node mixes in: 1, 2 or 3"),
            Map.entry("mixnode.listening_address", "# where the node accepts packets, \"ip:port\" (port 0: any free"
                    + " port at each start)"),
            Map.entry("mixnode.announce_address", "# the address other nodes and clients are told to send to (the"
                    + " listening one,\n# unless the node is behind a forwarded port)"),
            Map.entry("mixnode.directory_server", "# the directory the node announces itself to and reads the next"
                    + " layer from"),
            Map.entry("mixnode.private_sphinx_key_file", "# the node's X25519 key pair (PEM), which unwraps the"
                    + " packets sent through it"),
            Map.entry("debug", "##### debug config options #####"),
            Map.entry("debug.presence_interval_ms", "# how often the node tells the directory it is up"),
            Map.entry("debug.metrics_interval_ms", "# how often the node sends the directory its packet counts")));

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
