package nym.cli.command;

import nym.cli.config.ConfigException;

/** Checks of the client's options. */
final class ClientOptions {
    private ClientOptions() {}

    static void checkPort(int port) throws ConfigException {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("--port must be 0 to 65535, got " + port);
        }
    }
}
