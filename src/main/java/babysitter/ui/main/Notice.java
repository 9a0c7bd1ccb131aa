package babysitter.ui.main;

import babysitter.session.Report;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's banner, tied to what caused it. A message goes when its cause is gone (the
 * guard's or the early stop's when training runs again; a failed report when one is written), and
 * every message goes when another run is shown, a run is opened, or the person rewinds.
 */
final class Notice {
    /** What a banner is about. */
    enum Cause { START, OPEN, CONTINUE, REPORT, GUARD, RULE, EARLY_STOP, ERROR }

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Cause cause;
    private Report.State lastState;
    /** A guard event announced that it rewinds: that rewind keeps the guard's message. */
    private boolean guardRewinds;

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    Cause cause() {
        return cause;
    }

    void show(Cause why, String message) {
        cause = why;
        text.set(message);
    }

    /** Clears the banner, whatever it was about (also the ✕). */
    void clear() {
        cause = null;
        text.set("");
        guardRewinds = false;
    }

    /** Clears the banner if it is about {@code why}. */
    void clear(Cause why) {
        if (cause == why) {
            clear();
        }
    }

    /** Training runs again after the guard or an early stop held it: their messages are history. */
    void state(Report.State now) {
        if (now == Report.State.RUNNING && lastState != Report.State.RUNNING) {
            clear(Cause.GUARD);
            clear(Cause.EARLY_STOP);
        }
        lastState = now;
    }

    /** A session event: some raise a banner, a rewind clears it (except the guard's own rewind). */
    void event(Report.EventReport e) {
        switch (e.kind()) {
            case "guard" -> {
                String lastGood = e.details().get("lastGood");
                show(Cause.GUARD, "Guard: " + e.details().get("reason")
                        + (lastGood == null || lastGood.equals("null") ? "" : ". Last good checkpoint: " + lastGood));
                guardRewinds = "true".equals(e.details().get("autoRewind"));
            }
            case "rewind" -> {
                if (guardRewinds) {
                    guardRewinds = false;
                } else {
                    clear();
                }
            }
            case "hyperparameters" -> {
                String source = e.details().get("source");
                if ("guard".equals(source) && cause == Cause.GUARD) {
                    text.set(text.get() + ". Rewound there and set " + e.label());
                } else if ("plateau".equals(source) || "guard".equals(source)) {
                    show(Cause.RULE, "Rule (" + source + "): " + e.label());
                }
            }
            case "early-stop" -> show(Cause.EARLY_STOP, "Early stop: no improvement; back to " + e.details().get("best"));
            case "error" -> show(Cause.ERROR, e.label());
            default -> {
            }
        }
    }
}
