package babysitter.ui.library;

import babysitter.i18n.Texts;
import babysitter.report.EventLabels;
import babysitter.report.Names;
import babysitter.store.Event;
import babysitter.store.RunEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed during a run, from its typed events, one line each ("epoch 3 · step 120: α 0.01→0.005
 * (plateau)"): hyperparameter changes and who made them, rewinds, the rules switched on or off,
 * the guard, early stopping, range tests, siblings, added epochs and checkpoints a person took.
 * What every run does (start, stop, pauses, the pace, a checkpoint at each epoch's end) is left out.
 */
final class RunChanges {
    private RunChanges() {
    }

    /** One run's changes, for a column of the difference view. */
    record Column(String run, List<String> changes) {
        Column {
            changes = List.copyOf(changes);
        }
    }

    /** The lines of {@code events}, in the order they happened. */
    static List<String> of(List<RunEvent> events) {
        boolean branched = events.stream().anyMatch(e -> e.branch() > 0);
        List<String> lines = new ArrayList<>();
        for (RunEvent e : events) {
            String what = describe(e);
            if (what != null) {
                lines.add(Texts.get("library.change", String.valueOf(e.epoch() + 1), String.valueOf(e.step()),
                        branched ? Texts.get("library.changeBranch", e.branch()) : "", what));
            }
        }
        return lines;
    }

    /** The text of a change, or null for what every run does. */
    static String describe(RunEvent recorded) {
        Event event = recorded.event();
        if (event instanceof Event.Start || event instanceof Event.Stop || event instanceof Event.Pause
                || event instanceof Event.Resume || event instanceof Event.PaceSet || event instanceof Event.Failure) {
            return null;
        }
        if (event instanceof Event.CheckpointTaken c) {
            return c.source().equals(Event.CheckpointTaken.USER) ? EventLabels.label(recorded) : null;
        }
        if (event instanceof Event.HyperparametersChanged h) {
            return Texts.get("library.changeSource", EventLabels.label(recorded), Names.source(h.source()));
        }
        if (event instanceof Event.RulesSet r) {
            return Texts.get("library.rules", onOff(r.guard()),
                    r.guard() && r.guardAutoRewind() ? Texts.get("library.rulesRewinds") : "",
                    onOff(r.reduceOnPlateau()), onOff(r.earlyStop()));
        }
        if (event instanceof Event.MoreEpochs m) {
            return Texts.get("library.moreEpochs", m.added(), m.epochs());
        }
        if (event instanceof Event.Other o) {
            return o.problem() == null ? o.kind() : Texts.get("library.unreadable", o.kind(), o.problem());
        }
        return EventLabels.label(recorded);
    }

    private static String onOff(boolean on) {
        return Texts.get(on ? "library.on" : "library.off");
    }
}
