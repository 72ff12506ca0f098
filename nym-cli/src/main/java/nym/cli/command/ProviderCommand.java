package nym.cli.command;

import picocli.CommandLine.Command;

/** {@code nym-provider}: a store-and-forward provider. */
@Command(name = "nym-provider", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        subcommands = {ProviderInitCommand.class, ProviderRunCommand.class},
        description = "Runs a store-and-forward provider of the Nym mixnet: the last hop of every route. It "
                + "keeps each message for its registered client in a durable inbox until the client "
                + "pulls it. Files live under $HOME/.nym/sfw-providers/<id>/.")
public final class ProviderCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: --help to see available options.");
    }
}
