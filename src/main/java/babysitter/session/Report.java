package babysitter.session;

import babysitter.engine.Hyperparameters;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TrainingSession} tells its listeners: immutable values made of primitives, strings
 * and immutable lists, safe on any thread. Every report carries the branch it belongs to.
 */
public sealed interface Report {

    /** The session's states. */
    enum State { IDLE, RUNNING, PAUSED, GUARD_TRIPPED, FINISHED, STOPPED, FAILED }

    /** Whether the report may be dropped for a slow listener (only step reports may). */
    default boolean droppable() {
        return false;
    }

    /** One mini-batch step. */
    record StepReport(long step, int epoch, int branch, double cost, double learningRate, double momentum,
                      double samplesPerSecond) implements Report {
        @Override
        public boolean droppable() {
            return true;
        }
    }

    /** The summary of an epoch, with per-layer statistics of its last mini-batch. */
    record EpochReport(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                       double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                       List<LayerStats> layers) implements Report {
        public EpochReport {
            layers = List.copyOf(layers);
        }
    }

    /**
     * Something a person or a rule did, or that happened: "hyperparameters", "checkpoint", "rewind",
     * "guard", "plateau", "early-stop", "pause", "resume", "start", "stop", "error"…
     *
     * @param label a short text for a chart marker, e.g. "α 0.03→0.01", "rewind to epoch-0007"
     */
    record EventReport(String kind, long step, int epoch, int branch, String label, Map<String, String> details)
            implements Report {
        public EventReport {
            details = Map.copyOf(details);
        }
    }

    /** The session's state after a change, with what a control panel needs to show. */
    record StateReport(State state, long step, int epoch, int branch, int epochs, Hyperparameters hyperparameters,
                       Rules rules, List<Snapshot.CheckpointSummary> checkpoints) implements Report {
        public StateReport {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /** The result of a learning-rate range test. */
    record LrRangeReport(double[] learningRates, double[] costs, double suggested) implements Report {
        public LrRangeReport {
            learningRates = learningRates.clone();
            costs = costs.clone();
        }

        @Override
        public double[] learningRates() {
            return learningRates.clone();
        }

        @Override
        public double[] costs() {
            return costs.clone();
        }
    }
}
