package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.report.EventLabels;
import babysitter.report.Names;
import babysitter.session.reports.Report;
import babysitter.store.Event;
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
        Event what = e.event();
        if (what instanceof Event.GuardTripped g) {
            String reason = Names.guardReason(g, e.step());
            show(Cause.GUARD, g.lastGood() == null ? Texts.get("main.notice.guard", reason)
                    : Texts.get("main.notice.guardLastGood", reason, g.lastGood()));
            guardRewinds = g.autoRewind();
        } else if (what instanceof Event.Rewind) {
            if (guardRewinds) {
                guardRewinds = false;
            } else {
                clear();
            }
        } else if (what instanceof Event.HyperparametersChanged h) {
            if (h.source().equals("guard") && cause == Cause.GUARD) {
                text.set(Texts.get("main.notice.guardRewound", text.get(), EventLabels.label(e)));
            } else if (h.source().equals("plateau") || h.source().equals("guard")) {
                show(Cause.RULE, Texts.get("main.notice.rule", Names.source(h.source()), EventLabels.label(e)));
            }
        } else if (what instanceof Event.EarlyStop s) {
            show(Cause.EARLY_STOP, Texts.get("main.notice.earlyStop", s.best()));
        } else if (what instanceof Event.Failure f) {
            show(Cause.ERROR, EventLabels.failure(f, Names.window()));
        }
    }
}
