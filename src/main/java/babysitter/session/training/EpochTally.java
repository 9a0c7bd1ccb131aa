package babysitter.session.training;

import babysitter.data.Dataset;
import babysitter.engine.Network;

/**
 * What an epoch adds up while it trains (the cost and accuracy of its mini-batches before their
 * updates) and its dev evaluation at the end, whose confusion matrix the insights take instead of
 * a second pass over the dev set.
 */
final class EpochTally {

    /** The dev set's cost and accuracy in inference mode and in training mode (NaN without a dev set). */
    record Dev(double cost, double accuracy, double costTrainMode, double accuracyTrainMode) {
        static final Dev NONE = new Dev(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private double costSum;
    private long correct;
    private long examples;
    /** The dev confusion matrix the last epoch's evaluation counted, and which epoch of which branch that was. */
    private long[][] devConfusion;
    private int devConfusionEpoch = -1;
    private int devConfusionBranch = -1;

    void reset() {
        restore(0, 0, 0);
    }

    /** The tally of a checkpoint taken in mid-epoch. */
    void restore(double costSum, long correct, long examples) {
        this.costSum = costSum;
        this.correct = correct;
        this.examples = examples;
    }

    /** A mini-batch of {@code rows} rows with cost {@code cost}, {@code correctRows} of them classified right. */
    void add(double cost, int rows, int correctRows) {
        costSum += cost * rows;
        correct += correctRows;
        examples += rows;
    }

    double costSum() {
        return costSum;
    }

    long correct() {
        return correct;
    }

    long examples() {
        return examples;
    }

    double trainCost() {
        return examples > 0 ? costSum / examples : Double.NaN;
    }

    double trainAccuracy() {
        return examples > 0 ? (double) correct / examples : Double.NaN;
    }

    /**
     * Evaluates the dev set at the end of epoch {@code epoch} of {@code branch}: in inference mode in
     * chunks of {@code chunk} rows (counting the confusion matrix), and in training mode in chunks
     * of the mini-batch size.
     */
    Dev evaluateDev(Network net, Dataset dev, int chunk, int batchSize, int epoch, int branch) {
        if (dev.rows() == 0) {
            return Dev.NONE;
        }
        int c = net.config().classes();
        long[][] confusion = new long[c][c];
        Network.Evaluation inf = Evaluator.evaluate(net, dev, Network.Mode.INFERENCE, chunk, confusion);
        devConfusion = confusion;
        devConfusionEpoch = epoch;
        devConfusionBranch = branch;
        Network.Evaluation tr = Evaluator.evaluate(net, dev, Network.Mode.TRAIN, batchSize);
        return new Dev(inf.cost(), inf.accuracy(), tr.cost(), tr.accuracy());
    }

    /**
     * The dev confusion matrix counted by the inference-mode dev evaluation at the end of epoch
     * {@code epoch} of {@code branch}, or null if that was not the last evaluated epoch.
     */
    long[][] devConfusion(int epoch, int branch) {
        if (devConfusion == null || devConfusionEpoch != epoch || devConfusionBranch != branch) {
            return null;
        }
        long[][] copy = new long[devConfusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = devConfusion[i].clone();
        }
        return copy;
    }
}
