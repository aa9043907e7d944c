package dev.retrylab.time;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations as people write them: {@code 250ms}, {@code 2s}, {@code 1.5s},
 * {@code 5m}, {@code 100us}. The one owner of this format: the command line and scenario files
 * both call it.
 */
public final class DurationText {

    /** The units accepted, for error messages. */
    public static final String UNITS = "ns, us (or µs), ms, s, m (or min), h";

    private static final Pattern FORMAT = Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*([a-zµ]*)");

    private DurationText() {
    }

    /**
     * Parses a duration of zero or more.
     *
     * @throws IllegalArgumentException with a message saying what was wrong and what is allowed
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required: write a number and a unit ("
                    + UNITS + "), for example 250ms or 2s");
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and a unit ("
                    + UNITS + "), for example 250ms or 2s");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("'" + text + "' is negative: a duration must be zero or more");
        }
        if (unit.isEmpty()) {
            if (amount.signum() == 0) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException("'" + text + "' has no unit: write one of " + UNITS
                    + ", for example " + matcher.group(1) + "ms");
        }
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit
                    + "': write one of " + UNITS);
        };
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("'" + text + "' is finer than a nanosecond, the smallest step");
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long: at most about 292 years");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Writes a duration in the largest unit that shows it exactly, for example {@code 250ms}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0ms";
        }
        long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] names = {"h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos % sizes[i] == 0) {
                return (nanos / sizes[i]) + names[i];
            }
        }
        return nanos + "ns";
    }
}
