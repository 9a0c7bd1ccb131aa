package babysitter.ui.chart;

import java.util.Objects;
import javafx.scene.paint.Color;

/** A vertical line at an x value with a short label (a rewind, a learning-rate change). */
public record ChartMarker(double x, String label, Color color) {
    public ChartMarker {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("marker x must be finite, got " + x);
        }
        label = label == null ? "" : label;
        Objects.requireNonNull(color, "color");
    }
}
