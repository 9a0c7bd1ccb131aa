package babysitter.ui.search;

import babysitter.i18n.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/** New search's "Recent" button: the recent spaces, each with its folder and date; choosing one fills the space field. */
final class RecentSpacesMenu {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private RecentSpacesMenu() {
    }

    static MenuButton of(RecentSpaces recent, StringProperty spaceFile) {
        MenuButton button = new MenuButton(Texts.get("search.recent"));
        button.setId("recentSpaces");
        button.setTooltip(new Tooltip(Texts.get("search.recentTip", recent.spacesFolder())));
        fill(button, recent.list(), spaceFile);
        // listed again each time it opens: "Search around this run" may have written one meanwhile
        button.setOnShowing(e -> fill(button, recent.list(), spaceFile));
        return button;
    }

    private static void fill(MenuButton button, List<Path> spaces, StringProperty spaceFile) {
        button.getItems().clear();
        for (int i = 0; i < spaces.size(); i++) {
            Path p = spaces.get(i);
            MenuItem item = new MenuItem(p.getFileName() + "  ·  " + p.getParent() + "  ·  " + modified(p));
            item.setId("recentSpace-" + i);
            item.setOnAction(e -> spaceFile.set(p.toString()));
            button.getItems().add(item);
        }
        if (spaces.isEmpty()) {
            MenuItem none = new MenuItem(Texts.get("search.recentNone"));
            none.setDisable(true);
            button.getItems().add(none);
        }
    }

    private static String modified(Path p) {
        try {
            return WHEN.format(Files.getLastModifiedTime(p).toInstant().atZone(ZoneId.systemDefault()));
        } catch (IOException e) {
            return "";
        }
    }
}
