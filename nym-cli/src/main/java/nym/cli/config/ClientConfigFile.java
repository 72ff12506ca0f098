package nym.cli.config;

import java.util.Map;

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

    /** What the file says about its sections and keys; the [socket] section's words are the seed's. */
    public static final Map<String, String> COMMENTS = Map.ofEntries(
            Map.entry("client", "##### main client config options #####"),
            Map.entry("client.id", "# the client's name: its files are in nym_root_directory/clients/<id>/"),
            Map.entry("client.directory_server", "# the directory server the client reads the topology from"),
            Map.entry("client.private_identity_key_file", "# the client's X25519 key pair (PEM); its address is the"
                    + " public key"),
            Map.entry("client.provider_id", "# the store-and-forward provider the client registered at (base58 public"
                    + " key);\n# messages to this client are stored there until it pulls them"),
            Map.entry("client.provider_authtoken", "# the token that provider issued at registration (base58): it lets"
                    + " this client,\n# and only it, pull its messages. Keep it secret"),
            Map.entry("client.nym_root_directory", "# the .nym folder the client's files are in"),
            Map.entry("socket", "##### socket config options #####"),
            Map.entry("socket.socket_type", "# allowed values are 'TCP', 'WebSocket' or 'None'"),
            Map.entry("socket.listening_port", "# if applicable (for the case of 'TCP' or 'WebSocket'), the port on"
                    + " which the client\n# will be listening for incoming requests"),
            Map.entry("logging", "##### logging config options #####"),
            Map.entry("debug", "##### debug config options #####\n# In milliseconds. Every client uses the same"
                    + " values unless told otherwise, which keeps\n# their traffic alike: change them only to test."),
            Map.entry("debug.average_packet_delay", "# the average delay a packet is held at each hop (written into the"
                    + " packet)"),
            Map.entry("debug.message_sending_average_delay", "# the average gap between packets of the main Poisson"
                    + " stream (real or cover)"),
            Map.entry("debug.loop_cover_traffic_average_delay", "# the average gap between packets of the loop cover"
                    + " stream"),
            Map.entry("debug.fetch_message_delay", "# how often the client pulls its messages from its provider"),
            Map.entry("debug.topology_refresh_rate", "# how often the client reads the topology from the directory"));

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
