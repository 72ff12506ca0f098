package nym.cli.command;

import picocli.CommandLine.IVersionProvider;

/** The version every launcher reports with {@code --version}. */
public final class Versions implements IVersionProvider {
    /** The Nym version whose protocol and seed these binaries implement. */
    public static final String NYM = "0.7.0";

    @Override
    public String[] getVersion() {
        return new String[] {"nym-java, implementing Nym " + NYM};
    }
}
