package nym.cli.config;

import java.util.Locale;

/** The local API a client offers: the seed's {@code socket_type} values. */
public enum SocketType {
    WEBSOCKET("WebSocket"), TCP("TCP"), NONE("None");

    private final String configName;

    SocketType(String configName) {
        this.configName = configName;
    }

    /** @return the value as config.toml writes it */
    public String configName() {
        return configName;
    }

    /**
     * Reads {@code --socket-type websocket} or {@code socket_type = "WebSocket"}, in any case.
     *
     * @throws ConfigException for any other value
     */
    public static SocketType parse(String what, String value) throws ConfigException {
        for (SocketType type : values()) {
            if (type.configName.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new ConfigException(what + " must be WebSocket, TCP or None, got '" + value + "'");
    }
}
