package babysitter.ui.fx;

import babysitter.i18n.Texts;
import java.io.IOException;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The notification banner of a window: a wrapping message and a ✕, shown only while there is a message. */
public final class Banner {
    private static final String STYLE_CLASS = "notification-box";
    private static final String MESSAGE = "babysitter.bannerMessage";
    private Banner() {
    }

    /**
     * A banner showing {@code message}; the label gets {@code id}, and ✕ runs {@code dismiss}.
     * It takes no room while the message is empty.
     */
    public static HBox of(String id, ObservableStringValue message, Runnable dismiss) {
        Label banner = new Label();
        banner.setId(id);
        banner.getStyleClass().add("notification");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(message);
        Button close = Icons.on(new Button(), Icons.CLOSE);
        close.setId(id + "Close");
        close.setTooltip(new Tooltip(Texts.get("fx.dismiss")));
        close.setOnAction(e -> dismiss.run());
        HBox box = new HBox(8, banner, close);
        HBox.setHgrow(banner, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(STYLE_CLASS);
        box.visibleProperty().bind(Bindings.isNotEmpty(message));
        box.managedProperty().bind(box.visibleProperty());
        box.getProperties().put(MESSAGE, message);
        return box;
    }

    /** What a picture of the window should not show: it is about this moment, not about the training. */
    public interface Picture {
        void take() throws IOException;
    }

    /**
     * Takes {@code picture} of {@code root} with its banners out of the layout (an exported window
     * shows the training, not a passing message), then puts them back.
     */
    public static void without(Parent root, Picture picture) throws IOException {
        List<Node> banners = List.copyOf(root.lookupAll("." + STYLE_CLASS));
        banners.forEach(b -> {
            b.visibleProperty().unbind();
            b.setVisible(false);
        });
        root.applyCss();
        root.layout();
        try {
            picture.take();
        } finally {
            for (Node b : banners) {
                if (b.getProperties().get(MESSAGE) instanceof ObservableStringValue message) {
                    b.visibleProperty().bind(Bindings.isNotEmpty(message));
                }
            }
            root.layout();
        }
    }
}
