package nym.cli.command;

import picocli.CommandLine.Command;

/** {@code nym-client}: the mixnet client of the seed. */
@Command(name = "nym-client", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        subcommands = {ClientInitCommand.class, ClientRunCommand.class},
        description = "The Nym mixnet client: it sends your messages in fixed-size Sphinx packets hidden in a "
                + "Poisson stream of cover traffic, and fetches what others sent you from your provider. "
                + "Applications talk to it over a local WebSocket (or TCP socket). Files live under "
                + "$HOME/.nym/clients/<id>/.")
public final class ClientCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: --help to see available options.");
    }
}
