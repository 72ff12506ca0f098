/**
 * The application: the command-line launchers, their configuration files, and the wiring of the
 * modules below into a mix node, a provider, a directory and a whole local testnet. Assembled into
 * a jlink image at {@code nym-cli/target/nym/}. Exports nothing.
 */
module nym.cli {
    requires nym.provider;
    requires nym.topology;
    requires nym.traffic;
    requires nym.websocket;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.toml; // config.toml files
    requires info.picocli;
    requires java.logging; // the one-line log format of the seed
    requires java.net.http; // the demo talks to the clients' WebSockets like an application

    opens nym.cli.command to info.picocli; // option fields are set by reflection
    opens nym.cli.config to com.fasterxml.jackson.databind; // config records are bound by reflection
}
