package dev.retrylab.cli;

import dev.retrylab.model.Scenario;
import dev.retrylab.scenario.ScenarioError;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code retrylab validate}: checks scenario files without running them. Every mistake of every
 * file goes to the error stream as {@code file:line:column: key.path: message}; each valid file
 * gets one line on the output. Writes no file.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Checks scenario files without running them and reports every mistake of every file.",
                "Exits with 0 when all are valid, else with 2."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files, for example scenarios/*.yaml.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (Path file : files) {
            try {
                Scenario scenario = ScenarioLoader.load(file);
                out.println(file + ": ok (" + count(scenario.services().size(), "service", "services") + ", "
                        + count(scenario.clients().size(), "client group", "client groups") + ", "
                        + count(scenario.faults().size(), "fault", "faults") + ", "
                        + count(scenario.strategies().size(), "strategy", "strategies") + ")");
            } catch (ScenarioException e) {
                allValid = false;
                for (ScenarioError error : e.errors()) {
                    err.println(error);
                }
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : RetrylabCommand.BAD_INPUT;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
