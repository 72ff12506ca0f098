package nym.cli;

import nym.cli.command.MixNodeCommand;

/** The {@code nym-mixnode} launcher. */
public final class MixNodeMain {
    private MixNodeMain() {}

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(Launcher.execute("mixnode", new MixNodeCommand(), args));
    }
}
