package babysitter.ui.network;

import babysitter.i18n.Texts;
import babysitter.ui.chart.ChartSeries;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.network.NetworkViewModel.Metric;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.paint.Color;

/**
 * Batch norm and activations of one chosen layer over epochs: update ratio (log scale, with the
 * 1e-4…1e-2 guide band around 1e-3), γ and β, drift of the batch statistics from the running ones,
 * dead and saturated shares, the last batch's per-unit μ and σ² against the running ones (for
 * batch-normalised layers), and the waterfalls of z before and z̃ after batch norm. Binds to a
 * {@link NetworkViewModel} and redraws only when its data or the chosen layer changes.
 */
public final class NetworkView extends BorderPane {

    static final double GUIDE_LOW = 1e-4;
    static final double GUIDE_HIGH = 1e-2;

    private final NetworkViewModel vm;
    private final ComboBox<String> layers = new ComboBox<>();
    private final LineChartCanvas ratioChart = new LineChartCanvas(Texts.get("network.ratioChart"),
            Texts.get("network.axis.epoch"), Texts.get("network.axis.updateRatio"));
    private final LineChartCanvas gammaBetaChart = new LineChartCanvas(Texts.get("network.gammaBetaChart"),
            Texts.get("network.axis.epoch"), Texts.get("network.axis.value"));
    private final LineChartCanvas driftChart = new LineChartCanvas(Texts.get("network.driftChart"),
            Texts.get("network.axis.epoch"), Texts.get("network.axis.drift"));
    private final LineChartCanvas shareChart = new LineChartCanvas(Texts.get("network.shareChart"),
            Texts.get("network.axis.epoch"), Texts.get("network.axis.share"));
    private final UnitStatsStrip unitStrip = new UnitStatsStrip();
    private final HistogramWaterfall zWaterfall = new HistogramWaterfall(Texts.get("network.zBeforeBn"));
    private final HistogramWaterfall zTildeWaterfall = new HistogramWaterfall(Texts.get("network.zTildeAfterBn"));

    private final GridPane grid = new GridPane();
    private Boolean arrangedForBatchNorm;
    private final ChartSeries ratio;
    private final ChartSeries guideLow;
    private final ChartSeries guideHigh;
    private final ChartSeries gammaMean;
    private final ChartSeries gammaMin;
    private final ChartSeries gammaMax;
    private final ChartSeries betaMean;
    private final ChartSeries betaMin;
    private final ChartSeries betaMax;
    private final ChartSeries meanDrift;
    private final ChartSeries varDrift;
    private final ChartSeries dead;
    private final ChartSeries saturated;
    private int refreshes;

    public NetworkView(NetworkViewModel vm) {
        this.vm = vm;
        Color blue = Color.rgb(31, 119, 180);
        Color orange = Color.rgb(255, 127, 14);
        Color grey = Color.gray(0.45);
        ratioChart.setLogY(true);
        ratio = ratioChart.addSeries("‖ΔW‖/‖W‖", blue, 2, 1);
        guideLow = ratioChart.addSeries("1e-4", grey, 1, 0.8);
        guideLow.setDashed(true);
        guideHigh = ratioChart.addSeries("1e-2", grey, 1, 0.8);
        guideHigh.setDashed(true);
        gammaMean = gammaBetaChart.addSeries(Texts.get("network.gammaMean"), blue, 2, 1);
        gammaMin = gammaBetaChart.addSeries(Texts.get("network.gammaMin"), blue, 1, 0.35);
        gammaMax = gammaBetaChart.addSeries(Texts.get("network.gammaMax"), blue, 1, 0.35);
        betaMean = gammaBetaChart.addSeries(Texts.get("network.betaMean"), orange, 2, 1);
        betaMin = gammaBetaChart.addSeries(Texts.get("network.betaMin"), orange, 1, 0.35);
        betaMax = gammaBetaChart.addSeries(Texts.get("network.betaMax"), orange, 1, 0.35);
        meanDrift = driftChart.addSeries(Texts.get("network.meanDrift"), blue, 2, 1);
        varDrift = driftChart.addSeries(Texts.get("network.varDrift"), orange, 2, 1);
        dead = shareChart.addSeries(Texts.get("network.dead"), Color.rgb(214, 39, 40), 2, 1);
        saturated = shareChart.addSeries(Texts.get("network.saturated"), Color.rgb(148, 103, 189), 2, 1);

        layers.setItems(vm.layerNames());
        layers.setPromptText(Texts.get("network.noLayerStats"));
        layers.getSelectionModel().select(vm.selectedIndexProperty().get());
        layers.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                vm.selectedIndexProperty().set(b.intValue());
            }
        });
        vm.selectedIndexProperty().addListener((o, a, b) -> {
            if (layers.getSelectionModel().getSelectedIndex() != b.intValue()) {
                layers.getSelectionModel().select(b.intValue());
            }
        });
        vm.updatesProperty().addListener((o, a, b) -> refresh());

        HBox top = new HBox(8, new Label(Texts.get("network.layer")), layers);
        top.setPadding(new Insets(6));
        setTop(top);

        shareChart.setYRange(new double[] {0, 1}); // a share, whatever the data
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 6, 6, 6));
        arrange(true);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 4; r++) {
            RowConstraints rc = new RowConstraints();
            // the strip keeps its own height (none when hidden); the charts share the rest
            rc.setVgrow(r == 2 ? Priority.NEVER : Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        setCenter(grid);
        refresh();
    }

    private void refresh() {
        refreshes++;
        NetworkViewModel.Layer l = vm.selected();
        double[] x = l == null ? new double[0] : l.epochs();
        fill(ratio, x, l, Metric.UPDATE_RATIO);
        guideLow.data().clear();
        guideHigh.data().clear();
        if (x.length > 0) {
            double x0 = x[0];
            double x1 = x.length > 1 ? x[x.length - 1] : x0 + 1;
            guideLow.data().add(x0, GUIDE_LOW);
            guideLow.data().add(x1, GUIDE_LOW);
            guideHigh.data().add(x0, GUIDE_HIGH);
            guideHigh.data().add(x1, GUIDE_HIGH);
        }
        fill(gammaMean, x, l, Metric.GAMMA_MEAN);
        fill(gammaMin, x, l, Metric.GAMMA_MIN);
        fill(gammaMax, x, l, Metric.GAMMA_MAX);
        fill(betaMean, x, l, Metric.BETA_MEAN);
        fill(betaMin, x, l, Metric.BETA_MIN);
        fill(betaMax, x, l, Metric.BETA_MAX);
        fill(meanDrift, x, l, Metric.MEAN_DRIFT);
        fill(varDrift, x, l, Metric.VAR_DRIFT);
        fill(dead, x, l, Metric.DEAD_SHARE);
        fill(saturated, x, l, Metric.SATURATED_SHARE);
        for (LineChartCanvas c : List.of(ratioChart, gammaBetaChart, driftChart, shareChart)) {
            c.requestRedraw();
        }
        zWaterfall.show(l == null ? List.of() : l.zHistory(), x);
        zTildeWaterfall.show(l == null ? List.of() : l.zTildeHistory(), x);
        boolean bn = l == null || l.batchNorm();
        arrange(bn);
        zWaterfall.setTitle(bn ? Texts.get("network.zBeforeBn") : "z = W·a + b");
        boolean gaps = l != null && l.batchNorm(); // no strip before the first statistics either
        unitStrip.setVisible(gaps);
        unitStrip.setManaged(gaps);
        if (gaps) {
            unitStrip.show(l.lastUnitGaps());
        }
    }

    /**
     * Lays the panels out for a layer with batch norm (all of them) or without (no γ/β, drift,
     * unit strip nor z̃: the layer has none of them, and empty charts would say it has).
     */
    private void arrange(boolean batchNorm) {
        if (Boolean.valueOf(batchNorm).equals(arrangedForBatchNorm)) {
            return;
        }
        arrangedForBatchNorm = batchNorm;
        grid.getChildren().clear();
        if (batchNorm) {
            grid.add(ratioChart, 0, 0);
            grid.add(gammaBetaChart, 1, 0);
            grid.add(driftChart, 0, 1);
            grid.add(shareChart, 1, 1);
            grid.add(unitStrip, 0, 2, 2, 1);
            grid.add(zWaterfall, 0, 3);
            grid.add(zTildeWaterfall, 1, 3);
        } else {
            grid.add(ratioChart, 0, 0);
            grid.add(shareChart, 1, 0);
            grid.add(zWaterfall, 0, 1, 2, 1);
        }
    }

    /** Adds the finite values (positive ones on a log chart); NaN means "not measured". */
    private static void fill(ChartSeries s, double[] x, NetworkViewModel.Layer l, Metric m) {
        s.data().clear();
        if (l == null) {
            return;
        }
        double[] y = l.values(m);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                s.data().add(x[i], y[i]);
            }
        }
    }

    LineChartCanvas ratioChart() {
        return ratioChart;
    }

    ChartSeries ratioSeries() {
        return ratio;
    }

    LineChartCanvas gammaBetaChart() {
        return gammaBetaChart;
    }

    LineChartCanvas driftChart() {
        return driftChart;
    }

    LineChartCanvas shareChart() {
        return shareChart;
    }

    UnitStatsStrip unitStrip() {
        return unitStrip;
    }

    HistogramWaterfall zWaterfall() {
        return zWaterfall;
    }

    HistogramWaterfall zTildeWaterfall() {
        return zTildeWaterfall;
    }

    ComboBox<String> layerChooser() {
        return layers;
    }

    /** How many times the charts were refilled. */
    int refreshes() {
        return refreshes;
    }
}
