package nym.cli;

import nym.cli.command.TestnetCommand;

/** The {@code nym-testnet} launcher. */
public final class TestnetMain {
    private TestnetMain() {}

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(Launcher.execute("testnet", new TestnetCommand(), args, true));
    }
}
