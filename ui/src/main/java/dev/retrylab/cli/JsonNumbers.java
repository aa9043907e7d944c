package dev.retrylab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** How the command's JSON writes numbers: three decimals, whole numbers without a fraction. */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /** {@code value} rounded to three decimals; null for NaN and infinities. */
    static JsonNode rounded(double value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return nodes.nullNode();
        }
        double rounded = Math.round(value * 1000.0) / 1000.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return nodes.numberNode((long) rounded);
        }
        return nodes.numberNode(rounded);
    }
}
