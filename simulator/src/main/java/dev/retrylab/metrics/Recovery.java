package dev.retrylab.metrics;

import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * When a service has recovered from a fault, judged from its goodput series alone.
 *
 * <p><b>Rule.</b> The <em>baseline</em> is the mean goodput over the {@value #BASELINE_INTERVALS}
 * intervals before the first fault starts, or over all of them when there are fewer. The service
 * has recovered at the first time {@code t} at or after the fault's end from which goodput stays at
 * or above {@value #THRESHOLD} × baseline for {@value #SUSTAIN_INTERVALS} consecutive intervals;
 * the result is {@code t} minus the fault's end.
 *
 * <p><b>Edge cases</b>, decided here once:
 * <ul>
 *   <li>"Intervals before the first fault" are those that end at or before its start; an interval
 *       the start falls inside is partly faulted and left out. When there is no such interval (the
 *       first fault starts within the first interval), there is no baseline and the call throws
 *       {@link IllegalArgumentException}: a scenario must let the first fault start at least one
 *       interval into the run.</li>
 *   <li>{@code t} is an interval start. The candidates are the interval starts at or after the
 *       fault's end: when the end falls inside an interval, that interval is partly faulted and the
 *       first candidate is the next interval's start; when the end is exactly an interval start,
 *       that start is the first candidate and recovery can be 0 s.</li>
 *   <li>A baseline of zero makes the threshold zero, which every goodput meets: the service counts
 *       as recovered at the first candidate (if {@value #SUSTAIN_INTERVALS} intervals remain).
 *       Nothing was being served, so the fault took nothing away.</li>
 *   <li>Fewer than {@value #SUSTAIN_INTERVALS} intervals left after a candidate cannot confirm it:
 *       a service that only meets the threshold in the last four intervals has not recovered, and
 *       a fault that ends after the last interval starts yields "not recovered".</li>
 *   <li>After a dip the count starts again: the result is the first {@code t} from which
 *       {@value #SUSTAIN_INTERVALS} consecutive intervals hold, not the first one above the
 *       threshold.</li>
 *   <li>The comparison is {@code goodput >= THRESHOLD * baseline} in double arithmetic. Goodput
 *       values must be finite and zero or more.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Recovery {

    /** Intervals before the first fault whose mean goodput is the baseline. */
    public static final int BASELINE_INTERVALS = 10;
    /** Consecutive intervals goodput must hold to count as recovered. */
    public static final int SUSTAIN_INTERVALS = 5;
    /** The fraction of the baseline goodput must reach. */
    public static final double THRESHOLD = 0.9;

    private static final double NANOS_PER_SECOND = 1e9;

    private Recovery() {
    }

    /**
     * Seconds from {@code faultEnd} to recovery, or empty when goodput did not recover before the
     * series ends.
     *
     * @param goodput         goodput per interval, interval 0 starting at time 0
     * @param interval        the length of one interval
     * @param firstFaultStart when the run's first fault started, since the start of the run
     * @param faultEnd        when this fault ended, since the start of the run; not before {@code
     *                        firstFaultStart}
     */
    public static OptionalDouble recoveredAfterSeconds(double[] goodput, Duration interval,
            Duration firstFaultStart, Duration faultEnd) {
        long length = Nanos.positive("interval", interval);
        long end = Nanos.of("faultEnd", faultEnd);
        double threshold = THRESHOLD * baseline(goodput, interval, firstFaultStart);
        if (end < firstFaultStart.toNanos()) {
            throw new IllegalArgumentException("faultEnd " + faultEnd + " is before the first fault starts at "
                    + firstFaultStart);
        }
        long firstCandidate = end / length + (end % length == 0 ? 0 : 1);
        int held = 0;
        for (long i = firstCandidate; i < goodput.length; i++) {
            if (goodput[(int) i] >= threshold) {
                held++;
                if (held == SUSTAIN_INTERVALS) {
                    long recoveredAt = (i - SUSTAIN_INTERVALS + 1) * length;
                    return OptionalDouble.of((recoveredAt - end) / NANOS_PER_SECOND);
                }
            } else {
                held = 0;
            }
        }
        return OptionalDouble.empty();
    }

    /** {@link #recoveredAfterSeconds} as a {@link RecoveryResult} named {@code fault}. */
    public static RecoveryResult assess(String fault, double[] goodput, Duration interval, Duration firstFaultStart,
            Duration faultEnd) {
        OptionalDouble after = recoveredAfterSeconds(goodput, interval, firstFaultStart, faultEnd);
        return new RecoveryResult(fault, faultEnd.toNanos() / NANOS_PER_SECOND,
                after.isPresent() ? Double.valueOf(after.getAsDouble()) : null);
    }

    /**
     * The mean goodput over the {@value #BASELINE_INTERVALS} intervals (or all, if fewer) that end
     * at or before {@code firstFaultStart}.
     *
     * @throws IllegalArgumentException when no interval ends by then, or a goodput is negative or
     *                                  not finite
     */
    public static double baseline(double[] goodput, Duration interval, Duration firstFaultStart) {
        Objects.requireNonNull(goodput, "goodput");
        long length = Nanos.positive("interval", interval);
        long start = Nanos.of("firstFaultStart", firstFaultStart);
        for (int i = 0; i < goodput.length; i++) {
            if (!(goodput[i] >= 0) || Double.isInfinite(goodput[i])) {
                throw new IllegalArgumentException("goodput must be finite and >= 0, interval " + i + " has "
                        + goodput[i]);
            }
        }
        int before = (int) Math.min(goodput.length, start / length);
        if (before == 0) {
            throw new IllegalArgumentException("no complete interval of " + interval + " before the first fault"
                    + " starts at " + firstFaultStart + ", so there is no baseline to recover to");
        }
        int from = Math.max(0, before - BASELINE_INTERVALS);
        double sum = 0;
        for (int i = from; i < before; i++) {
            sum += goodput[i];
        }
        return sum / (before - from);
    }
}
