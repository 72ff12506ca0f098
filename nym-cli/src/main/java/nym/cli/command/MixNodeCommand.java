package nym.cli.command;

import picocli.CommandLine.Command;

/** {@code nym-mixnode}: one mix node of a layer. */
@Command(name = "nym-mixnode", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        subcommands = {MixNodeInitCommand.class, MixNodeRunCommand.class},
        description = "Runs one mix node of the Nym mixnet: it unwraps one Sphinx layer of every packet, "
                + "holds it for the delay its sender chose, and forwards it to the next hop. Files live "
                + "under $HOME/.nym/mixnodes/<id>/.")
public final class MixNodeCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: --help to see available options.");
    }
}
