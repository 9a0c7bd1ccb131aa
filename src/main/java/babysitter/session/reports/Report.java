package babysitter.session.reports;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.configuration.Rules;
import babysitter.session.live.TrainingSession;
import babysitter.session.training.LayerStats;
import babysitter.session.training.Snapshot;
import babysitter.store.EpochMetric;
import babysitter.store.Event;
import babysitter.store.RunEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TrainingSession} tells its listeners: immutable values made of primitives, strings
 * and immutable lists, safe on any thread. Every report carries the branch it belongs to. The
 * insight views' reports are declared in {@link InsightReports}.
 */
public sealed interface Report extends InsightReports permits Report.StepReport, Report.EpochReport,
        Report.EventReport, Report.StateReport, Report.CheckpointsReport, Report.LrRangeReport,
        Report.SiblingsReport, InsightReports.RegionsReport, InsightReports.ConfusionReport,
        InsightReports.SamplesReport {

    /** The session's states. */
    enum State { IDLE, RUNNING, PAUSED, GUARD_TRIPPED, FINISHED, STOPPED, FAILED }

    /** Whether the report may be dropped for a slow listener (only step reports may). */
    default boolean droppable() {
        return false;
    }

    /**
     * One mini-batch step.
     *
     * @param samplesPerSecond samples trained per second of wall-clock time lately (epoch ends included)
     * @param elapsedSeconds   seconds of training in the run after the step, pauses left out, or NaN
     */
    record StepReport(long step, int epoch, int branch, double cost, double learningRate, double momentum,
                      double samplesPerSecond, double elapsedSeconds) implements Report {
        /** A step whose elapsed seconds are not known. */
        public StepReport(long step, int epoch, int branch, double cost, double learningRate, double momentum,
                          double samplesPerSecond) {
            this(step, epoch, branch, cost, learningRate, momentum, samplesPerSecond, Double.NaN);
        }

        @Override
        public boolean droppable() {
            return true;
        }
    }

    /**
     * The summary of an epoch as recorded ({@link EpochMetric}), with per-layer statistics of its
     * last mini-batch.
     */
    record EpochReport(EpochMetric metric, List<LayerStats> layers) implements Report {
        public EpochReport {
            Objects.requireNonNull(metric, "metric");
            layers = List.copyOf(layers);
        }

        /**
         * An epoch not read from a run (tests, previews): its time of day unknown.
         *
         * @param seconds        seconds spent in the epoch's training steps alone
         * @param elapsedSeconds seconds of training in the run when the epoch ended, pauses left out, or NaN
         */
        public EpochReport(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                           double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                           List<LayerStats> layers, double elapsedSeconds) {
            this(new EpochMetric(epoch, step, branch, trainCost, trainAccuracy, devCost, devAccuracy,
                    devCostTrainMode, devAccuracyTrainMode, seconds, 0, Double.NaN, elapsedSeconds), layers);
        }

        /** As above, the elapsed seconds not known either. */
        public EpochReport(int epoch, long step, int branch, double trainCost, double trainAccuracy, double devCost,
                           double devAccuracy, double devCostTrainMode, double devAccuracyTrainMode, double seconds,
                           List<LayerStats> layers) {
            this(epoch, step, branch, trainCost, trainAccuracy, devCost, devAccuracy, devCostTrainMode,
                    devAccuracyTrainMode, seconds, layers, Double.NaN);
        }

        public int epoch() {
            return metric.epoch();
        }

        public long step() {
            return metric.step();
        }

        public int branch() {
            return metric.branch();
        }

        public double trainCost() {
            return metric.trainCost();
        }

        public double trainAccuracy() {
            return metric.trainAccuracy();
        }

        public double devCost() {
            return metric.devCost();
        }

        public double devAccuracy() {
            return metric.devAccuracy();
        }

        public double devCostTrainMode() {
            return metric.devCostTrainMode();
        }

        public double devAccuracyTrainMode() {
            return metric.devAccuracyTrainMode();
        }

        /** Seconds spent in the epoch's training steps alone. */
        public double seconds() {
            return metric.seconds();
        }

        /** Seconds of training in the run when the epoch ended, pauses left out, or NaN. */
        public double elapsedSeconds() {
            return metric.elapsedSeconds();
        }
    }

    /**
     * Something a person or a rule did, or that happened ({@link Event}: a change of
     * hyperparameters, a checkpoint, a rewind, the guard, …), where it happened. The words a person
     * reads for it are made where it is shown, in the reader's language.
     *
     * @param elapsedSeconds seconds of training in the run when it happened, pauses left out, or NaN
     */
    record EventReport(Event event, long step, int epoch, int branch, double elapsedSeconds)
            implements Report {
        public EventReport {
            Objects.requireNonNull(event, "event");
        }

        /** An event whose elapsed seconds are not known. */
        public EventReport(Event event, long step, int epoch, int branch) {
            this(event, step, epoch, branch, Double.NaN);
        }

        /** A recorded event, at {@code elapsedSeconds} of training (NaN if not known). */
        public static EventReport of(RunEvent e, double elapsedSeconds) {
            return new EventReport(e.event(), e.step(), e.epoch(), e.branch(), elapsedSeconds);
        }

        /** The name of its kind ("checkpoint", "rewind", …), which also picks a marker's colour. */
        public String kind() {
            return event.kind();
        }

        /** The same event at {@code seconds} of training. */
        public EventReport at(double seconds) {
            return new EventReport(event, step, epoch, branch, seconds);
        }
    }

    /** The session's state after a change, with what a control panel needs to show. */
    record StateReport(State state, long step, int epoch, int branch, int epochs, Hyperparameters hyperparameters,
                       Rules rules, List<Snapshot.CheckpointSummary> checkpoints) implements Report {
        public StateReport {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    /**
     * The checkpoints kept in memory changed (one was taken, or a rewind made a new branch): what the
     * checkpoint strip shows, oldest first, each one a rewind can go back to.
     */
    record CheckpointsReport(int branch, List<Snapshot.CheckpointSummary> checkpoints) implements Report {
        public CheckpointsReport {
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

    /**
     * The siblings of "Try siblings" after each sibling epoch: where they started, each one's α and
     * β and its costs and accuracies per epoch so far. {@code phase} is RUNNING while any trains,
     * DONE when all ended, and ADOPTED or DISCARDED in the last report.
     *
     * @param fromEpoch epochs finished at the checkpoint; sibling epoch j (from 1) ends at epoch fromEpoch + j
     * @param adopted   the adopted sibling, or −1
     * @param varied    which β the siblings vary (that of their optimiser; NONE for SGD)
     */
    record SiblingsReport(String checkpoint, long fromStep, int fromEpoch, int fromBranch, int epochs, int threads,
                          Phase phase, List<Sibling> siblings, int adopted, OptimizerBeta varied) implements Report {
        /** Where the siblings are as a group. */
        public enum Phase { RUNNING, DONE, ADOPTED, DISCARDED }

        /** Where one sibling is. */
        public enum SiblingState { WAITING, RUNNING, DONE, DIVERGED, CANCELLED, FAILED }

        /**
         * One sibling; its lists hold one value per finished epoch (NaN for dev values without a dev set).
         *
         * @param beta    the value of the varied β ({@link SiblingsReport#varied()}), NaN if none varies
         * @param control whether it kept the main run's α and β
         */
        public record Sibling(int index, double alpha, double beta, boolean control, SiblingState state,
                              List<Double> trainCost, List<Double> devCost, List<Double> devAccuracy, String thread) {
            public Sibling {
                trainCost = List.copyOf(trainCost);
                devCost = List.copyOf(devCost);
                devAccuracy = List.copyOf(devAccuracy);
            }

            public int epochsDone() {
                return trainCost.size();
            }

            static double last(List<Double> l) {
                return l.isEmpty() ? Double.NaN : l.get(l.size() - 1);
            }

            public double lastDevAccuracy() {
                return last(devAccuracy);
            }

            public double lastDevCost() {
                return last(devCost);
            }

            public double lastTrainCost() {
                return last(trainCost);
            }
        }

        public SiblingsReport {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(varied, "varied");
            siblings = List.copyOf(siblings);
        }

        /** Sibling epochs finished, over all siblings (a diverged or failed sibling counts as all done). */
        public int epochsDone() {
            int n = 0;
            for (Sibling s : siblings) {
                n += s.state() == SiblingState.DIVERGED || s.state() == SiblingState.FAILED ? epochs : s.epochsDone();
            }
            return n;
        }

        /** Sibling epochs to train in all. */
        public int epochsTotal() {
            return epochs * siblings.size();
        }

        /**
         * The best finished sibling, or −1: the highest dev accuracy (ties: the lower dev cost);
         * without a dev set the lowest training cost.
         */
        public int winner() {
            int best = -1;
            for (Sibling s : siblings) {
                if (s.state() != SiblingState.DONE || s.epochsDone() == 0) {
                    continue;
                }
                if (best < 0 || better(s, siblings.get(best))) {
                    best = s.index();
                }
            }
            return best;
        }

        private static boolean better(Sibling a, Sibling b) {
            double accA = a.lastDevAccuracy();
            double accB = b.lastDevAccuracy();
            if (Double.isFinite(accA) && Double.isFinite(accB)) {
                if (accA != accB) {
                    return accA > accB;
                }
                return a.lastDevCost() < b.lastDevCost();
            }
            if (Double.isFinite(accA) != Double.isFinite(accB)) {
                return Double.isFinite(accA);
            }
            return a.lastTrainCost() < b.lastTrainCost();
        }
    }
}
