package nym.cli;

import nym.cli.command.DemoCommand;

/** The {@code nym-demo} launcher: the README's run command. */
public final class NymDemoMain {
    private NymDemoMain() {}

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(Launcher.execute("demo", new DemoCommand(), args, true));
    }
}
