package dev.retrylab.engine.random;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Sample statistics and test bounds for the tests of this package. */
final class Statistics {

    private Statistics() {
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The central moment of the given order, dividing by n. */
    static double centralMoment(double[] values, int order) {
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            double deviation = value - mean;
            double power = 1;
            for (int i = 0; i < order; i++) {
                power *= deviation;
            }
            sum += power;
        }
        return sum / values.length;
    }

    /** The sample variance, dividing by n - 1. */
    static double variance(double[] values) {
        return centralMoment(values, 2) * values.length / (values.length - 1);
    }

    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** The sample quantile of order p: the value at rank ceil(p n) of the sorted values. */
    static double quantile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The Kolmogorov-Smirnov statistic sup |F_n(x) - F(x)| of the values against {@code cdf}. */
    static double kolmogorovSmirnov(double[] values, DoubleUnaryOperator cdf) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double statistic = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(sorted[i]);
            statistic = Math.max(statistic, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return statistic;
    }

    /**
     * The critical value of the KS statistic at level 0.001 for n samples: the asymptotic
     * Kolmogorov distribution gives sqrt(-ln(0.001 / 2) / 2) / sqrt(n) = 1.9495 / sqrt(n)
     * (accurate for n above a few hundred).
     */
    static double kolmogorovSmirnovCritical(int n) {
        return Math.sqrt(-Math.log(0.001 / 2) / 2) / Math.sqrt(n);
    }

    /** Pearson's statistic of the counts against equal expected counts. */
    static double chiSquareUniform(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double expected = (double) total / counts.length;
        double statistic = 0;
        for (long count : counts) {
            statistic += (count - expected) * (count - expected) / expected;
        }
        return statistic;
    }

    /**
     * A bound the chi-square statistic with {@code df} degrees of freedom rarely exceeds: its mean
     * df plus five standard deviations sqrt(2 df). Its skew makes the exceedance probability about
     * 9e-4 at df = 5, 4e-4 at df = 9 and 1.4e-5 at df = 99 (regularised incomplete gamma function).
     */
    static double chiSquareBound(int df) {
        return df + 5 * Math.sqrt(2.0 * df);
    }
}
