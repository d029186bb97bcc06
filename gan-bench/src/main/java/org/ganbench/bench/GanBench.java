package org.ganbench.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code gan-bench} command line. */
@Command(name = "gan-bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reproduces Goodfellow et al., \"Generative Adversarial Nets\" (2014): trains the"
                + " paper's models, scores them with the Parzen-window log-likelihood and writes tables and figures.",
        subcommands = {ReproduceCommand.class, TableCommand.class, org.ganbench.bench.perf.BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "2:invalid command line or option value",
                "3:data missing, unreachable or damaged",
                "4:training diverged (NaN or infinite loss)",
                "5:bench only: a peer program or its Python package is missing",
                "1:internal failure (a bug: please report it with the log)"})
public final class GanBench implements Runnable {

    /** Options or values the command rejects. */
    public static final int EXIT_USAGE = 2;
    /** Data that cannot be fetched, read or verified. */
    public static final int EXIT_DATA = 3;
    /** Training that produced NaN or infinite losses. */
    public static final int EXIT_DIVERGED = 4;
    /** Any other failure. */
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting, for tests.
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new GanBench());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(GanBench::reportUsageError);
        return commandLine.execute(args);
    }

    /**
     * Prints a usage error, picocli's suggestions for a mistyped option, and where to find the help.
     * The full help text is left out because it would push the error off the screen.
     */
    private static int reportUsageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println("Error: " + error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' to list the options.");
        err.flush();
        return EXIT_USAGE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'gan-bench reproduce --help'");
    }
}
