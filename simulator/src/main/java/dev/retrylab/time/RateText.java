package dev.retrylab.time;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rates as people write them: {@code 100/s}, {@code 6000/min}, {@code 2.5/ms}, {@code 30/h}.
 * The one owner of this format for the command line and scenario files.
 */
public final class RateText {

    /** The units accepted, for error messages. */
    public static final String UNITS = "/ms, /s, /min (or /m), /h";

    private static final Pattern FORMAT = Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*/\\s*([a-z]+)");

    private RateText() {
    }

    /**
     * The rate in events per second, zero or more.
     *
     * @throws IllegalArgumentException saying what was wrong and what is allowed
     */
    public static double perSecond(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a rate is required: write a number per unit (" + UNITS
                    + "), for example 100/s");
        }
        Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate: write a number per unit (" + UNITS
                    + "), for example 100/s or 6000/min");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("'" + text + "' is negative: a rate must be zero or more");
        }
        double perUnit = amount.doubleValue();
        return switch (matcher.group(2)) {
            case "ms" -> perUnit * 1_000.0;
            case "s" -> perUnit;
            case "m", "min" -> perUnit / 60.0;
            case "h" -> perUnit / 3_600.0;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '/" + matcher.group(2)
                    + "': write one of " + UNITS);
        };
    }
}
