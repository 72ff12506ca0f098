/**
 * The application: the command-line launchers, their configuration files, and the wiring of the
 * modules below into a client, a mix node, a provider and a directory. Assembled into a jlink image
 * at {@code nym-cli/target/nym/}. Exports nothing.
 */
module nym.cli {
    requires nym.sphinx;
    requires nym.provider;
    requires nym.websocket;
    requires info.picocli;
}
