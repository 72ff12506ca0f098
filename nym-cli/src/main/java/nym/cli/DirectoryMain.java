package nym.cli;

import nym.cli.command.DirectoryCommand;

/** The {@code nym-directory} launcher. */
public final class DirectoryMain {
    private DirectoryMain() {}

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(Launcher.execute("directory", new DirectoryCommand(), args));
    }
}
