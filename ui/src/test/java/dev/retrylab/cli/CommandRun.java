package dev.retrylab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.LongSupplier;
import picocli.CommandLine;

/** Runs the retrylab command in-process and captures what it prints. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        return of(Terminal.NONE, System::nanoTime, args);
    }

    /**
     * Runs with {@code run}'s, {@code chart}'s and {@code sweep}'s output going to {@code terminal},
     * progress bars on {@code nanoTime}.
     */
    static CommandRun of(Terminal terminal, LongSupplier nanoTime, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RetrylabCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        RunCommand run = commandLine.getSubcommands().get("run").getCommand();
        run.terminal = terminal;
        run.nanoTime = nanoTime;
        ChartCommand chart = commandLine.getSubcommands().get("chart").getCommand();
        chart.terminal = terminal;
        chart.nanoTime = nanoTime;
        SweepCommand sweep = commandLine.getSubcommands().get("sweep").getCommand();
        sweep.terminal = terminal;
        sweep.nanoTime = nanoTime;
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
