package nym.cli.command;

import nym.cli.config.ConfigException;

/** Checks of the client's options. */
final class ClientOptions {
    private ClientOptions() {}

    /** @param what where the port came from, for the error: {@code --port} or the config key */
    static void checkPort(String what, int port) throws ConfigException {
        if (port < 0 || port > 65_535) {
            throw new ConfigException(what + " must be 0 to 65535, got " + port);
        }
    }
}
