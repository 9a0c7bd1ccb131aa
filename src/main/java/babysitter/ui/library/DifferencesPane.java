package babysitter.ui.library;

import babysitter.i18n.Texts;
import babysitter.store.RunLibrary;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected runs side by side: their configurations, the keys whose values differ marked (and
 * shown alone on request), and below them what changed during each run.
 */
final class DifferencesPane extends VBox {
    private final LibraryViewModel vm;
    private final GridPane grid = new GridPane();
    private final GridPane changes = new GridPane();
    private final CheckBox onlyDifferent = new CheckBox(Texts.get("library.onlyDifferent"));

    DifferencesPane(LibraryViewModel vm) {
        this.vm = vm;
        grid.setId("differencesGrid");
        grid.setHgap(16);
        grid.setVgap(2);
        grid.setPadding(new Insets(8));
        onlyDifferent.setId("onlyDifferent");
        onlyDifferent.selectedProperty().addListener((o, a, b) -> rebuild());
        changes.setId("changesGrid");
        changes.setHgap(24);
        changes.setVgap(2);
        changes.setPadding(new Insets(8));
        Label changesHeading = heading(Texts.get("library.changesHeading"));
        changesHeading.setPadding(new Insets(12, 0, 0, 8));
        ScrollPane scroll = new ScrollPane(new VBox(grid, changesHeading, changes));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(onlyDifferent, scroll);
        setSpacing(6);
        setPadding(new Insets(8));
        vm.differences().addListener((ListChangeListener<ConfigDiff.Row>) c -> rebuild());
        vm.changes().addListener((ListChangeListener<RunChanges.Column>) c -> rebuildChanges());
    }

    private void rebuildChanges() {
        changes.getChildren().clear();
        int col = 0;
        for (RunChanges.Column c : vm.changes()) {
            changes.add(heading(c.run()), col, 0);
            List<String> lines = c.changes().isEmpty() ? List.of(Texts.get("library.nothingChanged")) : c.changes();
            for (int i = 0; i < lines.size(); i++) {
                Label l = new Label(lines.get(i));
                l.setId("change-" + col + "-" + i);
                changes.add(l, col, i + 1);
            }
            col++;
        }
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.add(heading(Texts.get("library.key")), 0, 0);
        int col = 1;
        for (RunLibrary.Entry e : vm.selected()) {
            grid.add(heading(e.summary().name()), col++, 0);
        }
        int row = 1;
        for (ConfigDiff.Row r : vm.differences()) {
            if (onlyDifferent.isSelected() && !r.differs()) {
                continue;
            }
            Label key = cell(r.key(), r.differs());
            key.setId("key-" + r.key());
            grid.add(key, 0, row);
            for (int i = 0; i < r.values().size(); i++) {
                grid.add(cell(ConfigValueWords.say(r.key(), r.values().get(i)), r.differs()), i + 1, row);
            }
            row++;
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }

    private static Label cell(String text, boolean differs) {
        Label l = new Label(text);
        if (differs) {
            l.getStyleClass().add("differs");
        }
        return l;
    }
}
