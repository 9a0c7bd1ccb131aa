package babysitter.ui.classes;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.ui.fx.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The "Classes" view: an epoch slider over the kept confusion matrices with an "epoch N" label,
 * the selected matrix on a canvas (rows the true class, columns the predicted one, each cell
 * shaded by its share of the row and labelled with its count), and per-class accuracy as
 * horizontal bars with numbers. It redraws when the selected report changes.
 */
public final class ClassesView extends BorderPane {
    static final double CANVAS_SIZE = 560;
    static final double BAR_WIDTH = 220;
    /** The colour of a cell holding its whole row. */
    static final Color FULL = Color.web("#1f5fa8");
    private static final double LEFT = 96;
    private static final double TOP = 72;
    private static final double MARGIN = 12;

    private final ClassesViewModel vm;
    private final Slider slider = new Slider(0, 0, 0);
    private final Label epochLabel = new Label(Texts.get("classes.noEpoch"));
    private final Label overall = new Label("");
    private final Canvas canvas = new Canvas(CANVAS_SIZE, CANVAS_SIZE);
    private final VBox bars = new VBox(4);
    private int redraws;
    private Report.ConfusionReport drawn;

    public ClassesView(ClassesViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        setId("classesView");
        slider.setId("epochSlider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        epochLabel.setId("epochLabel");
        epochLabel.setMinWidth(90);
        overall.setId("overallAccuracy");
        canvas.setId("confusionCanvas");
        bars.setId("classBars");

        HBox top = new HBox(10, new Label(Texts.get("classes.devSetAfter")), slider, epochLabel, overall);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(new StackPane(canvas));
        Label barsTitle = new Label(Texts.get("classes.barsTitle"));
        barsTitle.setStyle("-fx-font-weight: bold");
        VBox right = new VBox(8, barsTitle, bars);
        right.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        // as wide as its rows (class names and "100.0 % (1000/1000)" are never cut)
        scroll.setMinWidth(Region.USE_PREF_SIZE);
        setRight(scroll);

        vm.countProperty().addListener((o, a, n) -> updateRange());
        slider.valueProperty().addListener((o, a, v) -> {
            int i = (int) Math.round(v.doubleValue());
            if (vm.countProperty().get() > 0 && i != vm.epochIndexProperty().get()) {
                vm.epochIndexProperty().set(i);
            }
        });
        vm.epochIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0 && Math.round(slider.getValue()) != i.intValue()) {
                slider.setValue(i.intValue());
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> show(r));
        updateRange();
        show(vm.selectedProperty().get());
    }

    private void updateRange() {
        int n = vm.countProperty().get();
        slider.setMax(Math.max(0, n - 1));
        slider.setDisable(n < 2);
        if (vm.epochIndexProperty().get() >= 0) {
            slider.setValue(vm.epochIndexProperty().get());
        }
    }

    private void show(Report.ConfusionReport r) {
        epochLabel.setText(r == null ? Texts.get("classes.noEpoch") : vm.captionProperty().get());
        double acc = r == null ? Double.NaN : ClassesViewModel.overallAccuracy(r);
        overall.setText(Double.isNaN(acc) ? "" : Texts.get("classes.overall", 100 * acc, r.total()));
        draw(r);
        showBars(r);
    }

    private void showBars(Report.ConfusionReport r) {
        bars.getChildren().clear();
        if (r == null) {
            return;
        }
        double[] acc = ClassesViewModel.perClassAccuracy(r);
        List<Label> names = new ArrayList<>();
        for (int c = 0; c < acc.length; c++) {
            Label name = new Label(r.classNames().get(c));
            names.add(name);
            double a = acc[c];
            Rectangle back = new Rectangle(BAR_WIDTH, 14, Color.web("#e8e8e8"));
            Rectangle bar = new Rectangle(Double.isNaN(a) ? 0 : BAR_WIDTH * a, 14, FULL);
            bar.setId("classBar-" + c);
            StackPane track = new StackPane(back, bar);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            Label value = new Label(Double.isNaN(a) ? Texts.get("classes.noRows")
                    : Texts.get("classes.bar", 100 * a, r.count(c, c), r.rowSum(c)));
            value.setId("classValue-" + c);
            value.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, name, track, value);
            row.setAlignment(Pos.CENTER_LEFT);
            bars.getChildren().add(row);
        }
        Labels.sameWidth(names);
    }

    /** The fill of a cell holding {@code share} of its row, over white. */
    static Color cellColour(double share) {
        double a = Math.max(0, Math.min(1, share));
        return Color.color(1 - a + a * FULL.getRed(), 1 - a + a * FULL.getGreen(), 1 - a + a * FULL.getBlue());
    }

    private void draw(Report.ConfusionReport r) {
        redraws++;
        drawn = r;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (r == null) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Texts.get("classes.empty"), w / 2, h / 2);
            return;
        }
        int c = r.classes();
        double size = Math.min(w - LEFT - MARGIN, h - TOP - MARGIN);
        double cell = size / c;
        double fontSize = Math.max(7, Math.min(13, cell * 0.35));
        Font font = Font.font(fontSize);
        g.setFont(font);
        // cells
        for (int t = 0; t < c; t++) {
            for (int p = 0; p < c; p++) {
                double share = ClassesViewModel.rowShare(r, t, p);
                double x = LEFT + p * cell;
                double y = TOP + t * cell;
                g.setFill(cellColour(share));
                g.fillRect(x, y, cell, cell);
                if (cell >= 14) {
                    g.setFill(share > 0.5 ? Color.WHITE : Color.BLACK);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.fillText(Long.toString(r.count(t, p)), x + cell / 2, y + cell / 2, cell - 2);
                }
            }
        }
        // grid and the diagonal's outline
        g.setStroke(Color.web("#bbbbbb"));
        g.setLineWidth(0.5);
        for (int i = 0; i <= c; i++) {
            g.strokeLine(LEFT + i * cell, TOP, LEFT + i * cell, TOP + size);
            g.strokeLine(LEFT, TOP + i * cell, LEFT + size, TOP + i * cell);
        }
        // class names: rows on the left, columns on top
        g.setFill(Color.BLACK);
        boolean names = cell >= 9;
        for (int i = 0; i < c && names; i++) {
            String name = r.classNames().get(i);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(name, LEFT - 4, TOP + i * cell + cell / 2, LEFT - 28);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(name, LEFT + i * cell + cell / 2, TOP - 4, cell - 2);
        }
        // axis titles
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Texts.get("classes.predicted"), LEFT + size / 2, 6);
        g.save();
        g.translate(10, TOP + size / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Texts.get("classes.true"), 0, 0);
        g.restore();
    }

    /** How many times the canvas was painted. */
    int redraws() {
        return redraws;
    }

    /** The report the canvas shows (null when none). */
    Report.ConfusionReport drawn() {
        return drawn;
    }

    /** The canvas (for tests). */
    Canvas canvas() {
        return canvas;
    }
}
