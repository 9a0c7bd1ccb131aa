package babysitter.session.live;

import babysitter.session.configuration.Rules;
import babysitter.session.reports.Report;
import babysitter.session.training.Snapshot;
import babysitter.store.EpochMetric;
import babysitter.store.Event;

/**
 * Early stop: when the dev cost (the training cost without a dev part) has not improved for
 * {@link Rules#earlyStopPatience()} epochs, goes back to the best epoch's checkpoint and finishes.
 */
final class EarlyStopRule extends RememberingRule<EarlyStopRule.State> {
    /** A cost must beat the best by more than this to count as an improvement. */
    static final double IMPROVEMENT = 1e-12;

    record State(double best, String bestCheckpoint, int since) {
    }

    EarlyStopRule() {
        super(new State(Double.POSITIVE_INFINITY, null, 0));
    }

    /** The cost the epoch rules watch: the dev cost in inference mode, or the training cost without a dev part. */
    static double watchedCost(EpochMetric m) {
        return Double.isNaN(m.devCost()) ? m.trainCost() : m.devCost();
    }

    @Override
    public boolean afterEpoch(EpochMetric m, String checkpointId, RuleActions act) {
        double cost = watchedCost(m);
        if (cost < state.best() - IMPROVEMENT) {
            Snapshot.CheckpointSummary cp = act.trainer().checkpointing().last();
            state = new State(cost, cp == null ? null : cp.id(), 0);
        } else {
            state = new State(state.best(), state.bestCheckpoint(), state.since() + 1);
        }
        remember(checkpointId);
        Rules rules = act.rules();
        if (!rules.earlyStop() || state.since() < rules.earlyStopPatience()) {
            return false;
        }
        act.event(new Event.EarlyStop(state.bestCheckpoint(), state.best(), rules.earlyStopPatience()));
        if (state.bestCheckpoint() != null) {
            act.rewind(state.bestCheckpoint());
        }
        act.halt(Report.State.FINISHED);
        return true;
    }
}
