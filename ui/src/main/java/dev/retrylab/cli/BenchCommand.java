package dev.retrylab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code retrylab bench}: runs the JMH benchmarks, passing options through to JMH. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Runs the JMH benchmarks (benchmarks/target/benchmarks.jar).",
                "Every other argument is passed to JMH, for example:",
                "  retrylab bench SuccessPathBenchmark -prof gc -f 1 -wi 3 -i 5",
                "  retrylab bench -l         (lists the benchmarks)",
                "  retrylab bench -- -h      (JMH's own help)"})
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JMH_OPTION", description = "Options for JMH (see '-h' after --).")
    List<String> jmhOptions = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("retrylab.home", "."), "benchmarks", "target", "benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no benchmark jar at " + jar
                    + ": build it with 'mvn -q -DskipTests package' (the ./retrylab launcher does this)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(jmhOptions);
        Process process = new ProcessBuilder(command).inheritIO().directory(new File(".")).start();
        return process.waitFor();
    }
}
