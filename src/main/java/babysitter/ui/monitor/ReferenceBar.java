package babysitter.ui.monitor;

import babysitter.i18n.Texts;
import babysitter.ui.fx.Buttons;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;

/**
 * The reference runs on the monitor's charts, beside the display options: per run a button in its
 * colour that takes it off, and one that takes them all off. Hidden while there are none.
 */
final class ReferenceBar extends HBox {
    private final ReferenceOverlay references;

    ReferenceBar(ReferenceOverlay references) {
        super(6);
        this.references = references;
        setId("referenceBar");
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        managedProperty().bind(visibleProperty());
        references.runs().addListener((ListChangeListener<ReferenceRun>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<ReferenceRun> runs = references.runs();
        setVisible(!runs.isEmpty());
        List<Node> children = new ArrayList<>();
        children.add(new Label(Texts.get("monitor.references")));
        List<Integer> slots = references.slots();
        for (int i = 0; i < runs.size(); i++) {
            ReferenceRun r = runs.get(i);
            Button remove = Buttons.button("removeReference-" + i, "× " + r.name(),
                    Texts.get("monitor.removeReferenceTip", r.name(), r.dir()), () -> references.remove(r));
            Rectangle swatch = new Rectangle(10, 10, MonitorView.referenceColor(slots.get(i)));
            remove.setGraphic(swatch);
            remove.getStyleClass().add("reference-button");
            children.add(remove);
        }
        children.add(Buttons.button("clearReferences", Texts.get("monitor.clearReferences"), Texts.get("monitor.clearReferencesTip"),
                references::clear));
        getChildren().setAll(children);
    }
}
