package babysitter.ui.monitor;

import babysitter.i18n.Texts;
import babysitter.plot.Palette;
import babysitter.ui.chart.ChartSeries;
import babysitter.ui.chart.FxColors;
import babysitter.ui.chart.LegendEntry;
import babysitter.ui.chart.LineChartCanvas;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The centre: cost per step above, cost and accuracy per epoch below, and their display options. */
public final class MonitorView extends VBox {

    private final MonitorViewModel vm;
    private final LineChartCanvas stepChart = new LineChartCanvas(Texts.get("monitor.chart.stepCost"),
            Texts.get("monitor.x.step"), Texts.get("monitor.axis.cost"));
    private final LineChartCanvas epochCost = new LineChartCanvas(Texts.get("monitor.chart.epochCost"),
            Texts.get("monitor.x.epoch"), Texts.get("monitor.axis.cost"));
    private final LineChartCanvas epochAccuracy = new LineChartCanvas(Texts.get("monitor.chart.epochAccuracy"),
            Texts.get("monitor.x.epoch"), Texts.get("monitor.axis.accuracy"));
    private final Map<MonitorViewModel.Line, ChartSeries> drawn = new HashMap<>();
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
        smoothing.setTooltip(new Tooltip(Texts.get("monitor.smoothingTip")));
        CheckBox logY = new CheckBox(Texts.get("monitor.logY"));
        logY.setId("logY");
        logY.selectedProperty().bindBidirectional(vm.logYProperty());
        ComboBox<MonitorViewModel.XAxis> xAxis = new ComboBox<>();
        xAxis.setId("xAxis");
        xAxis.getItems().setAll(MonitorViewModel.XAxis.values());
        xAxis.setConverter(new StringConverter<>() {
            @Override
            public String toString(MonitorViewModel.XAxis x) {
                return x == null ? "" : MonitorViewModel.XAxis.label(x);
            }

            @Override
            public MonitorViewModel.XAxis fromString(String s) {
                return Arrays.stream(MonitorViewModel.XAxis.values())
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
        siblingsNote.setTooltip(new Tooltip(Texts.get("monitor.siblingsNoteTip")));
        Label smoothingLabel = new Label(Texts.get("monitor.smoothing"));
        Label xLabel = new Label(Texts.get("monitor.x"));
        for (Region r : List.of(smoothingLabel, logY, xLabel, xAxis)) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the note gives way first
        }
        HBox options = new HBox(8, smoothingLabel, smoothing, logY, xLabel, xAxis, siblingsNote,
                new ReferenceBar(vm.references()));
        options.setAlignment(Pos.CENTER_LEFT);
        options.setPadding(new Insets(4, 8, 4, 8));

        // Live charts redraw at most 10 times a second: software rendering of three charts at
        // every frame took a core from training (see docs/PERFORMANCE.md, "The window").
        for (LineChartCanvas c : List.of(stepChart, epochCost, epochAccuracy)) {
            c.setMinRedrawInterval(Duration.ofMillis(Long.getLong("babysitter.chartIntervalMillis", 100)));
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
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(options, split);

        vm.lines().addListener((ListChangeListener<MonitorViewModel.Line>) c -> syncLines());
        vm.branchProperty().addListener((o, a, b) -> syncLines());
        vm.siblingsNoteProperty().addListener((o, a, b) -> syncLines());
        vm.revision().addListener((o, a, b) -> redraw(false));
        vm.xAxisProperty().addListener((o, a, b) -> {
            stepChart.setXLabel(MonitorViewModel.XAxis.label(b));
            String epochX = MonitorViewModel.XAxis.label(b == MonitorViewModel.XAxis.TIME ? b : MonitorViewModel.XAxis.EPOCH);
            epochCost.setXLabel(epochX);
            epochAccuracy.setXLabel(epochX);
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
        MenuItem png1 = new MenuItem(Texts.get("monitor.exportPng1"));
        png1.setOnAction(e -> export(chart, "png", 1));
        MenuItem png2 = new MenuItem(Texts.get("monitor.exportPng2"));
        png2.setOnAction(e -> export(chart, "png", 2));
        MenuItem svg = new MenuItem(Texts.get("monitor.exportSvg"));
        svg.setOnAction(e -> export(chart, "svg", 1));
        ContextMenu menu = new ContextMenu(png1, png2, svg);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    private void export(LineChartCanvas chart, String kind, double scale) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("monitor.exportTitle", chart.title()));
        chooser.setInitialFileName(chart.title().toLowerCase(Locale.ROOT).replace(' ', '-') + "." + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.toUpperCase(Locale.ROOT),
                "*." + kind));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            if (kind.equals("svg")) {
                ChartExport.writeSvg(chart, f.toPath());
            } else {
                chart.exportPng(f.toPath(), scale);
            }
        } catch (IOException | RuntimeException ex) {
            Alert a = new Alert(Alert.AlertType.ERROR,
                    Texts.get("monitor.writeFailed", f, ex.getMessage()), ButtonType.OK);
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
        Map<LineChartCanvas, Map<String, LegendEntry>> legends = new HashMap<>();
        for (LineChartCanvas c : charts()) {
            legends.put(c, new LinkedHashMap<>());
        }
        for (MonitorViewModel.Line line : vm.lines()) {
            ChartSeries s = drawn.get(line);
            Style style = Style.of(line);
            if (s == null) {
                s = chartOf(line.chart()).addSeries(vm.displayName(line), style.color, style.width, style.opacity,
                        line.data());
                drawn.put(line, s);
            }
            s.setName(vm.displayName(line));
            boolean current = line.branch() == live || line.role().overlay();
            s.setOpacity(current ? style.opacity : style.opacity * Palette.EARLIER_BRANCH_FADE);
            s.setDashed(style.dashed || (!current && line.role() != MonitorViewModel.Role.RAW));
            // the legend names each kind of line once, in the live line's style, also right after a
            // rewind when the live branch has no line yet; a sibling is "sib 2" (the hover box and the
            // siblings panel give α and β), and not listed while its overlay is not drawn (TIME mode)
            String entry = switch (line.role()) {
                case SIBLING -> vm.siblingsNoteProperty().get().isEmpty() ? Texts.get("monitor.sibling", line.sibling() + 1) : "";
                case REFERENCE -> line.name();
                default -> line.role().label();
            };
            if (!entry.isEmpty()) {
                legends.get(chartOf(line.chart())).putIfAbsent(entry,
                        new LegendEntry(entry, style.color, style.width, style.opacity, style.dashed));
            }
        }
        legends.forEach((chart, entries) -> chart.setLegend(List.copyOf(entries.values())));
        redraw(true);
    }

    /** How a kind of line is drawn on the live branch, in the colours of {@link Palette}. */
    private record Style(Color color, double width, double opacity, boolean dashed) {
        static Style of(MonitorViewModel.Line line) {
            return switch (line.role()) {
                case RAW -> new Style(FxColors.of(Palette.RAW), 1.0, Palette.RAW_OPACITY, false);
                case SMOOTHED -> new Style(FxColors.of(Palette.SMOOTHED), 1.8, 1, false);
                case TRAIN -> new Style(FxColors.of(Palette.TRAIN), 1.8, 1, false);
                case DEV -> new Style(FxColors.of(Palette.DEV), 1.8, 1, false);
                case DEV_BATCH_STATS -> new Style(FxColors.of(Palette.DEV_BATCH_STATS), 1.8, 1, true);
                case SIBLING -> new Style(siblingColor(line.sibling()), 1.3, 0.9, false);
                case REFERENCE -> new Style(referenceColor(line.overlay()), 1.5, Palette.REFERENCE_OPACITY, false);
            };
        }
    }

    /** The colour of sibling {@code index} (from 0), on the charts and in the siblings panel. */
    public static Color siblingColor(int index) {
        return FxColors.of(Palette.sibling(index));
    }

    /** The colour of the reference run in colour slot {@code slot}, on the charts and on its remove button. */
    public static Color referenceColor(int slot) {
        return FxColors.of(Palette.reference(slot));
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
        double[] window = vm.siblingWindow();
        epochCost.setAutoXRange(window);
        epochAccuracy.setAutoXRange(window);
        for (MonitorViewModel.Marker m : vm.markers()) {
            Color color = FxColors.of(Palette.marker(m.kind()));
            stepChart.addMarker(vm.markerX(m), m.label(), color);
            if (epochCharts && m.kind().onEpochCharts()) {
                epochCost.addMarker(vm.markerEpochX(m), "", color);
                epochAccuracy.addMarker(vm.markerEpochX(m), "", color);
            }
        }
        for (LineChartCanvas c : charts) {
            c.requestRedraw();
        }
    }
}
