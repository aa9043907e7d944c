package dev.retrylab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code retrylab} command: a picocli parent of every subcommand. */
@Command(name = "retrylab",
        mixinStandardHelpOptions = true,
        versionProvider = RetrylabCommand.Version.class,
        description = "Chaos-testing and retry-simulation workbench.",
        subcommands = {RunCommand.class, ChartCommand.class, SweepCommand.class, ValidateCommand.class,
                ListCommand.class, BackoffCommand.class, BenchCommand.class, UiCommand.class,
                CommandLine.HelpCommand.class})
public final class RetrylabCommand implements Runnable {

    /** Exit code for bad input: options, values or files. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line: bad options and values print one line naming the problem and
     * exit with {@link #BAD_INPUT}, never a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RetrylabCommand());
        // everything after "bench" that is not its own option goes to JMH
        commandLine.getSubcommands().get("bench").setUnmatchedOptionsArePositionalParams(true);
        commandLine.setParameterExceptionHandler(RetrylabCommand::badInput);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            if (error instanceof IllegalArgumentException) {
                line.getErr().println(qualifiedName(line) + ": " + error.getMessage());
                return BAD_INPUT;
            }
            throw error;
        });
        return commandLine;
    }

    private static int badInput(CommandLine.ParameterException error, String[] args) {
        CommandLine line = error.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(qualifiedName(line) + ": " + error.getMessage()
                + " (see '" + qualifiedName(line) + " --help')");
        return BAD_INPUT;
    }

    private static String qualifiedName(CommandLine line) {
        return line.getCommandSpec().qualifiedName();
    }

    /** Reads the version from the jar's manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RetrylabCommand.class.getPackage().getImplementationVersion();
            return new String[] {"retrylab " + (version == null ? "development build" : version)};
        }
    }
}
