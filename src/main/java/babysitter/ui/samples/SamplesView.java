package babysitter.ui.samples;

import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.ui.fx.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The sample browser: a grid of thumbnails (grey-scale images, or cards of feature values) with a
 * green border when predicted right and a red one when wrong; clicking one selects it. On the
 * right, the selected sample large and one horizontal probability bar per class, the true class
 * marked.
 */
public final class SamplesView extends BorderPane {
    /** Border colour of a sample predicted right. */
    public static final Color RIGHT = Color.web("#2e9e44");
    /** Border colour of a sample predicted wrong. */
    public static final Color WRONG = Color.web("#d13b3b");
    static final double THUMB = 48;
    static final double LARGE = 200;
    static final double BAR_WIDTH = 220;

    private final SamplesViewModel vm;
    private final FlowPane grid = new FlowPane(6, 6);
    private final VBox detail = new VBox(8);
    private final StackPane large = new StackPane();
    private final VBox bars = new VBox(4);
    private final Label caption = new Label(Texts.get("samples.none"));

    public SamplesView(SamplesViewModel vm) {
        this.vm = vm;
        grid.setId("samplesGrid");
        grid.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        caption.setId("samplesCaption");
        bars.setId("probabilityBars");
        large.setId("largeSample");
        large.setMinSize(LARGE, LARGE);
        detail.getChildren().addAll(caption, large, bars);
        detail.setPadding(new Insets(8));
        detail.setMinWidth(Region.USE_PREF_SIZE);
        caption.setWrapText(true);
        caption.setMaxWidth(LARGE + 120);
        setRight(detail);
        vm.reportProperty().addListener((obs, was, now) -> rebuildGrid());
        vm.selectedIndexProperty().addListener((obs, was, now) -> {
            rebuildGrid();
            showSelected();
        });
        vm.barsProperty().addListener((obs, was, now) -> showSelected());
        rebuildGrid();
        showSelected();
    }

    /** The thumbnails, in sample order. */
    public List<Node> thumbnails() {
        return List.copyOf(grid.getChildren());
    }

    /** The border colour of thumbnail {@code i}. */
    public Color borderColor(int i) {
        return (Color) ((Rectangle) ((StackPane) grid.getChildren().get(i)).getChildren().get(0)).getStroke();
    }

    private void rebuildGrid() {
        grid.getChildren().clear();
        Report.SamplesReport r = vm.reportProperty().get();
        if (r == null) {
            return;
        }
        for (int i = 0; i < r.size(); i++) {
            Rectangle frame = new Rectangle(THUMB + 6, THUMB + 6, Color.TRANSPARENT);
            frame.setStroke(vm.correct(i) ? RIGHT : WRONG);
            frame.setStrokeWidth(i == vm.selectedIndexProperty().get() ? 4 : 2);
            StackPane cell = new StackPane(frame, sampleNode(r, i, THUMB));
            cell.setId("sample" + i);
            int index = i;
            cell.setOnMouseClicked(e -> vm.selectedIndexProperty().set(index));
            grid.getChildren().add(cell);
        }
    }

    private void showSelected() {
        Report.SamplesReport r = vm.reportProperty().get();
        int i = vm.selectedIndexProperty().get();
        large.getChildren().clear();
        bars.getChildren().clear();
        if (r == null || i < 0) {
            caption.setText(Texts.get("samples.none"));
            return;
        }
        String truth = r.classNames().get(r.label(i));
        String predicted = r.classNames().get(r.predicted(i));
        caption.setText(Texts.get("samples.caption", r.epoch() + 1, i + 1, truth, predicted,
                Texts.get(vm.selectedCorrect() ? "samples.right" : "samples.wrong")));
        large.getChildren().add(sampleNode(r, i, LARGE));
        List<SamplesViewModel.Bar> list = vm.barsProperty().get();
        List<Label> names = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            SamplesViewModel.Bar b = list.get(k);
            Label name = new Label((b.trueClass() ? "✓ " : "  ") + b.className());
            names.add(name);
            if (b.trueClass()) {
                name.setStyle("-fx-font-weight: bold;");
            }
            Rectangle back = new Rectangle(BAR_WIDTH, 14, Color.web("#e6e6e6"));
            Rectangle bar = new Rectangle(Math.max(0, Math.min(1, b.probability())) * BAR_WIDTH, 14,
                    b.trueClass() ? RIGHT : (k == r.predicted(i) ? WRONG : Color.web("#5b7db1")));
            StackPane track = new StackPane(back, bar);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            Label pct = new Label(String.format(Locale.ROOT, "%.1f%%", 100 * b.probability()));
            pct.setId("pct" + k);
            pct.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, name, track, pct);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setId("bar" + k);
            bars.getChildren().add(row);
        }
        Labels.sameWidth(names);
    }

    /** A square grey-scale image (min–max scaled, dark = low) or a card of the feature values. */
    static Node sampleNode(Report.SamplesReport r, int i, double size) {
        if (r.imageSide() > 0) {
            int side = r.imageSide();
            Canvas c = new Canvas(size, size);
            GraphicsContext g = c.getGraphicsContext2D();
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < r.features(); j++) {
                min = Math.min(min, r.value(i, j));
                max = Math.max(max, r.value(i, j));
            }
            double span = max > min ? max - min : 1;
            double px = size / side;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double v = (r.value(i, y * side + x) - min) / span;
                    g.setFill(Color.gray(Math.max(0, Math.min(1, v))));
                    g.fillRect(x * px, y * px, Math.ceil(px), Math.ceil(px));
                }
            }
            return c;
        }
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(r.features(), size > THUMB ? 12 : 3);
        for (int j = 0; j < shown; j++) {
            if (j > 0) {
                sb.append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%.2f", r.value(i, j)));
        }
        if (shown < r.features()) {
            sb.append("\n…");
        }
        Label l = new Label(sb.toString());
        l.setStyle(size > THUMB ? "-fx-font-size: 14px;" : "-fx-font-size: 9px;");
        l.setMinSize(size, size);
        l.setMaxSize(size, size);
        l.setAlignment(Pos.CENTER);
        return l;
    }
}
