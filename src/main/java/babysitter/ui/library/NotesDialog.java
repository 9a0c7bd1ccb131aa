package babysitter.ui.library;

import babysitter.i18n.Texts;
import babysitter.store.RunLibrary;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a run's note and tags; the answer is {note, tags text}. */
final class NotesDialog {
    private NotesDialog() {
    }

    static Optional<String[]> ask(Window owner, RunLibrary.Entry e) {
        Dialog<String[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Texts.get("library.notesTitle"));
        d.setHeaderText(Texts.get("library.notesHeader", e.summary().name()));
        TextArea note = new TextArea(e.summary().notes().note());
        note.setId("noteArea");
        note.setPrefRowCount(5);
        note.setWrapText(true);
        TextField tags = new TextField(String.join(", ", e.summary().tags()));
        tags.setId("tagsField");
        tags.setPromptText(Texts.get("library.tagsPrompt"));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label(Texts.get("library.note")), note);
        g.addRow(1, new Label(Texts.get("library.tags")), tags);
        d.getDialogPane().setContent(g);
        d.getDialogPane().setId("notesDialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new String[] {note.getText(), tags.getText()} : null);
        return d.showAndWait();
    }
}
