package dev.retrylab.strategy.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Validation shared by the budgets of this package: each check names the setting and the allowed
 * range in its message. Fractional amounts become exact thousandths here, once, at configuration.
 */
final class Settings {

    /** One unit (a token, a retry) in thousandths. */
    static final long ONE = 1_000L;

    static final int MAX_BUCKETS = 1_000;
    static final Duration MIN_WINDOW = Duration.ofMillis(1);
    static final Duration MAX_WINDOW = Duration.ofHours(1);

    private Settings() {
    }

    /**
     * {@code value} in thousandths, digits beyond the third decimal ignored (as gRFC A6 specifies
     * for {@code tokenRatio}), checked against {@code min..max}.
     */
    static long thousandths(String name, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + plain(min) + ".." + plain(max) + ", was " + value);
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.DOWN).movePointRight(3).longValueExact();
    }

    /** Like {@link #thousandths} but the value must be positive even after rounding. */
    static long positiveThousandths(String name, double value, double max) {
        if (Double.isNaN(value) || value < 0.001 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.001.." + plain(max) + ", was " + value);
        }
        return thousandths(name, value, 0.001, max);
    }

    static long windowNanos(String name, Duration window) {
        Objects.requireNonNull(window, name);
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(name + " must be 1ms..1h, was " + window);
        }
        return window.toNanos();
    }

    static int buckets(int buckets) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be 1.." + MAX_BUCKETS + ", was " + buckets);
        }
        return buckets;
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Thousandths written as a decimal, for messages and toString. */
    static String units(long thousandths) {
        return BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
    }
}
