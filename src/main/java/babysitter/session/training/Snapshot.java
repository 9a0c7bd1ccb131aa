package babysitter.session.training;

import babysitter.engine.Network;
import babysitter.engine.optim.OptimizerState;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a run needs to continue from a point exactly as it would have: parameters, optimiser
 * state, batch-norm running statistics, the step count, the batch order and its random state,
 * the hyperparameters and the epoch's running sums. Kept in memory by the trainer (a bounded ring)
 * and, as files, in the run store. Owned by the training thread.
 */
public final class Snapshot {
    final String id;
    final long step;
    final int epoch;
    final int branch;
    final long timeMillis;
    final INDArray params;
    final INDArray[] runningMean;
    final INDArray[] runningVar;
    final OptimizerState optimizer;
    final TrainerState state;

    Snapshot(String id, Network net, int epoch, int branch, long timeMillis, TrainerState state) {
        this.id = id;
        this.step = net.steps();
        this.epoch = epoch;
        this.branch = branch;
        this.timeMillis = timeMillis;
        this.params = net.parameters().dup();
        int depth = net.depth();
        this.runningMean = new INDArray[depth + 1];
        this.runningVar = new INDArray[depth + 1];
        for (int l = 1; l <= depth; l++) {
            if (net.runningMean(l) != null) {
                runningMean[l] = net.runningMean(l).dup();
                runningVar[l] = net.runningVar(l).dup();
            }
        }
        OptimizerState o = net.optimizerState();
        this.optimizer = new OptimizerState(o.kind(), o.size(), net.parameters().dataType());
        this.optimizer.copyFrom(o);
        this.state = state;
    }

    /** Puts the network back into this snapshot's state. */
    void restoreInto(Network net) {
        net.parameters().assign(params);
        for (int l = 1; l <= net.depth(); l++) {
            if (runningMean[l] != null) {
                net.runningMean(l).assign(runningMean[l]);
                net.runningVar(l).assign(runningVar[l]);
            }
        }
        net.optimizerState().copyFrom(optimizer);
        net.setSteps(step);
    }

    public String id() {
        return id;
    }

    public long step() {
        return step;
    }

    public int epoch() {
        return epoch;
    }

    public int branch() {
        return branch;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** A description for people and events. */
    public CheckpointSummary summary() {
        return new CheckpointSummary(id, step, epoch, branch, timeMillis);
    }

    /** A checkpoint as reports show it. */
    public record CheckpointSummary(String id, long step, int epoch, int branch, long timeMillis) {
    }
}
