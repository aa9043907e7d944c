package dev.retrylab.metrics;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes finished {@link IntervalSeries} as CSV: a header row {@code strategy,t_s,requests,
 * attempts,retries,successes,failures,goodput,inflight,...} (the registered columns follow), then
 * one row per strategy and interval.
 *
 * <p>The text depends only on the numbers, never on the locale or the platform, so the same run
 * gives byte-identical files: rows end with {@code \n}; counters are plain integers; {@code t_s},
 * the interval start in seconds, has 3 decimals when the interval is a whole number of
 * milliseconds and 9 otherwise (it is exact either way); goodput and gauge averages have {@link
 * #DECIMALS} decimals, rounded half-even from the exact binary value; a statistic (a latency
 * percentile) has as many, or is empty in an interval where nothing was measured. A strategy name
 * with a comma, quote or line break is quoted as RFC 4180 says.
 *
 * <p>Stateless and thread-safe.
 */
public final class IntervalCsv {

    /** Decimals printed for rates and time-averaged gauges. */
    public static final int DECIMALS = 3;

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private IntervalCsv() {
    }

    /** The header row of {@code series}, with its line break. */
    public static String header(IntervalSeries series) {
        return "strategy,t_s," + String.join(",", series.columnNames()) + "\n";
    }

    /** Writes the header and the rows of one strategy's series. */
    public static void write(Appendable out, String strategy, IntervalSeries series) throws IOException {
        write(out, Map.of(strategy, series));
    }

    /**
     * Writes the header and then the rows of each strategy, in the map's iteration order (pass a
     * {@link java.util.LinkedHashMap} for a chosen order). Every series must be finished and have
     * the same columns.
     */
    public static void write(Appendable out, Map<String, IntervalSeries> seriesByStrategy) throws IOException {
        Objects.requireNonNull(out, "out");
        if (seriesByStrategy.isEmpty()) {
            throw new IllegalArgumentException("no series to write");
        }
        List<String> columns = null;
        for (Map.Entry<String, IntervalSeries> entry : seriesByStrategy.entrySet()) {
            IntervalSeries series = entry.getValue();
            if (!series.isFinished()) {
                throw new IllegalArgumentException("the series of '" + entry.getKey() + "' is not finished");
            }
            if (columns == null) {
                columns = series.columnNames();
            } else if (!columns.equals(series.columnNames())) {
                throw new IllegalArgumentException("the series of '" + entry.getKey() + "' has columns "
                        + series.columnNames() + ", the first one has " + columns);
            }
        }
        out.append(header(seriesByStrategy.values().iterator().next()));
        for (Map.Entry<String, IntervalSeries> entry : seriesByStrategy.entrySet()) {
            writeRows(out, entry.getKey(), entry.getValue());
        }
    }

    /** Writes the CSV to {@code file} through {@link AtomicFile}, so a reader never sees half a file. */
    public static void write(Path file, Map<String, IntervalSeries> seriesByStrategy) throws IOException {
        AtomicFile.write(file, writer -> write(writer, seriesByStrategy));
    }

    private static void writeRows(Appendable out, String strategy, IntervalSeries series) throws IOException {
        String name = quoted(strategy);
        int columns = series.columnNames().size();
        int secondsScale = series.intervalNanos() % NANOS_PER_MILLI == 0 ? 3 : 9;
        StringBuilder row = new StringBuilder(128);
        for (int interval = 0; interval < series.intervalCount(); interval++) {
            row.setLength(0);
            row.append(name).append(',');
            row.append(BigDecimal.valueOf(series.intervalStartNanos(interval), 9)
                    .setScale(secondsScale, RoundingMode.UNNECESSARY).toPlainString());
            for (int column = 0; column < columns; column++) {
                row.append(',');
                if (series.kind(column) == ColumnKind.COUNTER) {
                    row.append(series.count(column, interval));
                } else if (!Double.isNaN(series.value(column, interval))) {
                    row.append(decimal(series.value(column, interval)));
                }
            }
            out.append(row).append('\n');
        }
    }

    /** {@code value} with {@link #DECIMALS} decimals, half-even, independent of the locale. */
    static String decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " as a decimal");
        }
        return new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String quoted(String strategy) {
        Objects.requireNonNull(strategy, "strategy");
        if (strategy.indexOf(',') < 0 && strategy.indexOf('"') < 0 && strategy.indexOf('\n') < 0
                && strategy.indexOf('\r') < 0) {
            return strategy;
        }
        return '"' + strategy.replace("\"", "\"\"") + '"';
    }
}
