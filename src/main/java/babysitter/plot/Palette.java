package babysitter.plot;

import java.util.List;

/**
 * The one colour scheme of every chart, on screen and in the exported SVG and HTML reports, as
 * {@code #rrggbb} text so that it needs no toolkit: a colour per class, per kind of line (train,
 * dev, smoothed…), per sibling and per kind of event marker. A colour names a role, never a branch:
 * earlier branches are drawn in their role's colour, faded and dashed.
 */
public final class Palette {
    private static final List<String> CLASSES = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f");

    /** The raw mini-batch cost (drawn thin and translucent under the smoothed one). */
    public static final String RAW = "#1f77b4";
    /** The smoothed mini-batch cost. */
    public static final String SMOOTHED = "#08306b";
    /** Training-set metrics. */
    public static final String TRAIN = "#1f77b4";
    /** Dev-set metrics, batch norm in inference mode. */
    public static final String DEV = "#d62728";
    /** Dev-set metrics with batch statistics (batch norm in training mode); drawn dashed. */
    public static final String DEV_BATCH_STATS = "#ff9896";
    /** Anything without a role of its own. */
    public static final String OTHER = "#7f7f7f";

    /** The opacity of the raw cost line. */
    public static final double RAW_OPACITY = 0.25;
    /** How much an earlier branch's line is faded (times its own opacity). */
    public static final double EARLIER_BRANCH_FADE = 0.35;

    /** Sibling colours: none of them the blue of train or the red of dev. */
    private static final List<String> SIBLINGS = List.of("#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
            "#bcbd22", "#17becf", "#7f7f7f");

    /**
     * Colours of runs drawn as references beside the live run (on the monitor's charts): none of
     * them the blue of train, the red of dev or the first siblings' orange and green.
     */
    private static final List<String> REFERENCES = List.of("#8c564b", "#e377c2", "#17becf", "#bcbd22", "#9467bd",
            "#7f7f7f");
    /** The opacity of a reference run's line: faded, so the live run stays in front. */
    public static final double REFERENCE_OPACITY = 0.55;

    private Palette() {
    }

    /** The colour of class {@code label} (the palette repeats after ten classes). */
    public static String classColour(int label) {
        return CLASSES.get(Math.floorMod(label, CLASSES.size()));
    }

    /** The number of distinct class colours. */
    public static int classColours() {
        return CLASSES.size();
    }

    /** The colour of run {@code index} (from 0) when several runs share a chart: the class palette's order. */
    public static String run(int index) {
        return classColour(index);
    }

    /** The colour of sibling {@code index} (from 0), on the charts and in the siblings panel. */
    public static String sibling(int index) {
        return SIBLINGS.get(Math.floorMod(index, SIBLINGS.size()));
    }

    /** The colour of reference run {@code index} (from 0) on the monitor's charts. */
    public static String reference(int index) {
        return REFERENCES.get(Math.floorMod(index, REFERENCES.size()));
    }

    /** The colour of a marker of {@code kind}. */
    public static String marker(MarkerKind kind) {
        return kind.colour();
    }

    /** The colour of a marker for a recorded event named {@code eventKind} ("rewind", …); grey for kinds not marked. */
    public static String marker(String eventKind) {
        MarkerKind k = MarkerKind.ofEventKind(eventKind);
        return k == null ? MarkerKind.UNMARKED : k.colour();
    }

    /** A colour darkened for text drawn on white (a marker's label): each channel times {@code factor}. */
    public static String darker(String hex, double factor) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (int) Math.round(((rgb >> 16) & 0xff) * factor);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * factor);
        int b = (int) Math.round((rgb & 0xff) * factor);
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
