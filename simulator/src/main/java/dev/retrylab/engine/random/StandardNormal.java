package dev.retrylab.engine.random;

/**
 * The standard normal distribution: density, distribution function, complementary error
 * function and quantile, accurate to about 1e-14 relative and computed with {@link StrictMath}
 * only, so every machine gets the same bits.
 *
 * <p>Algorithms:
 * <ul>
 *   <li>{@link #erfc(double)} for {@code 0 <= x < 2}: {@code 1 - erf(x)} with the series of
 *       positive terms {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1*3*...*(2n+1))}
 *       (Abramowitz and Stegun 7.1.6), which has no cancellation; for {@code x >= 2}: the continued
 *       fraction {@code erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))}
 *       (A&amp;S 7.1.14) evaluated by the modified Lentz method (Numerical Recipes, 3rd ed., 5.2),
 *       at most 60 terms there; {@code erfc(-x) = 2 - erfc(x)}.</li>
 *   <li>{@link #quantile(double)}: P. J. Acklam's rational approximation (relative error below
 *       1.15e-9), refined by one Halley step on the distribution function, on the lower half only
 *       ({@code quantile(p) = -quantile(1 - p)} above one half, where {@code 1 - p} is exact).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class StandardNormal {

    private static final double SQRT_2 = 1.4142135623730951;
    private static final double SQRT_PI = 1.7724538509055159;
    private static final double SQRT_2PI = 2.5066282746310002;
    private static final double SERIES_LIMIT = 2.0;
    private static final double TINY = 1e-300;
    private static final double ACKLAM_LOW = 0.02425;

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};

    private StandardNormal() {
    }

    /** The density {@code exp(-z^2/2) / sqrt(2 pi)}. */
    public static double pdf(double z) {
        return StrictMath.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** The distribution function {@code P(Z <= z)}, accurate relative to its value in both tails. */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / SQRT_2);
    }

    /** The complementary error function {@code 1 - erf(x)}, accurate relative to its value for x &gt; 0. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        if (x < SERIES_LIMIT) {
            return 1.0 - erfBySeries(x);
        }
        if (x > 27.3) {
            return 0.0;
        }
        return StrictMath.exp(-x * x) / SQRT_PI / continuedFraction(x);
    }

    /** The error function {@code 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt}. */
    public static double erf(double x) {
        if (x < 0) {
            return -erf(-x);
        }
        return x < SERIES_LIMIT ? erfBySeries(x) : 1.0 - erfc(x);
    }

    /**
     * The z with {@code cdf(z) = p}: {@code -infinity} at 0, {@code +infinity} at 1.
     *
     * @throws IllegalArgumentException when {@code p} is outside [0, 1]
     */
    public static double quantile(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be a probability in [0, 1], was " + p);
        }
        if (p > 0.5) {
            return -lowerQuantile(1.0 - p);
        }
        return lowerQuantile(p);
    }

    /**
     * Acklam's approximation alone, for sampling from {@code p} in (0, 1): relative error below
     * 1.15e-9, far below what a sampled duration resolves, at a fraction of the cost of
     * {@link #quantile(double)}.
     */
    static double quantileForSampling(double p) {
        if (p > 0.5) {
            return -acklam(1.0 - p);
        }
        return acklam(p);
    }

    private static double lowerQuantile(double p) {
        if (p == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        double x = acklam(p);
        if (p < 1e-300) {
            return x; // the distribution function underflows out here; Acklam's value stands
        }
        // One Halley step (Acklam's refinement) makes the result accurate to about machine precision.
        double e = cdf(x) - p;
        double u = e * SQRT_2PI * StrictMath.exp(0.5 * x * x);
        return x - u / (1.0 + 0.5 * x * u);
    }

    /** Acklam's approximation for p in (0, 1/2]. */
    private static double acklam(double p) {
        if (p < ACKLAM_LOW) {
            double q = StrictMath.sqrt(-2.0 * StrictMath.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
    }

    private static double erfBySeries(double x) {
        double twoXSquared = 2.0 * x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200 && term > sum * 1e-17; n++) {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
        }
        return 2.0 / SQRT_PI * StrictMath.exp(-x * x) * sum;
    }

    /** {@code x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))} by the modified Lentz method, for x &gt;= 2. */
    private static double continuedFraction(double x) {
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 200; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            if (d == 0.0) {
                d = TINY;
            }
            d = 1.0 / d;
            c = x + a / c;
            if (c == 0.0) {
                c = TINY;
            }
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return f;
    }
}
