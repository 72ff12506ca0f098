package nym.cli.command;

import picocli.CommandLine.Command;

/** {@code nym-directory}: the directory server. */
@Command(name = "nym-directory", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        subcommands = DirectoryRunCommand.class,
        description = "Runs the directory of the Nym mixnet: nodes report their presence to it, clients read "
                + "the topology from GET /api/presence/topology (docs/directory.md).")
public final class DirectoryCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: --help to see available options.");
    }
}
