package babysitter.ui.chart;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The chart's three fonts and the widths of texts in them, cached: laying out a Text costs tens of microseconds. */
final class TextMeasure {
    private final Text measurer = new Text();
    private final Map<Font, Map<String, Double>> widths = new HashMap<>();
    private Font tick;
    private Font label;
    private Font title;

    Font tick() {
        init();
        return tick;
    }

    Font label() {
        init();
        return label;
    }

    Font title() {
        init();
        return title;
    }

    private void init() {
        if (tick == null) {
            Font base = Font.getDefault();
            tick = Font.font(base.getFamily(), Math.max(9, base.getSize() - 1));
            label = base;
            title = Font.font(base.getFamily(), FontWeight.BOLD, base.getSize() + 2);
        }
    }

    double width(String s, Font font) {
        Map<String, Double> cache = widths.computeIfAbsent(font, k -> new HashMap<>());
        Double cached = cache.get(s);
        if (cached != null) {
            return cached;
        }
        if (cache.size() > 2_000) {
            cache.clear();
        }
        measurer.setFont(font);
        measurer.setText(s);
        double width = measurer.getLayoutBounds().getWidth();
        cache.put(s, width);
        return width;
    }

    double height(Font font) {
        measurer.setFont(font);
        measurer.setText("Xg");
        return Math.ceil(measurer.getLayoutBounds().getHeight());
    }
}
