package babysitter.ui.chart;

import javafx.scene.paint.Color;

/**
 * The class colours, shared by every view that draws labelled points or regions (the setup preview,
 * the decision regions), so a class keeps its colour from one view to the next.
 */
public final class Palette {
    private static final Color[] COLOURS = {
        Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#ff7f0e"),
        Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf"),
        Color.web("#bcbd22"), Color.web("#7f7f7f"),
    };

    private Palette() {
    }

    /** The colour of class {@code label} (the palette repeats after ten classes). */
    public static Color of(int label) {
        return COLOURS[Math.floorMod(label, COLOURS.length)];
    }

    /** The number of distinct colours. */
    public static int size() {
        return COLOURS.length;
    }
}
