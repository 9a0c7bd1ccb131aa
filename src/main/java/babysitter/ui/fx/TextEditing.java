package babysitter.ui.fx;

import java.util.function.BooleanSupplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * How a text field ends an edit in every window: Enter commits and, if the value was taken, gives
 * the keyboard back to the window (so Space, Ctrl+Z and the other session keys act on the session,
 * not on the text); Esc puts back the value the field had when the edit began and gives the
 * keyboard back too. A refused value keeps the focus, so the person can correct it.
 */
public final class TextEditing {
    private static final String BEFORE = "babysitter.textBeforeEdit";

    private TextEditing() {
    }

    /**
     * Enter runs {@code commit} (true when the value was taken), Esc runs {@code revert}; both give
     * the focus back when the edit is over.
     */
    public static void install(TextInputControl field, BooleanSupplier commit, Runnable revert) {
        field.addEventHandler(ActionEvent.ACTION, e -> {
            if (commit.getAsBoolean()) {
                giveBack(field);
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                revert.run();
                giveBack(field);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !(field instanceof TextField)) {
                if (commit.getAsBoolean()) {
                    giveBack(field);
                }
                e.consume();
            }
        });
    }

    /**
     * For a field whose text is bound to the model (it commits as it is typed): Enter ends the edit,
     * Esc puts back the text it had when it got the focus.
     */
    public static void install(TextInputControl field) {
        field.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                field.getProperties().put(BEFORE, field.getText());
            }
        });
        install(field, () -> true, () -> {
            Object before = field.getProperties().get(BEFORE);
            if (before instanceof String s) {
                field.setText(s);
            }
        });
    }

    /** True when the keyboard is in a text field: keys then edit text, they are not commands. */
    public static boolean editing(Scene scene) {
        return scene != null && scene.getFocusOwner() instanceof TextInputControl;
    }

    /** Moves the focus from {@code field} to its window's root, which passes keys on to the window's commands. */
    public static void giveBack(Node field) {
        Scene scene = field.getScene();
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().requestFocus();
        }
    }
}
