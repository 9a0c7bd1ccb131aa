package babysitter.plot;

/**
 * The kinds of event a chart marks with a vertical line, each with its colour: the monitor decides
 * the kind from the typed event, the report from the kind name a run's events file holds.
 */
public enum MarkerKind {
    HYPERPARAMETERS("hyperparameters", "#2ca02c"),
    REWIND("rewind", "#9467bd"),
    GUARD("guard", "#d62728"),
    CHECKPOINT("checkpoint", "#7f7f7f"),
    EARLY_STOP("early-stop", "#ff7f0e"),
    RANGE_TEST("lr-range-test", "#17becf");

    /** The colour of an event of a kind that is not marked. */
    public static final String UNMARKED = "#808080";

    private final String eventKind;
    private final String colour;

    MarkerKind(String eventKind, String colour) {
        this.eventKind = eventKind;
        this.colour = colour;
    }

    /** As {@code #rrggbb}. */
    public String colour() {
        return colour;
    }

    /** Whether the epoch charts mark it too (a checkpoint is marked on the step chart only). */
    public boolean onEpochCharts() {
        return this != CHECKPOINT;
    }

    /** The kind of a recorded event named {@code eventKind} in a run's events file, or null when it is not marked. */
    public static MarkerKind ofEventKind(String eventKind) {
        for (MarkerKind k : values()) {
            if (k.eventKind.equals(eventKind)) {
                return k;
            }
        }
        return null;
    }
}
