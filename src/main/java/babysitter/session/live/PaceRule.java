package babysitter.session.live;

import babysitter.session.reports.Report;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainingTime;
import babysitter.store.EpochMetric;
import babysitter.store.Event;

/**
 * Keeps a running session to its {@link Pace}: after an epoch it holds the next one back until the
 * epoch's share of a second has passed, or pauses the session. The training thread asks
 * {@link #holdNanos} before each step and waits that long for commands (which are still taken at
 * once).
 */
final class PaceRule implements SessionRule {
    private final Trainer trainer;
    private Pace pace = Pace.FASTEST;
    /** When the next epoch may start ({@link TrainingTime#now}); in the past for now. */
    private long nextEpochNanos;
    /** When the current epoch's first step began. */
    private long epochStartNanos;

    PaceRule(Trainer trainer) {
        this.trainer = trainer;
    }

    /** Goes at pace {@code p} from now on, recorded as a "pace" event when it changes. */
    void set(Pace p) {
        if (p.equals(pace)) {
            return;
        }
        pace = p;
        nextEpochNanos = trainer.time().now();
        trainer.event(new Event.PaceSet(p.toString(), p.fastest() ? -1 : p.epochsPerSecond()));
    }

    /** How long a running session waits before its next step (0: go now). */
    long holdNanos() {
        return Math.max(0, nextEpochNanos - trainer.time().now());
    }

    @Override
    public void beforeStep(RuleActions act) {
        if (!trainer.inEpoch()) {
            epochStartNanos = trainer.time().now(); // this step begins an epoch
        }
    }

    @Override
    public boolean afterEpoch(EpochMetric m, String checkpointId, RuleActions act) {
        if (!act.running() || pace.fastest() || trainer.finished()) {
            return false;
        }
        if (pace.epochByEpoch()) {
            act.event(new Event.Pause());
            act.halt(Report.State.PAUSED);
            return true;
        }
        nextEpochNanos = epochStartNanos + pace.epochNanos();
        return false;
    }
}
