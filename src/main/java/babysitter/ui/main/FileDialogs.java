package babysitter.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the main window asks a person for a file to write or a run folder to open. The program uses
 * the platform's dialogs; a test that drives the window answers in their place.
 */
public interface FileDialogs {

    /** The file to write, or null when the person cancels. */
    Path saveFile(Window owner, String title, String suggestedName, String extension);

    /** The run folder to open, or null when the person cancels; starts in {@code startIn} when it exists. */
    Path openRunFolder(Window owner, Path startIn);

    /** The platform's file and folder choosers. */
    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public Path saveFile(Window owner, String title, String suggestedName, String extension) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT),
                    "*." + extension));
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }

        @Override
        public Path openRunFolder(Window owner, Path startIn) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a recorded run");
            if (startIn != null && startIn.toFile().isDirectory()) {
                chooser.setInitialDirectory(startIn.toFile());
            }
            File dir = chooser.showDialog(owner);
            return dir == null ? null : dir.toPath();
        }
    };
}
