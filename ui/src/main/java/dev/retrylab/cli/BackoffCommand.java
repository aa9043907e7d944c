package dev.retrylab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.BackoffDistribution;
import dev.retrylab.strategy.backoff.BackoffDistribution.RetryDelay;
import dev.retrylab.strategy.backoff.BackoffType;
import dev.retrylab.strategy.backoff.Jitter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retrylab backoff}: the distribution of each retry's delay under a backoff policy. */
@Command(name = "backoff",
        mixinStandardHelpOptions = true,
        description = {"Shows the distribution of each retry's delay under a backoff policy.",
                "For each retry: mean, p5, p50, p95, min and max of its delay, and the mean cumulative wait."})
final class BackoffCommand implements Callable<Integer> {

    /** At most this many delays are drawn in one run (retries × samples). */
    static final long MAX_DRAWS = 20_000_000L;

    @Option(names = "--type", converter = Converters.BackoffTypeConverter.class, paramLabel = "TYPE",
            description = "none|constant|linear|exponential (default: ${DEFAULT-VALUE})",
            defaultValue = "exponential")
    BackoffType type;

    @Option(names = "--base", converter = Converters.DurationConverter.class, paramLabel = "DURATION",
            description = "Delay before the first retry, for example 100ms (required unless --type none).")
    Duration base;

    @Option(names = "--multiplier", paramLabel = "X", defaultValue = "2",
            description = "Growth factor per retry for exponential backoff (default: ${DEFAULT-VALUE}).")
    double multiplier;

    @Option(names = "--increment", converter = Converters.DurationConverter.class, paramLabel = "DURATION",
            description = "Added per retry for linear backoff (default: the base).")
    Duration increment;

    @Option(names = "--cap", converter = Converters.DurationConverter.class, paramLabel = "DURATION",
            description = "Largest delay, applied before jitter (default: none).")
    Duration cap;

    @Option(names = "--jitter", converter = Converters.JitterConverter.class, paramLabel = "JITTER",
            defaultValue = "none",
            description = "none|full|equal|decorrelated|proportional (default: ${DEFAULT-VALUE}).")
    Jitter jitter;

    @Option(names = "--jitter-factor", paramLabel = "F", defaultValue = "0.2",
            description = "Spread of proportional jitter, 0..1 (default: ${DEFAULT-VALUE}).")
    double jitterFactor;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Retries to show (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
            description = "Retry sequences drawn (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Random seed; the same seed prints the same numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", converter = Converters.FormatConverter.class, paramLabel = "FORMAT",
            defaultValue = "table", description = "table|csv|json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Backoff backoff = backoff();
        if (retries < 1 || samples < 1) {
            throw new IllegalArgumentException("--retries and --samples must be 1 or more");
        }
        if ((long) retries * samples > MAX_DRAWS) {
            throw new IllegalArgumentException("--retries × --samples must be at most " + MAX_DRAWS
                    + ", was " + (long) retries * samples);
        }
        List<RetryDelay> delays = BackoffDistribution.sample(backoff, retries, samples, new SplittableRandom(seed));
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.println(json(backoff, delays));
            case CSV -> printCsv(out, delays);
            default -> printTable(out, backoff, delays);
        }
        out.flush();
        return 0;
    }

    private Backoff backoff() {
        if (type != BackoffType.NONE && base == null) {
            throw new IllegalArgumentException("--base is required for --type "
                    + type.name().toLowerCase(Locale.ROOT) + ", for example --base 100ms");
        }
        Backoff backoff = switch (type) {
            case NONE -> Backoff.none();
            case CONSTANT -> Backoff.constant(base);
            case LINEAR -> Backoff.linear(base, increment == null ? base : increment);
            case EXPONENTIAL -> Backoff.exponential(base, multiplier);
        };
        if (cap != null) {
            backoff = backoff.withCap(cap);
        }
        return backoff.withJitter(jitter, jitterFactor);
    }

    private static String json(Backoff backoff, List<RetryDelay> delays) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ObjectNode policy = root.putObject("policy");
        policy.put("type", backoff.type().name().toLowerCase(Locale.ROOT));
        policy.set("baseMs", number(nodes, backoff.base().toNanos() / 1e6));
        policy.set("multiplier", number(nodes, backoff.multiplier()));
        if (backoff.type() == BackoffType.LINEAR) {
            policy.set("incrementMs", number(nodes, backoff.increment().toNanos() / 1e6));
        }
        policy.set("capMs", backoff.cap() == null ? nodes.nullNode() : number(nodes, backoff.cap().toNanos() / 1e6));
        policy.put("jitter", backoff.jitter().name().toLowerCase(Locale.ROOT));
        if (backoff.jitter() == Jitter.PROPORTIONAL) {
            policy.set("jitterFactor", number(nodes, backoff.jitterFactor()));
        }
        ArrayNode retries = root.putArray("retries");
        for (RetryDelay delay : delays) {
            ObjectNode row = retries.addObject();
            row.put("retry", delay.retry());
            row.set("meanMs", number(nodes, delay.meanMs()));
            row.set("p5Ms", number(nodes, delay.p5Ms()));
            row.set("p50Ms", number(nodes, delay.p50Ms()));
            row.set("p95Ms", number(nodes, delay.p95Ms()));
            row.set("minMs", number(nodes, delay.minMs()));
            row.set("maxMs", number(nodes, delay.maxMs()));
            row.set("cumulativeMeanMs", number(nodes, delay.cumulativeMeanMs()));
        }
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode number(JsonNodeFactory nodes, double value) {
        return JsonNumbers.rounded(value);
    }

    private static void printCsv(PrintWriter out, List<RetryDelay> delays) {
        out.println("retry,meanMs,p5Ms,p50Ms,p95Ms,minMs,maxMs,cumulativeMeanMs");
        for (RetryDelay d : delays) {
            out.println(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f", d.retry(),
                    d.meanMs(), d.p5Ms(), d.p50Ms(), d.p95Ms(), d.minMs(), d.maxMs(), d.cumulativeMeanMs()));
        }
    }

    private void printTable(PrintWriter out, Backoff backoff, List<RetryDelay> delays) {
        out.println("backoff " + backoff + ", " + samples + " samples, seed " + seed + " (delays in ms)");
        out.println(String.format(Locale.ROOT, "%5s %11s %11s %11s %11s %11s %11s %15s",
                "retry", "mean", "p5", "p50", "p95", "min", "max", "cumulative mean"));
        for (RetryDelay d : delays) {
            out.println(String.format(Locale.ROOT, "%5d %11.1f %11.1f %11.1f %11.1f %11.1f %11.1f %15.1f",
                    d.retry(), d.meanMs(), d.p5Ms(), d.p50Ms(), d.p95Ms(), d.minMs(), d.maxMs(),
                    d.cumulativeMeanMs()));
        }
    }
}
