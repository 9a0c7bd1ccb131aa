package babysitter.ui.main;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * The main window's three columns, side by side in a split pane: the setup panel, the charts and
 * the live controls. The dividers can be dragged; either side panel can be hidden and shown again
 * (View menu); when the window grows or shrinks, the charts take the difference and the side panels
 * keep their width.
 */
final class Columns {
    private final SplitPane split = new SplitPane();
    private final Region setup;
    private final Node charts;
    private final Region controls;
    private final BooleanProperty setupShown = new SimpleBooleanProperty(true);
    private final BooleanProperty controlsShown = new SimpleBooleanProperty(true);
    private final double setupWidth;
    private final double controlsWidth;

    Columns(Region setup, Node charts, Region controls) {
        this.setup = setup;
        this.charts = charts;
        this.controls = controls;
        this.setupWidth = setup.getPrefWidth();
        this.controlsWidth = controls.getPrefWidth();
        split.setId("columns");
        SplitPane.setResizableWithParent(setup, false);
        SplitPane.setResizableWithParent(controls, false);
        setupShown.addListener((o, a, b) -> arrange());
        controlsShown.addListener((o, a, b) -> arrange());
        // the dividers are placed for the side panels' widths once the pane has a width
        split.widthProperty().addListener((o, was, now) -> {
            if (was.doubleValue() == 0 && now.doubleValue() > 0) {
                placeDividers();
            }
        });
        arrange();
    }

    SplitPane pane() {
        return split;
    }

    /** Whether the setup panel is shown. */
    BooleanProperty setupShownProperty() {
        return setupShown;
    }

    /** Whether the live controls panel is shown. */
    BooleanProperty controlsShownProperty() {
        return controlsShown;
    }

    private void arrange() {
        split.getItems().clear();
        if (setupShown.get()) {
            split.getItems().add(setup);
        }
        split.getItems().add(charts);
        if (controlsShown.get()) {
            split.getItems().add(controls);
        }
        placeDividers();
    }

    private void placeDividers() {
        double w = split.getWidth();
        if (w <= 0) {
            return;
        }
        int d = 0;
        if (setupShown.get()) {
            split.setDividerPosition(d++, Math.min(0.45, setupWidth / w));
        }
        if (controlsShown.get()) {
            split.setDividerPosition(d, Math.max(0.55, 1 - controlsWidth / w));
        }
    }
}
