package babysitter.ui.chart;

import babysitter.plot.Palette;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.paint.Color;

/** The colours of {@link Palette} as JavaFX colours, so the screen draws what the exported SVG draws. */
public final class FxColors {
    private static final ConcurrentHashMap<String, Color> CACHE = new ConcurrentHashMap<>();

    private FxColors() {
    }

    /** The JavaFX colour of a {@code #rrggbb} text. */
    public static Color of(String hex) {
        return CACHE.computeIfAbsent(hex, Color::web);
    }

    /** The colour of class {@code label}, the same in every view that draws labelled points or regions. */
    public static Color ofClass(int label) {
        return of(Palette.classColour(label));
    }

    /** The {@code #rrggbb} text of a colour (its opacity is left out). */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
