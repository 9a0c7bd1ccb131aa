package babysitter.ui.siblings;

import babysitter.i18n.Texts;
import babysitter.ui.monitor.MonitorView;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The siblings while they train and until one is adopted: a row per sibling (its colour on the
 * charts, α, the varied β, dev accuracy and cost, epochs, state) with Adopt, the best one highlighted, the
 * progress, and Discard. Shown only while there are siblings.
 */
public final class SiblingsPanel extends VBox {
    private final SiblingsViewModel vm;
    private final GridPane table = new GridPane();

    public SiblingsPanel(SiblingsViewModel vm) {
        this.vm = vm;
        setId("siblingsPanel");
        getStyleClass().add("siblings-panel");
        setSpacing(4);
        setPadding(new Insets(4, 8, 4, 8));
        Label title = new Label();
        title.setId("siblingsTitle");
        title.getStyleClass().add("heading");
        title.textProperty().bind(vm.titleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("siblingsProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(160);
        Label progressText = new Label();
        progressText.setId("siblingsProgressText");
        progressText.textProperty().bind(vm.progressTextProperty());
        Button best = new Button(Texts.get("siblings.adoptBest"));
        best.setId("adoptBestSibling");
        best.setTooltip(new Tooltip(Texts.get("siblings.adoptBestTip")));
        best.disableProperty().bind(vm.winnerProperty().lessThan(0));
        best.setOnAction(e -> vm.adoptWinner());
        Button discard = new Button(Texts.get("siblings.discard"));
        discard.setId("discardSiblings");
        discard.setTooltip(new Tooltip(Texts.get("siblings.discardTip")));
        discard.setOnAction(e -> vm.discard());
        best.setMinWidth(Region.USE_PREF_SIZE);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, best, discard);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox progressRow = new HBox(8, progress, progressText);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        table.setId("siblingsTable");
        table.setHgap(14);
        table.setVgap(1);
        getChildren().addAll(head, progressRow, table);
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(visibleProperty());
        vm.rows().addListener((ListChangeListener<SiblingsViewModel.Row>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        table.getChildren().clear();
        String[] heads = {"", Texts.get("siblings.col.sibling"), "α", vm.betaHeadingProperty().get(),
            Texts.get("siblings.col.devAccuracy"), Texts.get("siblings.col.devCost"), Texts.get("siblings.col.epochs"),
            Texts.get("siblings.col.state"), ""};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("column-head");
            table.add(h, c, 0);
        }
        int r = 1;
        for (SiblingsViewModel.Row row : vm.rows()) {
            Rectangle swatch = new Rectangle(14, 3, MonitorView.siblingColor(row.index()));
            Label[] cells = {new Label(row.name()), new Label(row.alpha()), new Label(row.beta()),
                new Label(row.devAccuracy()), new Label(row.devCost()), new Label(row.epochs()), new Label(row.state())};
            table.add(swatch, 0, r);
            for (int c = 0; c < cells.length; c++) {
                if (row.winner()) {
                    cells[c].getStyleClass().add("winner");
                }
                table.add(cells[c], c + 1, r);
            }
            cells[6].setId("siblingState-" + row.index());
            Button adopt = new Button(Texts.get(row.winner() ? "siblings.adoptWinner" : "siblings.adopt"));
            adopt.setId("adoptSibling-" + row.index());
            adopt.setDisable(!row.adoptable());
            adopt.setTooltip(new Tooltip(row.beta().equals("—") ? Texts.get("siblings.adoptTip", row.alpha())
                    : Texts.get("siblings.adoptTipBeta", row.alpha(), vm.betaHeadingProperty().get(), row.beta())));
            int index = row.index();
            adopt.setOnAction(e -> vm.adopt(index));
            table.add(adopt, 8, r);
            r++;
        }
    }
}
