package dev.retrylab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --param PATH=VALUES} of {@code retrylab sweep}, or one key of the workbench's sweep: a
 * key path of the scenario file and the values it takes, written {@code 1..6} (whole numbers from
 * 1 to 6), {@code 1000,10000} (a list, units allowed: {@code 100ms,1s}) or a single value. The
 * path is checked by the scenario loader, like a key of the file.
 *
 * @param path   the key path, for example {@code strategies.retries.retry.maxAttempts}
 * @param values the values in sweep order, as they would be written in the file
 */
public record SweepParameter(String path, List<String> values) {

    /** More values than this in one parameter is a typo, not a sweep. */
    static final int MAX_VALUES = 1_000;

    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final String EXAMPLE = "for example strategies.retries.retry.maxAttempts=1..6 "
            + "or clients.agents.count=1000,10000";

    public SweepParameter {
        values = List.copyOf(values);
    }

    /**
     * Parses {@code PATH=VALUES}.
     *
     * @throws IllegalArgumentException with a message that names the parameter and shows the form
     */
    public static SweepParameter parse(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw bad(text, "expected PATH=VALUES, " + EXAMPLE);
        }
        String path = text.substring(0, equals).trim();
        String spec = text.substring(equals + 1).trim();
        if (!PATH.matcher(path).matches()) {
            throw bad(text, "the path must be key names joined by dots, " + EXAMPLE);
        }
        if (spec.isEmpty()) {
            throw bad(text, "no values after '=', " + EXAMPLE);
        }
        Matcher range = RANGE.matcher(spec);
        if (range.matches()) {
            return new SweepParameter(path, range(text, range.group(1), range.group(2)));
        }
        List<String> values = new ArrayList<>();
        for (String value : spec.split(",", -1)) {
            if (value.isBlank()) {
                throw bad(text, "an empty value in the list '" + spec + "'");
            }
            values.add(value.trim());
        }
        if (values.size() > MAX_VALUES) {
            throw bad(text, values.size() + " values, at most " + MAX_VALUES);
        }
        return new SweepParameter(path, values);
    }

    private static List<String> range(String text, String from, String to) {
        long first;
        long last;
        try {
            first = Long.parseLong(from);
            last = Long.parseLong(to);
        } catch (NumberFormatException e) {
            throw bad(text, "the range's ends must be whole numbers, " + EXAMPLE);
        }
        if (last < first) {
            throw bad(text, "the range " + from + ".." + to + " is empty: its end is below its start");
        }
        long span;
        try {
            span = Math.subtractExact(last, first);
        } catch (ArithmeticException e) {
            span = Long.MAX_VALUE;
        }
        if (span >= MAX_VALUES) {
            throw bad(text, "the range " + from + ".." + to + " has more than " + MAX_VALUES + " values");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i <= span; i++) {
            values.add(Long.toString(first + i));
        }
        return values;
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("--param " + text + ": " + problem);
    }
}
