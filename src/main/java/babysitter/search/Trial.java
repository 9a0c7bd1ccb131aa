package babysitter.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One training run of a search, as the search sees it (an immutable snapshot).
 *
 * @param id              1, 2, 3, … across all rounds (run folder {@code trial-0001})
 * @param round           index of its round in {@link Search#rounds()}, from 0
 * @param values          its hyperparameter values in the round's params order
 * @param state           where it is
 * @param curve           the finished epochs
 * @param bestDevAccuracy the best dev accuracy so far, NaN until an epoch ends
 * @param bestEpoch       the epoch (from 1) of the best dev accuracy, -1 until an epoch ends
 * @param bestCheckpoint  the checkpoint id of that epoch in the trial's run folder, or null
 * @param runDir          the trial's run folder, null until it starts
 * @param why             why it stopped, failed or waits again, or {@link TrialNote#NONE}
 */
public record Trial(int id, int round, Map<String, Object> values, TrialState state, List<EpochPoint> curve,
                    double bestDevAccuracy, int bestEpoch, String bestCheckpoint, Path runDir, TrialNote why) {
    public Trial {
        Objects.requireNonNull(state, "state");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        curve = List.copyOf(curve);
        why = why == null ? TrialNote.NONE : why;
    }

    /** Why it stopped, failed or waits again, in English (the command line's and the file's words), or "". */
    public String note() {
        return why.english();
    }

    /** The trial's name and the base name of its run folder. */
    public String name() {
        return name(id);
    }

    static String name(int id) {
        return "trial-%04d".formatted(id);
    }

    /** Dev cost at the best epoch, NaN when there is none. */
    public double bestDevCost() {
        for (EpochPoint p : curve) {
            if (p.epoch() == bestEpoch) {
                return p.devCost();
            }
        }
        return Double.NaN;
    }

    /** The same trial in another state, with this note. */
    Trial withState(TrialState newState, TrialNote newNote) {
        return new Trial(id, round, values, newState, curve, bestDevAccuracy, bestEpoch, bestCheckpoint, runDir, newNote);
    }

    /** The same trial with one more finished epoch (its best moves when the epoch's dev accuracy is higher). */
    Trial withEpoch(EpochPoint p, String checkpoint) {
        List<EpochPoint> longer = new ArrayList<>(curve);
        longer.add(p);
        double best = bestDevAccuracy;
        int epoch = bestEpoch;
        String cp = bestCheckpoint;
        if (!Double.isNaN(p.devAccuracy()) && (Double.isNaN(best) || p.devAccuracy() > best)) {
            best = p.devAccuracy();
            epoch = p.epoch();
            cp = checkpoint;
        }
        return new Trial(id, round, values, state, longer, best, epoch, cp, runDir, why);
    }
}
