package babysitter;

import babysitter.cli.Cli;
import babysitter.ui.BabysitterApp;
import java.io.PrintWriter;

/**
 * The launcher. Without arguments it opens the window; with arguments it runs the command line
 * ({@code train}, {@code replay}, {@code eval}, {@code export}, {@code demo}, … see {@link Cli}).
 * It does not extend {@code Application}, so the JavaFX window starts from the class path without
 * modules.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            BabysitterApp.launchWindow();
            return;
        }
        System.exit(Cli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }
}
