package dev.retrylab.metrics;

import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One run's time series: per interval of virtual time (1 s unless configured), counters such as
 * new requests and attempts, goodput, and time-averaged gauges such as requests in flight, queue
 * length and busy workers.
 *
 * <p><b>Columns.</b> The core columns come first, in this order: {@code requests, attempts,
 * retries, successes, failures, goodput, inflight} (indices {@link #REQUESTS} to {@link
 * #INFLIGHT}). {@code goodput} is successes per second of the interval. Further columns are
 * registered with {@link #addCounter} and {@link #addGauge} before the first recording; their
 * indices follow in registration order.
 *
 * <p><b>Bucketing.</b> Interval {@code i} covers {@code [i·L, (i+1)·L)}, so an event at exactly
 * {@code t = 1.000 s} with {@code L = 1 s} falls in interval 1. A run covers {@code [0, end]} and
 * has {@code ceil(end / L)} intervals; the last one may be shorter than {@code L}, and when
 * {@code end} is a multiple of {@code L} it is closed on the right, so an event at exactly
 * {@code end} counts in the last interval instead of opening a new one.
 *
 * <p><b>Gauges are time-averaged</b>: a gauge's value for an interval is the integral of its
 * level over the interval divided by the interval's length (the part of it the run covered, for
 * a shorter last interval). A level set at time {@code t} holds from {@code t} on. Gauges start
 * at level 0. Rates (goodput) are likewise divided by the covered length. The current level of a
 * gauge is available at any time through {@link #level}; the conservation check uses it.
 *
 * <p><b>Statistics</b> ({@link #addStatistic}) hold one number per interval set from outside,
 * such as a latency percentile {@link IntervalPercentiles} computes; an interval never set holds
 * NaN.
 *
 * <p><b>Recording</b> ({@link #increment}, {@link #add}, {@link #setGauge}, {@link #adjustGauge})
 * takes virtual time in nanoseconds, which must never decrease from one call to the next; it
 * allocates nothing except when the arrays double to hold more intervals. Per-interval values are
 * read after {@link #finish}; totals and levels can be read at any time.
 *
 * <p>Not thread-safe: one series belongs to one run on one thread.
 */
public final class IntervalSeries {

    /** New logical requests (counter). */
    public static final int REQUESTS = 0;
    /** Attempts sent, first tries, retries and hedges alike (counter). */
    public static final int ATTEMPTS = 1;
    /** Attempts that were retries (counter). */
    public static final int RETRIES = 2;
    /** Logical requests that ended in success (counter). */
    public static final int SUCCESSES = 3;
    /** Logical requests that ended in failure (counter). */
    public static final int FAILURES = 4;
    /** Successes per second of the interval (rate of {@link #SUCCESSES}). */
    public static final int GOODPUT = 5;
    /** Logical requests started and not yet ended (time-averaged gauge). */
    public static final int INFLIGHT = 6;
    /** The names of the core columns, in column order. */
    public static final List<String> CORE_COLUMNS =
            List.of("requests", "attempts", "retries", "successes", "failures", "goodput", "inflight");
    /** The interval length when none is given. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final List<String> RESERVED = List.of("strategy", "t_s");
    private static final int INITIAL_INTERVALS = 64;
    private static final double NANOS_PER_SECOND = 1e9;

    private final long intervalNanos;
    private final long expectedIntervals;
    private final Map<String, Integer> indexByName = new LinkedHashMap<>();
    private final List<ColumnKind> registeredKinds = new ArrayList<>();

    private int columnCount;
    private ColumnKind[] kinds;
    private boolean started;
    private boolean finished;
    private long now;
    private int capacity;
    private int highestInterval = -1;
    /** Counter values, {@code [interval * columnCount + column]}. */
    private long[] counts;
    /** Gauge level-nanoseconds, or a statistic's value, {@code [interval * columnCount + column]}. */
    private double[] areas;
    private long[] totals;
    private long[] levels;
    private long[] lastChange;
    private long endNanos;
    private int intervalCount;

    /** A series with intervals of {@link #DEFAULT_INTERVAL}. */
    public IntervalSeries() {
        this(DEFAULT_INTERVAL);
    }

    /** A series with intervals of {@code interval}, which must be positive. */
    public IntervalSeries(Duration interval) {
        this(interval, Duration.ZERO);
    }

    /**
     * A series with intervals of {@code interval} whose arrays are sized up front for a run of
     * {@code expectedLength}, so that recording within it never has to grow them. A longer run
     * still works; the arrays then double as needed.
     */
    public IntervalSeries(Duration interval, Duration expectedLength) {
        this.intervalNanos = Nanos.positive("interval", interval);
        this.expectedIntervals = Nanos.of("expectedLength", expectedLength) / intervalNanos + 1;
        register("requests", ColumnKind.COUNTER);
        register("attempts", ColumnKind.COUNTER);
        register("retries", ColumnKind.COUNTER);
        register("successes", ColumnKind.COUNTER);
        register("failures", ColumnKind.COUNTER);
        register("goodput", ColumnKind.RATE);
        register("inflight", ColumnKind.GAUGE);
    }

    /**
     * Adds a counter column and returns its index.
     *
     * @throws IllegalArgumentException when the name is taken or not made of letters, digits and
     *                                  {@code _ . : -}
     * @throws IllegalStateException    once recording has started
     */
    public int addCounter(String name) {
        return register(name, ColumnKind.COUNTER);
    }

    /** Adds a time-averaged gauge column and returns its index; same rules as {@link #addCounter}. */
    public int addGauge(String name) {
        return register(name, ColumnKind.GAUGE);
    }

    /**
     * Adds a statistic column, one value per interval set by {@link #setStatistic}, and returns
     * its index; same rules as {@link #addCounter}.
     */
    public int addStatistic(String name) {
        return register(name, ColumnKind.STATISTIC);
    }

    private int register(String name, ColumnKind kind) {
        Objects.requireNonNull(name, "column name");
        if (started) {
            throw new IllegalStateException("column '" + name + "' must be registered before the run starts");
        }
        if (!VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name must be letters, digits, '_', '.', ':' or '-', was '"
                    + name + "'");
        }
        if (RESERVED.contains(name) || indexByName.containsKey(name)) {
            throw new IllegalArgumentException("column name '" + name + "' is already taken");
        }
        int index = registeredKinds.size();
        indexByName.put(name, index);
        registeredKinds.add(kind);
        return index;
    }

    /** Counts one event in counter {@code column} at virtual time {@code atNanos}. */
    public void increment(int column, long atNanos) {
        add(column, 1L, atNanos);
    }

    /** Counts {@code amount} (zero or more) events in counter {@code column} at {@code atNanos}. */
    public void add(int column, long amount, long atNanos) {
        requireKind(column, ColumnKind.COUNTER);
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only grows, amount was " + amount);
        }
        int interval = advance(atNanos);
        counts[interval * columnCount + column] += amount;
        totals[column] += amount;
    }

    /** Sets gauge {@code column} to {@code level} from {@code atNanos} on. */
    public void setGauge(int column, long level, long atNanos) {
        requireKind(column, ColumnKind.GAUGE);
        advance(atNanos);
        accumulate(column, atNanos);
        levels[column] = level;
    }

    /** Changes gauge {@code column} by {@code delta} (e.g. +1 when a request starts) from {@code atNanos} on. */
    public void adjustGauge(int column, long delta, long atNanos) {
        requireKind(column, ColumnKind.GAUGE);
        advance(atNanos);
        accumulate(column, atNanos);
        levels[column] += delta;
    }

    /**
     * Sets statistic {@code column} of interval {@code interval} (zero or more) to {@code value};
     * a value for an interval past the end of the run is ignored.
     */
    public void setStatistic(int column, int interval, double value) {
        requireKind(column, ColumnKind.STATISTIC);
        if (finished) {
            throw new IllegalStateException("the run already finished at " + endNanos + " ns");
        }
        if (interval < 0) {
            throw new IllegalArgumentException("interval must be zero or more, was " + interval);
        }
        ensureCapacity(interval);
        areas[interval * columnCount + column] = value;
    }

    /**
     * Ends the run at {@code endNanos}, which must be positive and not before the last recording.
     * Gauges keep their last level until then.
     */
    public void finish(long endNanos) {
        if (endNanos <= 0) {
            throw new IllegalArgumentException("a run must end after time 0, end was " + endNanos + " ns");
        }
        advance(endNanos);
        intervalCount = (int) ((endNanos - 1) / intervalNanos) + 1;
        ensureCapacity(intervalCount - 1);
        for (int column = 0; column < columnCount; column++) {
            if (kinds[column] == ColumnKind.GAUGE) {
                accumulate(column, endNanos);
            }
        }
        if (highestInterval == intervalCount) {
            // Events at exactly the end, which is an interval boundary: the last interval is closed.
            int from = highestInterval * columnCount;
            int to = (intervalCount - 1) * columnCount;
            for (int column = 0; column < columnCount; column++) {
                counts[to + column] += counts[from + column];
                counts[from + column] = 0;
            }
        }
        this.endNanos = endNanos;
        finished = true;
    }

    private int advance(long atNanos) {
        if (!started) {
            start();
        }
        if (finished) {
            throw new IllegalStateException("the run already finished at " + endNanos + " ns");
        }
        if (atNanos < now) {
            throw new IllegalArgumentException(atNanos < 0
                    ? "time must be zero or positive, was " + atNanos + " ns"
                    : "time must not go backwards: " + atNanos + " ns after " + now + " ns");
        }
        now = atNanos;
        long interval = atNanos / intervalNanos;
        if (interval > highestInterval) {
            ensureCapacity(interval);
            highestInterval = (int) interval;
        }
        return (int) interval;
    }

    private void start() {
        started = true;
        columnCount = registeredKinds.size();
        kinds = registeredKinds.toArray(new ColumnKind[0]);
        capacity = (int) Math.min(Math.max(INITIAL_INTERVALS, expectedIntervals), Integer.MAX_VALUE / columnCount);
        counts = new long[capacity * columnCount];
        areas = new double[capacity * columnCount];
        markUnset(0);
        totals = new long[columnCount];
        levels = new long[columnCount];
        lastChange = new long[columnCount];
    }

    private void ensureCapacity(long interval) {
        if (interval < capacity) {
            return;
        }
        if (interval >= Integer.MAX_VALUE / columnCount) {
            throw new IllegalStateException("too many intervals: time " + now + " ns is interval " + interval);
        }
        long wanted = Math.max(interval + 1, 2L * capacity);
        int newCapacity = (int) Math.min(wanted, Integer.MAX_VALUE / columnCount);
        counts = Arrays.copyOf(counts, newCapacity * columnCount);
        areas = Arrays.copyOf(areas, newCapacity * columnCount);
        int oldCapacity = capacity;
        capacity = newCapacity;
        markUnset(oldCapacity);
    }

    /** Sets the statistics of intervals {@code from} to the capacity to NaN: not measured. */
    private void markUnset(int from) {
        for (int column = 0; column < columnCount; column++) {
            if (kinds[column] == ColumnKind.STATISTIC) {
                for (int interval = from; interval < capacity; interval++) {
                    areas[interval * columnCount + column] = Double.NaN;
                }
            }
        }
    }

    /** Adds the gauge's current level times the time since its last change, split by interval. */
    private void accumulate(int column, long until) {
        long from = lastChange[column];
        long level = levels[column];
        if (level != 0 && until > from) {
            long interval = from / intervalNanos;
            long boundary = (interval + 1) * intervalNanos;
            while (from < until) {
                long stop = Math.min(boundary, until);
                areas[(int) interval * columnCount + column] += (double) level * (stop - from);
                from = stop;
                interval++;
                boundary += intervalNanos;
            }
        }
        lastChange[column] = until;
    }

    private void requireKind(int column, ColumnKind kind) {
        if (!started) {
            start();
        }
        if (column < 0 || column >= columnCount || kinds[column] != kind) {
            throw new IllegalArgumentException("column " + column + " is not a " + kind.name().toLowerCase(Locale.ROOT)
                    + " column of " + indexByName.keySet());
        }
    }

    /** The interval length. */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** The interval length in nanoseconds. */
    public long intervalNanos() {
        return intervalNanos;
    }

    /** The column names in column order: the core columns, then the registered ones. */
    public List<String> columnNames() {
        return List.copyOf(indexByName.keySet());
    }

    /** The index of the column named {@code name}. */
    public int column(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no column '" + name + "' in " + indexByName.keySet());
        }
        return index;
    }

    /** What kind of column {@code column} is. */
    public ColumnKind kind(int column) {
        return registeredKinds.get(column);
    }

    /** The sum of counter {@code column} over the run so far. */
    public long total(int column) {
        requireColumnOfKind(column, ColumnKind.COUNTER);
        return started ? totals[column] : 0L;
    }

    /** The current level of gauge {@code column}. */
    public long level(int column) {
        requireColumnOfKind(column, ColumnKind.GAUGE);
        return started ? levels[column] : 0L;
    }

    private void requireColumnOfKind(int column, ColumnKind kind) {
        if (kind(column) != kind) {
            throw new IllegalArgumentException("column " + column + " is not a " + kind + " column");
        }
    }

    /**
     * Checks that requests = successes + failures + in flight over the run so far.
     *
     * @throws IllegalStateException naming the numbers when it does not hold
     */
    public void checkConservation() {
        Conservation.check(total(REQUESTS), total(SUCCESSES), total(FAILURES), level(INFLIGHT));
    }

    /** Whether {@link #finish} was called. */
    public boolean isFinished() {
        return finished;
    }

    /** The end of the run in nanoseconds; needs {@link #finish}. */
    public long endNanos() {
        requireFinished();
        return endNanos;
    }

    /** The number of intervals, {@code ceil(end / interval)}; needs {@link #finish}. */
    public int intervalCount() {
        requireFinished();
        return intervalCount;
    }

    /** The start of interval {@code interval} in nanoseconds. */
    public long intervalStartNanos(int interval) {
        Objects.checkIndex(interval, intervalCount());
        return interval * intervalNanos;
    }

    /** The count of counter {@code column} in interval {@code interval}; needs {@link #finish}. */
    public long count(int column, int interval) {
        Objects.checkIndex(interval, intervalCount());
        requireColumnOfKind(column, ColumnKind.COUNTER);
        return counts[interval * columnCount + column];
    }

    /**
     * The value of {@code column} in interval {@code interval}: a counter's count, a gauge's time
     * average, a rate per second, a statistic's value (NaN when not set). Needs {@link #finish}.
     */
    public double value(int column, int interval) {
        Objects.checkIndex(interval, intervalCount());
        return switch (kind(column)) {
            case COUNTER -> counts[interval * columnCount + column];
            case GAUGE -> areas[interval * columnCount + column] / coveredNanos(interval);
            case RATE -> counts[interval * columnCount + SUCCESSES] / (coveredNanos(interval) / NANOS_PER_SECOND);
            case STATISTIC -> areas[interval * columnCount + column];
        };
    }

    /** The value of the column named {@code column} in interval {@code interval}. */
    public double value(String column, int interval) {
        return value(column(column), interval);
    }

    /** The values of {@code column}, one per interval; a fresh array. Needs {@link #finish}. */
    public double[] values(int column) {
        double[] values = new double[intervalCount()];
        for (int interval = 0; interval < values.length; interval++) {
            values[interval] = value(column, interval);
        }
        return values;
    }

    /** The values of the column named {@code column}, one per interval. */
    public double[] values(String column) {
        return values(column(column));
    }

    /** Goodput (successes per second), one value per interval. */
    public double[] goodput() {
        return values(GOODPUT);
    }

    private long coveredNanos(int interval) {
        long start = interval * intervalNanos;
        return Math.min(intervalNanos, endNanos - start);
    }

    private void requireFinished() {
        if (!finished) {
            throw new IllegalStateException("per-interval values need finish(endNanos) first");
        }
    }
}
