package babysitter.ui.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.control.Label;
import javafx.scene.text.Text;

/** Labels in a column that must show their whole text. */
public final class Labels {
    private Labels() {
    }

    /**
     * Gives every label the width of the widest text among them (after styling, so nothing is cut
     * to "…"), which also lines up whatever follows them in their rows.
     */
    public static void sameWidth(List<Label> labels) {
        List<Observable> deps = new ArrayList<>();
        for (Label l : labels) {
            deps.add(l.fontProperty());
            deps.add(l.textProperty());
            deps.add(l.insetsProperty());
            deps.add(l.graphicProperty());
        }
        DoubleBinding widest = Bindings.createDoubleBinding(() -> labels.stream().mapToDouble(Labels::textWidth)
                .max().orElse(0), deps.toArray(Observable[]::new));
        for (Label l : labels) {
            l.minWidthProperty().bind(widest);
            l.prefWidthProperty().bind(widest);
        }
    }

    /** The room the label's text needs, with its padding. */
    static double textWidth(Label l) {
        Text probe = new Text(l.getText() == null ? "" : l.getText());
        probe.setFont(l.getFont());
        return Math.ceil(probe.getLayoutBounds().getWidth() + l.getInsets().getLeft() + l.getInsets().getRight()) + 2;
    }
}
