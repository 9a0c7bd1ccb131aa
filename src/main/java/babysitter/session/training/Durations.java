package babysitter.session.training;

/**
 * How long something takes, in English, as the command line prints it: "5 s", "1 min 15 s", "1 h 1 min".
 * The main window says it in its own language ({@code report.Names.duration}).
 */
public final class Durations {
    private Durations() {
    }

    /** {@code seconds} rounded to whole seconds; above an hour, to whole minutes. */
    public static String text(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return (s / 3600) + " h " + (s % 3600) / 60 + " min";
        }
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
