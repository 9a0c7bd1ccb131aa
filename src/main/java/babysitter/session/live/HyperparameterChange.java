package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.training.Trainer;

/**
 * A change of hyperparameters by a person or by the run's schedule. A change of α or a β gets an
 * automatic checkpoint first, so that it can be undone by going back to it; the same in the window
 * and headless, so that a run steered either way records the same events.
 */
final class HyperparameterChange {
    private HyperparameterChange() {
    }

    /**
     * Applies {@code next} from the trainer's next step on, recorded with {@code source}; nothing
     * happens when nothing changes.
     */
    static void apply(Trainer trainer, Hyperparameters next, String source) {
        Hyperparameters now = trainer.hyperparameters();
        if (next.equals(now)) {
            return;
        }
        if (checkpointsFirst(source) && changesAlphaOrBeta(now, next)) {
            trainer.checkpoint("auto");
        }
        trainer.setHyperparameters(next, source);
    }

    /** A person's change and a scheduled one can be undone; a rule's or a replay's are not. */
    static boolean checkpointsFirst(String source) {
        return "user".equals(source) || Schedule.SOURCE.equals(source);
    }

    /** Whether {@code next} changes α or a β (momentum's β, Adam's β1, RMSprop's β2; see {@link OptimizerBeta}). */
    static boolean changesAlphaOrBeta(Hyperparameters now, Hyperparameters next) {
        return next.learningRate() != now.learningRate() || next.momentum() != now.momentum()
                || next.beta1() != now.beta1() || next.beta2() != now.beta2();
    }
}
