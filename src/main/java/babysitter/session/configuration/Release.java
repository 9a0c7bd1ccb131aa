package babysitter.session.configuration;

/**
 * The version of this program: written into every run and checkpoint, sent by cluster members
 * when they join, printed by {@code --version}. Configuration reading depends on it (defaults
 * that changed between versions apply by the version a run was recorded with).
 */
public final class Release {
    /** The same number as the build's (pom.xml), which ProgramVersionTest checks. */
    public static final String VERSION = "0.2.0";

    private Release() {
    }
}
