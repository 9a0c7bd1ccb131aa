package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.Rules;
import babysitter.store.EpochMetric;

/**
 * Reduce on plateau: multiplies α by {@link Rules#plateauFactor()} when the dev cost (the training
 * cost without a dev part) has not improved for {@link Rules#plateauPatience()} epochs.
 */
final class PlateauRule extends RememberingRule<PlateauRule.State> {
    record State(double best, int since) {
    }

    PlateauRule() {
        super(new State(Double.POSITIVE_INFINITY, 0));
    }

    @Override
    public boolean afterEpoch(EpochMetric m, String checkpointId, RuleActions act) {
        double cost = EarlyStopRule.watchedCost(m);
        state = cost < state.best() - EarlyStopRule.IMPROVEMENT ? new State(cost, 0)
                : new State(state.best(), state.since() + 1);
        Rules rules = act.rules();
        if (rules.reduceOnPlateau() && state.since() >= rules.plateauPatience()) {
            Hyperparameters hp = act.trainer().hyperparameters();
            act.setHyperparameters(hp.withLearningRate(hp.learningRate() * rules.plateauFactor()), "plateau");
            state = new State(state.best(), 0);
        }
        remember(checkpointId);
        return false;
    }
}
