package babysitter.ui.fx;

import javafx.scene.control.Labeled;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The icons of the windows, from the Material Design icon font that ships with the program (so a
 * button looks the same whatever fonts the machine has, unlike Unicode symbols such as ⏸).
 */
public final class Icons {
    public static final String PLAY = "mdi2p-play";
    public static final String PAUSE = "mdi2p-pause";
    public static final String STEP = "mdi2s-step-forward";
    public static final String EPOCH = "mdi2s-skip-next";
    public static final String STOP = "mdi2s-stop";
    public static final String CHECKPOINT = "mdi2f-flag";
    public static final String UNDO = "mdi2u-undo";
    public static final String CLOSE = "mdi2c-close";

    private Icons() {
    }

    /** The icon named {@code literal} (one of the constants above). */
    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("icon");
        return icon;
    }

    /** Puts the icon before the text of a button or label. */
    public static <T extends Labeled> T on(T labeled, String literal) {
        labeled.setGraphic(of(literal));
        return labeled;
    }
}
