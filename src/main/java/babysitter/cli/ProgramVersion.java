package babysitter.cli;

import babysitter.session.configuration.Release;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code babysitter --version} prints: the version every run records, so the program, its
 * runs and the installed package (whose version the build takes from the same number) agree.
 */
public final class ProgramVersion implements IVersionProvider {
    /** The line {@code --version} prints. */
    public static String line() {
        return "babysitter " + Release.VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
