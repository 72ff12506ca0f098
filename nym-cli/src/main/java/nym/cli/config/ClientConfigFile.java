package nym.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A client's {@code config.toml}, with the seed's sections and keys.
 *
 * @param client identity, directory, provider and files
 * @param socket the local API: {@code socket_type} and {@code listening_port}
 * @param logging reserved, as in the seed
 * @param debug timings in milliseconds
 */
public record ClientConfigFile(
        @JsonProperty("client") Client client,
        @JsonProperty("socket") Socket socket,
        @JsonProperty("logging") Logging logging,
        @JsonProperty("debug") Debug debug) {
    /** The file's first lines. */
    public static final String HEADER = "# Nym client configuration, written by nym-client init.\n"
            + "# All start-up options of nym-client run take precedence over these values.\n\n";

    /**
     * @param id the client's name
     * @param directoryServer the directory's base URL
     * @param privateIdentityKeyFile the client's X25519 private key (PEM)
     * @param publicIdentityKeyFile the client's X25519 public key (PEM): its address
     * @param providerId the public key (base58) of the provider the client registered at
     * @param providerAuthtoken the token that provider issued (base58)
     * @param nymRootDirectory the {@code .nym} folder the files live in
     */
    public record Client(
            @JsonProperty("id") String id,
            @JsonProperty("directory_server") String directoryServer,
            @JsonProperty("private_identity_key_file") String privateIdentityKeyFile,
            @JsonProperty("public_identity_key_file") String publicIdentityKeyFile,
            @JsonProperty("provider_id") String providerId,
            @JsonProperty("provider_authtoken") String providerAuthtoken,
            @JsonProperty("nym_root_directory") String nymRootDirectory) {}

    /**
     * @param socketType "WebSocket", "TCP" or "None"
     * @param listeningPort the port of the local API
     */
    public record Socket(
            @JsonProperty("socket_type") String socketType,
            @JsonProperty("listening_port") int listeningPort) {
        /** WebSocket on 9001, as the seed says. */
        public static final Socket DEFAULT = new Socket("WebSocket", 9001);
    }

    /** Reserved for logging options; empty, as in the seed. */
    public record Logging() {}

    /**
     * @param averagePacketDelay average delay per hop written into each packet
     * @param messageSendingAverageDelay average gap of the main Poisson stream
     * @param loopCoverTrafficAverageDelay average gap of the loop cover stream
     * @param fetchMessageDelay how often the client pulls from its provider
     * @param topologyRefreshRate how often the client reads the topology
     */
    public record Debug(
            @JsonProperty("average_packet_delay") long averagePacketDelay,
            @JsonProperty("message_sending_average_delay") long messageSendingAverageDelay,
            @JsonProperty("loop_cover_traffic_average_delay") long loopCoverTrafficAverageDelay,
            @JsonProperty("fetch_message_delay") long fetchMessageDelay,
            @JsonProperty("topology_refresh_rate") long topologyRefreshRate) {
        /** The seed's values: 200, 500, 1000, 1000 and 10000 ms. */
        public static final Debug DEFAULT = new Debug(200, 500, 1000, 1000, 10_000);
    }
}
