package babysitter.ui.fx;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The notification banner of a window: a wrapping message and a ✕, shown only while there is a message. */
public final class Banner {
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
        Button close = new Button("✕");
        close.setOnAction(e -> dismiss.run());
        HBox box = new HBox(8, banner, close);
        HBox.setHgrow(banner, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("notification-box");
        box.visibleProperty().bind(Bindings.isNotEmpty(message));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
