package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffCommandTest {

    private static final String[] ISSUE_EXAMPLE = {"backoff", "--type", "exponential", "--base", "100ms",
            "--multiplier", "2", "--cap", "10s", "--jitter", "full", "--retries", "8", "--samples", "100000",
            "--seed", "1"};

    private static JsonNode json(String... args) throws Exception {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static String[] withFormat(String format) {
        String[] args = java.util.Arrays.copyOf(ISSUE_EXAMPLE, ISSUE_EXAMPLE.length + 2);
        args[args.length - 2] = "--format";
        args[args.length - 1] = format;
        return args;
    }

    @Test
    void json_hasTheContractedFieldsAndFullJitterStatistics() throws Exception {
        JsonNode root = json(withFormat("json"));
        JsonNode policy = root.get("policy");
        assertThat(policy.get("type").asText()).isEqualTo("exponential");
        assertThat(policy.get("baseMs").asDouble()).isEqualTo(100.0);
        assertThat(policy.get("multiplier").asDouble()).isEqualTo(2.0);
        assertThat(policy.get("capMs").asDouble()).isEqualTo(10_000.0);
        assertThat(policy.get("jitter").asText()).isEqualTo("full");
        JsonNode retries = root.get("retries");
        assertThat(retries).hasSize(8);
        double cumulative = 0;
        for (int n = 1; n <= 8; n++) {
            JsonNode retry = retries.get(n - 1);
            assertThat(retry.get("retry").asInt()).isEqualTo(n);
            // full jitter of d = min(10s, 100ms * 2^(n-1)) is U(0, d): mean d/2, p95 0.95d, max below d
            double d = Math.min(10_000.0, 100.0 * Math.pow(2, n - 1));
            assertThat(retry.get("meanMs").asDouble()).as("retry %d mean", n).isCloseTo(d / 2, within(d * 0.01));
            assertThat(retry.get("p5Ms").asDouble()).as("retry %d p5", n).isCloseTo(0.05 * d, within(d * 0.01));
            assertThat(retry.get("p50Ms").asDouble()).as("retry %d p50", n).isCloseTo(0.5 * d, within(d * 0.01));
            assertThat(retry.get("p95Ms").asDouble()).as("retry %d p95", n).isCloseTo(0.95 * d, within(d * 0.01));
            assertThat(retry.get("minMs").asDouble()).isGreaterThanOrEqualTo(0.0);
            assertThat(retry.get("maxMs").asDouble()).isLessThanOrEqualTo(d);
            cumulative += retry.get("meanMs").asDouble();
            assertThat(retry.get("cumulativeMeanMs").asDouble()).isCloseTo(cumulative, within(0.01));
        }
    }

    @Test
    void json_capIsNullWithoutACap() throws Exception {
        JsonNode root = json("backoff", "--base", "50ms", "--format", "json", "--retries", "2");
        assertThat(root.get("policy").get("capMs").isNull()).isTrue();
        assertThat(root.get("policy").get("jitter").asText()).isEqualTo("none");
        assertThat(root.get("retries").get(1).get("meanMs").asDouble()).isEqualTo(100.0);
    }

    @Test
    void sameSeed_printsTheSameBytes() {
        assertThat(CommandRun.of(withFormat("json")).out()).isEqualTo(CommandRun.of(withFormat("json")).out());
        assertThat(CommandRun.of(withFormat("csv")).out()).isEqualTo(CommandRun.of(withFormat("csv")).out());
    }

    @Test
    void csv_hasAHeaderAndOneRowPerRetry() {
        CommandRun run = CommandRun.of("backoff", "--type", "linear", "--base", "100ms", "--increment", "50ms",
                "--retries", "3", "--format", "csv");
        assertThat(run.out().lines()).containsExactly(
                "retry,meanMs,p5Ms,p50Ms,p95Ms,minMs,maxMs,cumulativeMeanMs",
                "1,100.000,100.000,100.000,100.000,100.000,100.000,100.000",
                "2,150.000,150.000,150.000,150.000,150.000,150.000,250.000",
                "3,200.000,200.000,200.000,200.000,200.000,200.000,450.000");
    }

    @Test
    void table_describesThePolicyAndHasOneRowPerRetry() {
        CommandRun run = CommandRun.of("backoff", "--type", "constant", "--base", "2s", "--retries", "4");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("constant base=2s", "cumulative mean");
        assertThat(run.out().lines()).hasSize(2 + 4);
        assertThat(run.out().lines().skip(5).findFirst().orElseThrow()).contains("8000.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--base=-1s", "--jitter=sometimes", "--base=10 parsecs", "--base=0s",
            "--type=quadratic", "--retries=0", "--jitter-factor=2", "--format=xml", "--multiplier=0.5", "--bogus"})
    void badValue_printsOneClearLineAndExitsWithTwo(String bad) {
        CommandRun run = CommandRun.of("backoff", "--base", "100ms", bad);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("retrylab backoff: ").doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingBase_saysHowToGiveIt() {
        CommandRun run = CommandRun.of("backoff", "--type", "exponential");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--base is required", "--base 100ms");
    }

    @Test
    void bench_withoutABuiltJar_saysHowToBuildItAndExitsWithTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        String previous = System.getProperty("retrylab.home");
        System.setProperty("retrylab.home", home.toString());
        try {
            CommandRun run = CommandRun.of("bench", "SuccessPathBenchmark", "-prof", "gc");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("no benchmark jar", "package");
        } finally {
            if (previous == null) {
                System.clearProperty("retrylab.home");
            } else {
                System.setProperty("retrylab.home", previous);
            }
        }
    }

    @Test
    void help_listsEverySubcommandAndEachHasHelp() {
        CommandRun help = CommandRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("backoff", "bench");
        for (String command : new String[] {"backoff", "bench"}) {
            CommandRun sub = CommandRun.of(command, "--help");
            assertThat(sub.exitCode()).isZero();
            assertThat(sub.out()).startsWith("Usage: retrylab " + command);
        }
    }
}
