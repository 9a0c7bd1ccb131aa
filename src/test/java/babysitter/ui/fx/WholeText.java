package babysitter.ui.fx;

import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Test help: whether a label shows its whole text on screen (not cut to "…"). */
public final class WholeText {
    private WholeText() {
    }

    /** The text the label's skin draws: its text, or a shortened one ending in "…" when it does not fit. */
    public static String drawn(Labeled l) {
        StringBuilder b = new StringBuilder();
        l.lookupAll(".text").forEach(n -> {
            if (n instanceof Text t && t.getParent() == l) {
                b.append(t.getText());
            }
        });
        return b.toString();
    }

    public static boolean shown(Labeled l) {
        return drawn(l).replace("\n", " ").replaceAll("\\s+", " ").trim()
                .equals(l.getText().replace("\n", " ").replaceAll("\\s+", " ").trim());
    }
}
