package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.Rules;
import babysitter.session.reports.Report;
import babysitter.session.training.DebiasedAverage;
import babysitter.session.training.Snapshot;
import babysitter.session.training.Trainer;
import babysitter.store.Event;
import babysitter.store.GuardReason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The divergence guard: halts the run when the cost is NaN or infinite, or when the step cost,
 * smoothed over about ten steps, has risen above {@link Rules#guardFactor()} times its best on this
 * branch <em>and</em> above ln C, the cost of guessing every one of the C classes with equal
 * probability. A run that does worse than guessing after having been ten times better has diverged;
 * a converging run whose tiny costs wobble (0.006 → 0.07 at 97 % dev accuracy) has not.
 *
 * <p>The comparison waits {@link Rules#guardWarmupSteps()} steps on every new branch and after a
 * Resume from a trip, so a person who resumes is not stopped again at once. Checkpoints taken
 * right after a bad step are never offered as "the last good one".
 */
final class DivergenceGuard implements SessionRule {
    /** Weight of the past in the smoothing of the step cost: about ten steps. */
    static final double SMOOTHING = 0.9;

    private final double chanceCost;
    private final Set<String> suspect = new HashSet<>();
    private final List<String> takenThisStep = new ArrayList<>();
    private boolean inStep;
    private final DebiasedAverage smoothed = new DebiasedAverage(SMOOTHING);
    private double best = Double.POSITIVE_INFINITY;
    private long steps;
    private boolean lastStepGood = true;

    /** @param classes the number of classes C of the run's output (ln C is the cost of guessing) */
    DivergenceGuard(int classes) {
        this.chanceCost = Math.log(Math.max(2, classes));
    }

    @Override
    public void beforeStep(RuleActions act) {
        inStep = true;
        takenThisStep.clear();
    }

    @Override
    public void onCheckpoint(String id) {
        if (inStep) {
            takenThisStep.add(id); // judged by the step it ends, in afterStep
        } else if (!lastStepGood) {
            suspect.add(id);
        }
    }

    @Override
    public boolean afterStep(Trainer.StepResult r, RuleActions act) {
        inStep = false;
        steps++;
        double cost = r.cost();
        if (Double.isFinite(cost)) {
            smoothed.add(cost);
        }
        Rules rules = act.rules();
        double limit = Math.max(rules.guardFactor() * best, chanceCost);
        boolean risen = Double.isFinite(cost) && best < Double.POSITIVE_INFINITY && smoothed.value() > limit;
        lastStepGood = Double.isFinite(cost) && !risen;
        if (!lastStepGood) {
            suspect.addAll(takenThisStep); // e.g. the epoch's checkpoint, taken after this step
        }
        takenThisStep.clear();
        GuardReason reason = null;
        if (!Double.isFinite(cost)) {
            reason = new GuardReason.CostNotFinite(cost, r.step());
        } else if (risen && steps > rules.guardWarmupSteps()) {
            reason = new GuardReason.CostRose(smoothed.value(), r.step(), rules.guardFactor(), best, chanceCost);
        }
        if (Double.isFinite(cost)) {
            best = Math.min(best, smoothed.value());
        }
        if (reason == null || !rules.guard()) {
            return false;
        }
        trip(reason, r, act);
        return true;
    }

    private void trip(GuardReason reason, Trainer.StepResult r, RuleActions act) {
        Trainer trainer = act.trainer();
        Snapshot.CheckpointSummary good = lastGoodCheckpoint(trainer);
        Hyperparameters restoredHp = good == null ? null : trainer.checkpointing().hyperparametersAt(good.id());
        double halved = good == null ? Double.NaN
                : Math.min(restoredHp.learningRate(), trainer.hyperparameters().learningRate()) / 2;
        boolean autoRewind = act.rules().guardAutoRewind() && good != null && halved > 0;
        // at the bad step (and its epoch), where its cost is on the chart, not at the next one
        act.event(new Event.GuardTripped(reason, good == null ? null : good.id(), autoRewind), r.step(), r.epoch());
        if (autoRewind) {
            boolean wasRunning = act.running();
            act.rewind(good.id());
            act.setHyperparameters(trainer.hyperparameters().withLearningRate(halved), "guard");
            if (!wasRunning) {
                act.halt(Report.State.PAUSED);
            }
        } else {
            act.halt(Report.State.GUARD_TRIPPED);
        }
    }

    /** The newest checkpoint of this lineage that was not taken right after a bad step, or null. */
    private Snapshot.CheckpointSummary lastGoodCheckpoint(Trainer trainer) {
        List<Snapshot.CheckpointSummary> all = trainer.checkpoints();
        for (int i = all.size() - 1; i >= 0; i--) {
            Snapshot.CheckpointSummary c = all.get(i);
            if (trainer.checkpointing().inLineage(c) && !suspect.contains(c.id())) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void onRewind(String id) {
        restart();
        lastStepGood = !suspect.contains(id);
    }

    @Override
    public void onResume() {
        restart();
    }

    /** Forgets the smoothing and the best cost and waits the warm-up again. */
    private void restart() {
        steps = 0;
        best = Double.POSITIVE_INFINITY;
        smoothed.reset();
    }
}
