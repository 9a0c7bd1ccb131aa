package babysitter.ui.monitor;

import babysitter.ui.chart.LineChartCanvas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The centre: cost per step above, cost and accuracy per epoch below, and their display options. */
public final class MonitorView extends VBox {
    static final Color RAW = Color.web("#1f77b4");
    static final Color TRAIN = Color.web("#1f77b4");
    static final Color DEV = Color.web("#d62728");
    static final Map<String, Color> MARKER_COLORS = Map.of(
            "hyperparameters", Color.web("#2ca02c"), "rewind", Color.web("#9467bd"), "guard", Color.web("#d62728"),
            "checkpoint", Color.web("#7f7f7f"), "early-stop", Color.web("#ff7f0e"), "lr-range-test", Color.web("#17becf"));

    private final MonitorViewModel vm;
    private final LineChartCanvas stepChart = new LineChartCanvas("Cost per step", "step", "cost");
    private final LineChartCanvas epochCost = new LineChartCanvas("Cost per epoch", "epoch", "cost");
    private final LineChartCanvas epochAccuracy = new LineChartCanvas("Accuracy per epoch", "epoch", "accuracy");
    private final Map<MonitorViewModel.Line, LineChartCanvas.Series> drawn = new HashMap<>();
    /** The {@link MonitorViewModel#epochChartsRevision()} the epoch charts were last redrawn at. */
    private long epochChartsDrawn = -1;

    public MonitorView(MonitorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("monitor");
        stepChart.setId("stepChart");
        epochCost.setId("epochCostChart");
        epochAccuracy.setId("epochAccuracyChart");

        Slider smoothing = new Slider(0, 0.999, vm.smoothingProperty().get());
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(140);
        smoothing.valueProperty().bindBidirectional(vm.smoothingProperty());
        smoothing.setTooltip(new Tooltip("smoothing: weight of the past in a debiased moving average"));
        CheckBox logY = new CheckBox("log y");
        logY.setId("logY");
        logY.selectedProperty().bindBidirectional(vm.logYProperty());
        ComboBox<MonitorViewModel.XAxis> xAxis = new ComboBox<>();
        xAxis.setId("xAxis");
        xAxis.getItems().setAll(MonitorViewModel.XAxis.values());
        xAxis.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MonitorViewModel.XAxis x) {
                return x == null ? "" : MonitorViewModel.XAxis.label(x);
            }

            @Override
            public MonitorViewModel.XAxis fromString(String s) {
                return java.util.Arrays.stream(MonitorViewModel.XAxis.values())
                        .filter(x -> MonitorViewModel.XAxis.label(x).equals(s)).findFirst().orElse(null);
            }
        });
        xAxis.valueProperty().bindBidirectional(vm.xAxisProperty());
        // In TIME mode the sibling overlays are not drawn: a note beside the x choice says so (over
        // the charts it hid an axis label or curves).
        Label siblingsNote = new Label();
        siblingsNote.setId("siblingsTimeNote");
        siblingsNote.setStyle("-fx-background-color: #fff8dc; -fx-border-color: #d8c680; -fx-padding: 1 6 1 6;");
        siblingsNote.textProperty().bind(vm.siblingsNoteProperty());
        siblingsNote.visibleProperty().bind(vm.siblingsNoteProperty().isNotEmpty());
        siblingsNote.managedProperty().bind(siblingsNote.visibleProperty());
        siblingsNote.setMinWidth(0);
        siblingsNote.setTooltip(new Tooltip("the siblings share the cores, so their seconds do not compare with the "
                + "run's; their curves are drawn against epochs"));
        Label smoothingLabel = new Label("Smoothing");
        Label xLabel = new Label("x");
        for (javafx.scene.layout.Region r : List.of(smoothingLabel, logY, xLabel, xAxis)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the note gives way first
        }
        HBox options = new HBox(8, smoothingLabel, smoothing, logY, xLabel, xAxis, siblingsNote);
        options.setAlignment(Pos.CENTER_LEFT);
        options.setPadding(new Insets(4, 8, 4, 8));

        // Live charts redraw at most 10 times a second: software rendering of three charts at
        // every frame took a core from training (see docs/PERFORMANCE.md, "The window").
        for (LineChartCanvas c : List.of(stepChart, epochCost, epochAccuracy)) {
            c.setMinRedrawInterval(java.time.Duration.ofMillis(Long.getLong("babysitter.chartIntervalMillis", 100)));
        }
        for (LineChartCanvas c : List.of(stepChart, epochCost, epochAccuracy)) {
            installContextMenu(c);
        }
        stepChart.logYProperty().bind(vm.logYProperty());
        epochCost.logYProperty().bind(vm.logYProperty());

        HBox lower = new HBox(epochCost, epochAccuracy);
        HBox.setHgrow(epochCost, Priority.ALWAYS);
        HBox.setHgrow(epochAccuracy, Priority.ALWAYS);
        epochCost.setMinSize(200, 150);
        epochAccuracy.setMinSize(200, 150);
        stepChart.setMinSize(300, 200);
        SplitPane split = new SplitPane(stepChart, lower);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(options, split);

        vm.lines().addListener((ListChangeListener<MonitorViewModel.Line>) c -> syncLines());
        vm.branchProperty().addListener((o, a, b) -> syncLines());
        vm.siblingsNoteProperty().addListener((o, a, b) -> syncLines());
        vm.revision().addListener((o, a, b) -> redraw(false));
        vm.xAxisProperty().addListener((o, a, b) -> {
            String x = switch (b) {
                case STEP -> "step";
                case EPOCH -> "epoch";
                case TIME -> "seconds";
            };
            stepChart.setXLabel(x);
            epochCost.setXLabel(b == MonitorViewModel.XAxis.TIME ? "seconds" : "epoch");
            epochAccuracy.setXLabel(b == MonitorViewModel.XAxis.TIME ? "seconds" : "epoch");
            redraw(true);
        });
        syncLines();
    }

    public LineChartCanvas stepChart() {
        return stepChart;
    }

    public LineChartCanvas epochCostChart() {
        return epochCost;
    }

    public LineChartCanvas epochAccuracyChart() {
        return epochAccuracy;
    }

    /** All three charts, for export. */
    public List<LineChartCanvas> charts() {
        return List.of(stepChart, epochCost, epochAccuracy);
    }

    /** Right-click on a chart: export it as PNG (1×, 2×) or as a vector SVG figure. */
    private void installContextMenu(LineChartCanvas chart) {
        javafx.scene.control.MenuItem png1 = new javafx.scene.control.MenuItem("Export as PNG (1×)…");
        png1.setOnAction(e -> export(chart, "png", 1));
        javafx.scene.control.MenuItem png2 = new javafx.scene.control.MenuItem("Export as PNG (2×)…");
        png2.setOnAction(e -> export(chart, "png", 2));
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem("Export as SVG…");
        svg.setOnAction(e -> export(chart, "svg", 1));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(png1, png2, svg);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    private void export(LineChartCanvas chart, String kind, double scale) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export " + chart.title());
        chooser.setInitialFileName(chart.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "." + kind);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(kind.toUpperCase(java.util.Locale.ROOT),
                "*." + kind));
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            if (kind.equals("svg")) {
                ChartExport.writeSvg(chart, f.toPath());
            } else {
                chart.exportPng(f.toPath(), scale);
            }
        } catch (java.io.IOException | RuntimeException ex) {
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    "Could not write " + f + ": " + ex.getMessage(), javafx.scene.control.ButtonType.OK);
            a.initOwner(getScene().getWindow());
            a.showAndWait();
        }
    }

    private LineChartCanvas chartOf(MonitorViewModel.Chart c) {
        return switch (c) {
            case STEP_COST -> stepChart;
            case EPOCH_COST -> epochCost;
            case EPOCH_ACCURACY -> epochAccuracy;
        };
    }

    private void syncLines() {
        // remove what is gone
        drawn.entrySet().removeIf(e -> {
            if (!vm.lines().contains(e.getKey())) {
                chartOf(e.getKey().chart()).removeSeries(e.getValue());
                return true;
            }
            return false;
        });
        int live = vm.branchProperty().get();
        for (MonitorViewModel.Line line : vm.lines()) {
            LineChartCanvas.Series s = drawn.get(line);
            boolean current = line.branch() == live || line.role() == MonitorViewModel.Role.SIBLING;
            if (s == null && line.role() == MonitorViewModel.Role.SIBLING) {
                s = chartOf(line.chart()).addSeries(line.name(), siblingColor(line.sibling()), 1.3, 0.9, line.data());
                drawn.put(line, s);
            }
            if (line.role() == MonitorViewModel.Role.SIBLING) {
                // the legend says only "sib 2" (the hover box keeps α and β): with four long names it
                // took four rows and squeezed the plot, and the siblings panel lists α and β by colour;
                // no entry while the overlays are not drawn (TIME mode)
                s.setLegendName(vm.siblingsNoteProperty().get().isEmpty() ? "sib " + (line.sibling() + 1) : "");
                continue;
            }
            if (s == null) {
                Color color = switch (line.role()) {
                    case RAW -> RAW;
                    case SMOOTHED -> Color.web("#08306b");
                    case TRAIN -> TRAIN;
                    case DEV -> DEV;
                    case DEV_BATCH_STATS -> Color.web("#ff9896");
                    case SIBLING -> siblingColor(line.sibling());
                };
                double width = line.role() == MonitorViewModel.Role.RAW ? 1.0 : 1.8;
                // older branches carry no legend entry: only the live branch is named
                s = chartOf(line.chart()).addSeries(current ? line.name().replaceAll(" \\(branch \\d+\\)", "") : "",
                        color, width, 1.0, line.data());
                drawn.put(line, s);
            }
            double opacity = line.role() == MonitorViewModel.Role.RAW ? 0.25 : 1.0;
            s.setOpacity(current ? opacity : opacity * 0.35);
            s.setDashed((!current && line.role() != MonitorViewModel.Role.RAW)
                    || line.role() == MonitorViewModel.Role.DEV_BATCH_STATS);
        }
        redraw(true);
    }

    /** Sibling colours: none of them the blue of train or the red of dev. */
    static final List<Color> SIBLING_COLORS = List.of(Color.web("#ff7f0e"), Color.web("#2ca02c"),
            Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#bcbd22"),
            Color.web("#17becf"), Color.web("#7f7f7f"));

    /** The colour of sibling {@code index} (from 0), on the charts and in the siblings panel. */
    public static Color siblingColor(int index) {
        return SIBLING_COLORS.get(Math.floorMod(index, SIBLING_COLORS.size()));
    }

    /**
     * Redraws the step chart, and the epoch charts if {@code all} or if what they show changed: a
     * batch of step points leaves them as they were, and repainting them 10 times a second made
     * every frame of the software renderer twice as large (docs/PERFORMANCE.md, "The window").
     */
    private void redraw(boolean all) {
        boolean epochCharts = all || vm.epochChartsRevision() != epochChartsDrawn;
        epochChartsDrawn = vm.epochChartsRevision();
        List<LineChartCanvas> charts = epochCharts ? charts() : List.of(stepChart);
        for (LineChartCanvas c : charts) {
            c.clearMarkers();
        }
        for (MonitorViewModel.Marker m : vm.markers()) {
            Color color = MARKER_COLORS.getOrDefault(m.kind(), Color.GRAY);
            stepChart.addMarker(vm.markerX(m), m.label(), color);
            if (epochCharts && !m.kind().equals("checkpoint")) {
                epochCost.addMarker(vm.markerEpochX(m), "", color);
                epochAccuracy.addMarker(vm.markerEpochX(m), "", color);
            }
        }
        for (LineChartCanvas c : charts) {
            c.requestRedraw();
        }
    }
}
