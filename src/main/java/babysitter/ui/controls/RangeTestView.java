package babysitter.ui.controls;

import babysitter.i18n.Texts;
import babysitter.plot.SeriesBuffer;
import babysitter.session.reports.Report;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.fx.Buttons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The learning-rate range test panel (folded until it has something to show): the range, Run and
 * Stop, cost against log10 α, the suggestion and where to use it.
 */
public final class RangeTestView extends TitledPane {
    private final LineChartCanvas chart = new LineChartCanvas(Texts.get("range.chart"), "log10 α",
            Texts.get("range.axis.cost"));
    private final SeriesBuffer costs = new SeriesBuffer();
    private final RangeTestViewModel vm;

    public RangeTestView(RangeTestViewModel vm) {
        this.vm = vm;
        setText(Texts.get("range.title"));
        setId("rangeTestPane");
        setExpanded(false);

        TextField min = field("rangeMinAlpha", Texts.get("range.minTip"), vm.minAlphaProperty().get());
        TextField max = field("rangeMaxAlpha", Texts.get("range.maxTip"),
                vm.maxAlphaProperty().get());
        TextField steps = field("rangeSteps", Texts.get("range.stepsTip"),
                vm.stepsProperty().get());
        min.textProperty().bindBidirectional(vm.minAlphaProperty());
        max.textProperty().bindBidirectional(vm.maxAlphaProperty());
        steps.textProperty().bindBidirectional(vm.stepsProperty());
        HBox alphas = new HBox(4, label(Texts.get("range.from")), min, label(Texts.get("range.to")), max);
        alphas.setAlignment(Pos.CENTER_LEFT);
        HBox count = new HBox(4, label(Texts.get("range.in")), steps, label(Texts.get("range.steps")));
        count.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("rangeError");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button run = Buttons.button("rangeTestButton", Texts.get("range.run"),
                Texts.get("range.runTip"), vm::run);
        run.disableProperty().bind(vm.canRunProperty().not());
        Button stop = Buttons.button("rangeStopButton", Texts.get("range.stop"), Texts.get("range.stopTip"),
                vm::stop);
        stop.disableProperty().bind(vm.runningProperty().not());
        HBox actions = new HBox(6, run, stop);

        chart.setId("rangeChart");
        chart.setPrefSize(260, 160);
        chart.setMinSize(200, 140);
        chart.addSeries(Texts.get("range.axis.cost"), Color.web("#1f77b4"), 1.5, 1.0, costs);

        Label message = new Label();
        message.setId("rangeSuggestion");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Button toSetup = Buttons.button("rangeUseInSetup", Texts.get("range.useInSetup"),
                Texts.get("range.useInSetupTip"),
                vm::useInSetup);
        Button toRun = Buttons.button("takeSuggestion", Texts.get("range.useInRun"),
                Texts.get("range.useInRunTip"),
                vm::useInRun);
        toSetup.setDisable(true);
        toRun.setDisable(true);
        toRun.visibleProperty().bind(vm.liveRunProperty());
        toRun.managedProperty().bind(toRun.visibleProperty());
        HBox use = new HBox(6, toSetup, toRun);

        vm.resultProperty().addListener((o, a, r) -> {
            show(r);
            toSetup.setDisable(vm.suggested().isEmpty());
            toRun.setDisable(vm.suggested().isEmpty());
            if (r != null) {
                setExpanded(true);
            }
        });

        VBox box = new VBox(6, alphas, count, error, actions, chart, message, use);
        box.setPadding(new Insets(8));
        setContent(box);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, String tip, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(4);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private void show(Report.LrRangeReport r) {
        costs.clear();
        chart.clearMarkers();
        chart.resetZoom();
        if (r != null) {
            double[] alphas = r.learningRates();
            double[] c = r.costs();
            for (int i = 0; i < alphas.length; i++) {
                if (Double.isFinite(c[i])) {
                    costs.add(Math.log10(alphas[i]), c[i]);
                }
            }
            if (Double.isFinite(r.suggested())) {
                chart.addMarker(Math.log10(r.suggested()), Texts.get("range.suggested"), Color.web("#2ca02c"));
            }
        }
        chart.requestRedraw();
    }

    public RangeTestViewModel viewModel() {
        return vm;
    }

    /** The cost-against-α chart. */
    public LineChartCanvas chart() {
        return chart;
    }
}
