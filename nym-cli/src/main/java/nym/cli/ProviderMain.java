package nym.cli;

import nym.cli.command.ProviderCommand;

/** The {@code nym-provider} launcher. */
public final class ProviderMain {
    private ProviderMain() {}

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(Launcher.execute("provider", new ProviderCommand(), args));
    }
}
