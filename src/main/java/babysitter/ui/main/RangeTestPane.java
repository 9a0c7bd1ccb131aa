package babysitter.ui.main;

import babysitter.plot.SeriesBuffer;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.fx.Buttons;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The learning-rate range test in the right column: run it, see cost against log α, take the suggested α. */
final class RangeTestPane {
    private RangeTestPane() {
    }

    /** The pane, folded until a range test has something to show. */
    static TitledPane create(MainViewModel vm) {
        LineChartCanvas rangeChart = new LineChartCanvas("Range test", "log10 α", "cost");
        SeriesBuffer rangeData = new SeriesBuffer();
        Button run = Buttons.button("rangeTestButton", "Run range test",
                "sweep α from 1e-5 to 1 over 100 steps, then restore", () -> vm.lrRangeTest(1e-5, 1, 100));
        run.disableProperty().bind(vm.hasSession().not());
        rangeChart.setId("rangeChart");
        rangeChart.setPrefSize(260, 160);
        rangeChart.setMinSize(200, 140);
        rangeChart.addSeries("cost", Color.web("#1f77b4"), 1.5, 1.0, rangeData);
        Label suggestion = new Label();
        suggestion.setId("rangeSuggestion");
        Button take = Buttons.button("takeSuggestion", "Use suggested α", "set α to the suggestion",
                vm::takeSuggestedAlpha);
        take.setDisable(true);
        vm.rangeTestProperty().addListener((o, a, r) -> {
            rangeData.clear();
            rangeChart.clearMarkers();
            if (r == null) {
                suggestion.setText("");
                take.setDisable(true);
                return;
            }
            double[] alphas = r.learningRates();
            double[] costs = r.costs();
            for (int i = 0; i < alphas.length; i++) {
                if (Double.isFinite(costs[i])) {
                    rangeData.add(Math.log10(alphas[i]), costs[i]);
                }
            }
            boolean ok = Double.isFinite(r.suggested());
            if (ok) {
                rangeChart.addMarker(Math.log10(r.suggested()), "suggested", Color.web("#2ca02c"));
            }
            suggestion.setText(ok ? "suggested α = " + String.format(Locale.ROOT, "%.2e", r.suggested())
                    : "no clear descent: try a wider range");
            take.setDisable(!ok);
            rangeChart.requestRedraw();
        });
        VBox box = new VBox(6, run, rangeChart, suggestion, take);
        box.setPadding(new Insets(8));
        TitledPane pane = new TitledPane("Learning-rate range test", box);
        pane.setId("rangeTestPane");
        pane.setExpanded(false);
        vm.rangeTestProperty().addListener((o, a, r) -> {
            if (r != null) {
                pane.setExpanded(true);
            }
        });
        return pane;
    }
}
