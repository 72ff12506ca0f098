package nym.cli;

import nym.cli.command.ClientCommand;

/** The {@code nym-client} launcher. */
public final class NymClientMain {
    private NymClientMain() {}

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(Launcher.execute("client", new ClientCommand(), args));
    }
}
