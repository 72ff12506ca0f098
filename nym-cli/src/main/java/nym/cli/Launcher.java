package nym.cli;

import java.io.PrintWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import nym.cli.command.Versions;
import nym.cli.wiring.Shutdown;
import picocli.CommandLine;

/**
 * What every launcher does around its command: one-line log format, the banner, one-line errors on
 * stderr with exit status 1, and usage errors with status 2.
 */
final class Launcher {
    /** The seed's banner, to the byte: the version line is followed by an empty line and one of four spaces. */
    private static final String BANNER = """


                  _ __  _   _ _ __ ___
                 | '_ \\| | | | '_ \\ _ \\
                 | | | | |_| | | | | | |
                 |_| |_|\\__, |_| |_| |_|
                        |___/

                         (%s - version %s)

               \s
            """;

    private Launcher() {}

    /** @return the exit status of running {@code command} with {@code args}; no arguments prints the usage line */
    static int execute(String kind, Object command, String[] args) {
        return execute(kind, command, args, false);
    }

    /**
     * @param runsWithoutArguments whether the command does its work with no arguments (the testnet,
     *     the demo) instead of printing the seed's usage line
     * @return the exit status of running {@code command} with {@code args}
     */
    static int execute(String kind, Object command, String[] args, boolean runsWithoutArguments) {
        configureLogging();
        System.out.print(BANNER.formatted(kind, Versions.NYM));
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler((error, cmd, parsed) -> {
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            cmd.getErr().println("error: " + message.lines().findFirst().orElse(message));
            return 1;
        });
        line.setParameterExceptionHandler((error, ignored) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("error: " + error.getMessage());
            err.println("Try '" + error.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        if (args.length == 0 && !runsWithoutArguments) {
            System.out.println("usage: --help to see available options.");
            return 0;
        }
        int status = line.execute(args);
        Shutdown.exitingWith(status); // the main's System.exit runs a registered cleanup hook, which halts
        return status;
    }

    /** One line per log record, on stderr, in the seed's format (unless a logging config file is given). */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new OneLineLogFormatter());
        root.addHandler(console);
    }
}
