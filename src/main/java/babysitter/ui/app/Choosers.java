package babysitter.ui.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file and folder choosers of the program (the system's dialogs; a test gives its own, which
 * answer without a dialog). Each returns null when the person cancels.
 */
public interface Choosers {

    /** A file to read, starting in {@code initialDir} when it exists, among files named {@code *.extension}. */
    File openFile(Window owner, String title, Path initialDir, String description, String extension);

    /** A folder, starting in {@code initialDir} when it exists. */
    File folder(Window owner, String title, Path initialDir);

    /** A file to write, suggested as {@code name}, among files named {@code *.extension}. */
    File saveFile(Window owner, String title, String name, String extension);

    /** The system's dialogs. */
    static Choosers system() {
        return new Choosers() {
            @Override
            public File openFile(Window owner, String title, Path initialDir, String description, String extension) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
                if (initialDir != null && Files.isDirectory(initialDir)) {
                    c.setInitialDirectory(initialDir.toFile());
                }
                return c.showOpenDialog(owner);
            }

            @Override
            public File folder(Window owner, String title, Path initialDir) {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle(title);
                if (initialDir != null && Files.isDirectory(initialDir)) {
                    c.setInitialDirectory(initialDir.toFile());
                }
                return c.showDialog(owner);
            }

            @Override
            public File saveFile(Window owner, String title, String name, String extension) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                c.setInitialFileName(name);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT),
                        "*." + extension));
                return c.showSaveDialog(owner);
            }
        };
    }
}
