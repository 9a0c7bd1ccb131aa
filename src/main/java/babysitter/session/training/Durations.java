package babysitter.session.training;

/** How long something takes, as a person reads it in a status line: "5 s", "1 min 15 s", "1 h 1 min". */
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
