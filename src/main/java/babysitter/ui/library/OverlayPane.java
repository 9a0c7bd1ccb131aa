package babysitter.ui.library;

import babysitter.i18n.Texts;
import babysitter.plot.Palette;
import babysitter.plot.SeriesBuffer;
import babysitter.report.Names;
import babysitter.store.RunCurves;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.fx.Named;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The selected runs' epoch curves on one chart, one colour each with a legend; any metric on y, step, epoch or seconds on x. */
final class OverlayPane extends VBox {
    private final LibraryViewModel vm;
    private final LineChartCanvas chart = new LineChartCanvas(Texts.get("library.overlayTitle"),
            Texts.get("library.axis.epoch"), Texts.get("library.axis.devAccuracy"));

    OverlayPane(LibraryViewModel vm) {
        this.vm = vm;
        ChoiceBox<RunCurves.Metric> metric = new ChoiceBox<>();
        metric.setId("metricChoice");
        metric.getItems().setAll(RunCurves.Metric.values());
        metric.setConverter(Named.by(Names::metric, metric.getItems()));
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        ChoiceBox<RunCurves.XAxis> x = new ChoiceBox<>();
        x.setId("xChoice");
        x.getItems().setAll(RunCurves.XAxis.values());
        x.setConverter(Named.by(Names::xAxis, x.getItems()));
        x.valueProperty().bindBidirectional(vm.xAxisProperty());
        Label hint = new Label(Texts.get("library.overlayHint"));
        hint.getStyleClass().add("readout");
        HBox controls = new HBox(8, new Label(Texts.get("library.y")), metric, new Label(Texts.get("library.x")), x, hint);
        controls.setAlignment(Pos.CENTER_LEFT);
        chart.setId("overlayChart");
        chart.setMinSize(300, 200);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(controls, chart);
        setSpacing(6);
        setPadding(new Insets(8));
        vm.curves().addListener((ListChangeListener<RunCurves.Curve>) c -> redraw());
    }

    private void redraw() {
        for (var s : List.copyOf(chart.series())) {
            chart.removeSeries(s);
        }
        int i = 0;
        for (RunCurves.Curve c : vm.curves()) {
            SeriesBuffer data = new SeriesBuffer(c.size());
            double[] xs = c.x();
            double[] ys = c.y();
            for (int k = 0; k < xs.length; k++) {
                data.add(xs[k], ys[k]);
            }
            chart.addSeries(c.name(), Color.web(Palette.run(i++)), 2, 1, data);
        }
        chart.setXLabel(Names.xAxis(vm.xAxisProperty().get()));
        chart.resetZoom();
        chart.requestRedraw();
    }

    LineChartCanvas chart() {
        return chart;
    }
}
