package babysitter.ui.chart;

import java.util.Objects;
import javafx.scene.paint.Color;

/** One entry of a chart's legend: a short stroke in the line's style and its name. */
public record LegendEntry(String name, Color color, double lineWidth, double opacity, boolean dashed) {
    public LegendEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
    }
}
