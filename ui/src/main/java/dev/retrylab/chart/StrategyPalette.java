package dev.retrylab.chart;

import java.awt.Color;
import java.util.List;

/**
 * The one place that gives strategies their colours: the strategy at index i of a scenario is
 * drawn in colour i in every chart, so a strategy keeps its colour from chart to chart. The
 * colours are Okabe and Ito's palette for readers with colour-blindness
 * (<a href="https://jfly.uni-koeln.de/color/">Color Universal Design</a>), yellow last because
 * it is faint on white; past eight strategies the colours repeat. Stateless.
 */
public final class StrategyPalette {

    /** The colours in the order strategies take them. */
    public static final List<Color> COLOURS = List.of(
            new Color(0x0072B2),   // blue
            new Color(0xD55E00),   // vermillion
            new Color(0x009E73),   // bluish green
            new Color(0xCC79A7),   // reddish purple
            new Color(0xE69F00),   // orange
            new Color(0x56B4E9),   // sky blue
            new Color(0x000000),   // black
            new Color(0xF0E442));  // yellow

    private StrategyPalette() {
    }

    /** The colour of the strategy at {@code index} (0 or more) in its scenario. */
    public static Color colour(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("a strategy index is 0 or more, was " + index);
        }
        return COLOURS.get(index % COLOURS.size());
    }
}
