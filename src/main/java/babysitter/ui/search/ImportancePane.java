package babysitter.ui.search;

import babysitter.i18n.Texts;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The importance bar chart: one bar per hyperparameter (its share of the variance of the best dev
 * accuracy, ± its spread over the forest's trees, and the course's tier), then the pairs that
 * matter; under it the course's order and the one-line reading. Binds to {@link ImportanceViewModel}.
 */
public final class ImportancePane extends VBox {
    private static final double BAR = 100;
    private final ImportanceViewModel vm;
    private final GridPane bars = new GridPane();

    public ImportancePane(ImportanceViewModel vm) {
        this.vm = vm;
        setId("importance");
        setSpacing(4);
        setPadding(new Insets(6, 8, 6, 8));
        setMinWidth(330);
        setPrefWidth(360);
        Label title = new Label(Texts.get("search.importance.title"));
        title.setStyle("-fx-font-weight: bold;");
        bars.setId("importanceBars");
        bars.setHgap(6);
        bars.setVgap(3);
        Label basis = new Label();
        basis.setId("importanceBasis");
        basis.getStyleClass().add("readout");
        basis.setWrapText(true);
        basis.textProperty().bind(vm.basisProperty());
        Label course = new Label(vm.courseLine());
        course.setId("courseOrder");
        course.getStyleClass().add("readout");
        course.setWrapText(true);
        Label reading = new Label();
        reading.setId("importanceReading");
        reading.setWrapText(true);
        reading.textProperty().bind(vm.readingProperty());
        getChildren().addAll(title, bars, basis, course, reading);
        vm.bars().addListener((ListChangeListener<ImportanceViewModel.Bar>) c -> showBars());
        showBars();
    }

    private void showBars() {
        bars.getChildren().clear();
        int row = 0;
        for (ImportanceViewModel.Bar b : vm.bars()) {
            Label name = new Label(b.label());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Rectangle bar = new Rectangle(Math.max(1, BAR * Math.max(0, Math.min(1, b.share()))), 12);
            bar.setId("bar-" + b.id());
            bar.setFill(b.courseTier() == 0 && b.id().contains("×") ? Color.web("#9467bd") : Color.web("#1f77b4"));
            Rectangle track = new Rectangle(BAR, 12, Color.rgb(238, 238, 238));
            StackPane cell = new StackPane(track, bar);
            cell.setAlignment(Pos.CENTER_LEFT);
            Label value = new Label(b.valueText());
            value.getStyleClass().add("readout");
            value.setMinWidth(Region.USE_PREF_SIZE);
            Label tier = new Label(b.courseTier() == 0 ? "" : Texts.get("search.importance.tier", b.courseTier()));
            tier.getStyleClass().add("readout");
            tier.setMinWidth(Region.USE_PREF_SIZE);
            bars.addRow(row++, name, cell, value, tier);
        }
    }
}
