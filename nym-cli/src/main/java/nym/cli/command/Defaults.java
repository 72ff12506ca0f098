package nym.cli.command;

/** Default values shared by the commands, in one place. */
final class Defaults {
    /** Where {@code nym-testnet} and {@code nym-directory run} put the directory. */
    static final String DIRECTORY = "http://127.0.0.1:8080";
    /** The directory's default port. */
    static final int DIRECTORY_PORT = 8080;
    /** The address nodes bind by default: loopback, so nothing is exposed unless asked for. */
    static final String HOST = "127.0.0.1";
    /** The mix node port Nym uses. */
    static final int MIXNODE_PORT = 1789;
    /** The provider's mix-side port: next to the mix node's, so both run on one host with defaults. */
    static final int PROVIDER_MIX_PORT = 1790;
    /** The provider's client-side port. */
    static final int PROVIDER_CLIENT_PORT = 9000;

    private Defaults() {}
}
