package babysitter;

import babysitter.cli.Cli;
import babysitter.ui.BabysitterApp;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The launcher. Without arguments it opens the window; with the path of a run's {@code run.json}
 * alone (what the desktop passes when such a file is opened with Babysitter) it opens the window
 * on that run; with other arguments it runs the command line ({@code train}, {@code replay},
 * {@code eval}, {@code export}, {@code demo}, … see {@link Cli}). It does not extend
 * {@code Application}, so the JavaFX window starts from the class path without modules.
 */
public final class Main {
    /** The file that makes a folder a run folder. */
    static final String RUN_FILE = "run.json";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            BabysitterApp.launchWindow(null);
            return;
        }
        Optional<Path> run = runToOpen(args);
        if (run.isPresent()) {
            BabysitterApp.launchWindow(run.get());
            return;
        }
        System.exit(Cli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The run folder to open in the window: when the one argument is an existing run.json file. */
    static Optional<Path> runToOpen(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            return Optional.empty();
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        if (file.getFileName() == null || !file.getFileName().toString().equals(RUN_FILE) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file.getParent());
    }
}
