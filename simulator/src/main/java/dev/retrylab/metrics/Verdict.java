package dev.retrylab.metrics;

/**
 * What a paired comparison concludes about a strategy against the baseline, for one metric: the
 * 95% interval of the mean difference lies wholly on the better side of zero, wholly on the worse
 * side, or contains zero.
 */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The words reports print: {@code better}, {@code worse}, {@code no significant difference}. */
    public String label() {
        return label;
    }
}
