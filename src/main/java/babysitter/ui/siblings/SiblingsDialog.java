package babysitter.ui.siblings;

import babysitter.i18n.Texts;
import babysitter.session.configuration.OptimizerBeta;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Session ▸ Try siblings…: how many, how long, how wide; OK is off while a field is wrong. */
public final class SiblingsDialog extends Dialog<ButtonType> {
    /** The button that starts the siblings. */
    public static final ButtonType TRAIN = new ButtonType(Texts.get("siblings.train"), ButtonBar.ButtonData.OK_DONE);

    public SiblingsDialog(SiblingsViewModel vm) {
        setTitle(Texts.get("siblings.title"));
        OptimizerBeta varied = vm.varied();
        boolean noBeta = varied == OptimizerBeta.NONE;
        String sym = noBeta ? "β" : varied.symbol();
        setHeaderText(noBeta ? Texts.get("siblings.headerNoBeta") : Texts.get("siblings.header", sym));
        getDialogPane().setId("siblingsDialog");
        getDialogPane().getButtonTypes().setAll(TRAIN, ButtonType.CANCEL);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        grid.setPadding(new Insets(8));
        int row = 0;
        row = field(grid, row, Texts.get("siblings.count"), "siblingCount", vm.countProperty(), vm.countErrorProperty(),
                noBeta ? Texts.get("siblings.countTipNoBeta") : Texts.get("siblings.countTip", sym));
        row = field(grid, row, Texts.get("siblings.epochs"), "siblingEpochs", vm.epochsProperty(),
                vm.epochsErrorProperty(), Texts.get("siblings.epochsTip"));
        row = field(grid, row, Texts.get("siblings.alphaWindow"), "siblingAlphaWindow", vm.alphaWindowProperty(),
                vm.alphaErrorProperty(), Texts.get("siblings.alphaWindowTip"));
        field(grid, row, noBeta ? Texts.get("siblings.betaWindowNoBeta") : Texts.get("siblings.betaWindow", sym),
                "siblingBetaWindow", vm.betaWindowProperty(), vm.betaErrorProperty(), noBeta
                        ? Texts.get("siblings.betaWindowTipNoBeta") : Texts.get("siblings.betaWindowTip", sym));
        grid.getChildren().stream().filter(n -> "siblingBetaWindow".equals(n.getId())).forEach(n -> n.setDisable(noBeta));
        Label ranges = new Label();
        ranges.setId("siblingRanges");
        ranges.setWrapText(true);
        ranges.setMaxWidth(460);
        ranges.textProperty().bind(Bindings.createStringBinding(vm::ranges, vm.countProperty(), vm.epochsProperty(),
                vm.alphaWindowProperty(), vm.betaWindowProperty()));
        VBox content = new VBox(8, grid, ranges);
        getDialogPane().setContent(content);
        Button ok = (Button) getDialogPane().lookupButton(TRAIN);
        ok.setId("siblingsOk");
        ok.disableProperty().bind(vm.validProperty().not());
    }

    private static int field(GridPane grid, int row, String label, String id, StringProperty value,
                             ObservableStringValue error, String tip) {
        Label l = new Label(label);
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(6);
        f.textProperty().bindBidirectional(value);
        f.setTooltip(new Tooltip(tip));
        l.setLabelFor(f);
        Label e = new Label();
        e.setId(id + "Error");
        e.getStyleClass().add("error");
        e.setWrapText(true);
        e.setMaxWidth(460);
        e.textProperty().bind(error);
        e.visibleProperty().bind(Bindings.isNotEmpty(error));
        e.managedProperty().bind(e.visibleProperty());
        grid.add(l, 0, row);
        grid.add(f, 1, row);
        grid.add(e, 0, row + 1, 2, 1);
        return row + 2;
    }

    /** Shows the dialog; on "Train siblings" sends the command. Whether siblings were started. */
    public static boolean show(Window owner, SiblingsViewModel vm) {
        SiblingsDialog d = new SiblingsDialog(vm);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.getDialogPane().getStylesheets().add(
                SiblingsDialog.class.getResource("/babysitter/ui/babysitter.css").toExternalForm());
        Optional<ButtonType> answer = d.showAndWait();
        return answer.isPresent() && answer.get() == TRAIN && vm.trySiblings();
    }

}
