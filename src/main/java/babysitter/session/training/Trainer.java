package babysitter.session.training;

import babysitter.data.DataSpec;
import babysitter.data.Dataset;
import babysitter.data.MiniBatches;
import babysitter.data.SeededRandom;
import babysitter.engine.Hyperparameters;
import babysitter.engine.Lanes;
import babysitter.engine.Network;
import babysitter.session.configuration.Release;
import babysitter.session.configuration.RunConfig;
import babysitter.store.CheckpointInfo;
import babysitter.store.EpochMetric;
import babysitter.store.Event;
import babysitter.store.InsightRecord;
import babysitter.store.RunEvent;
import babysitter.store.RunWriter;
import babysitter.store.StepMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Trains one network on one data set a mini-batch at a time, on the caller's thread. Hyperparameter
 * changes take effect at the next step (a new mini-batch size at the next epoch) and are recorded
 * as events with the step index that first uses them; every {@code logEvery}-th step and every
 * epoch are recorded as metrics; every finished epoch leaves a checkpoint. With a {@link RunWriter}
 * all of it goes to the run folder as it happens.
 *
 * <p>Steps are counted from 0: "step s" is the (s+1)-th mini-batch of the run. Epochs are counted
 * from 0 while running; checkpoint {@code epoch-0003} holds the state after 3 finished epochs.
 *
 * <p>The step loop and going back to a checkpoint (a rewind, a continued run) read and write one
 * state (hyperparameters, epoch, batch order, branch, the epoch's tally) that must change together
 * at a step boundary, so both live here. Taking, keeping and finding the checkpoints is
 * {@link TrainerCheckpoints}'s job, recording {@link TrainerRecorder}'s, forks and sandboxes
 * {@link TrainerCopies}'; {@link Evaluator}, {@link TrainingTime}, {@link EpochTally} and
 * {@link UpdateBase} do the rest.
 */
public final class Trainer {

    /** Observes a trainer; called on the trainer's thread. */
    public interface Listener {
        default void onStep(StepMetric metric) {
        }

        default void onEpoch(EpochMetric metric) {
        }

        default void onEvent(RunEvent event) {
        }
    }

    /** The outcome of one step. */
    public record StepResult(long step, int epoch, double cost, boolean endOfEpoch) {
    }

    /** Rows evaluated at once: small enough that its work arrays stay small. */
    public static final int EVAL_CHUNK = 1024;

    /** How many checkpoints the trainer keeps in memory by default. */
    public static final int DEFAULT_RING = Checkpoints.DEFAULT_RING;

    private final RunConfig config;
    private final DataSpec.LoadedData data;
    private final Network net;
    private final TrainerRecorder recorder;
    private final Clock clock;
    private final MiniBatches batches;
    private final SeededRandom random;

    private Hyperparameters hp;
    /** The epochs to train: the configuration's, plus any added with {@link #addEpochs}. */
    private int epochs;
    private int epoch;
    private boolean inEpoch;
    private int branch;
    private final TrainerCheckpoints checkpoints;
    private final UpdateBase updateBase = new UpdateBase();
    /** The summary of the last finished epoch. */
    private EpochMetric lastEpoch;
    private final EpochTally tally = new EpochTally();
    private final TrainingTime time = new TrainingTime();

    /**
     * @param writer where the run is recorded, or null to record nothing
     */
    public Trainer(RunConfig config, DataSpec.LoadedData data, Network net, RunWriter writer, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.data = Objects.requireNonNull(data, "data");
        this.net = Objects.requireNonNull(net, "net");
        this.recorder = new TrainerRecorder(writer);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hp = config.optimizer().toHyperparameters();
        this.checkpoints = new TrainerCheckpoints(this, writer, config.checkpoints());
        this.epochs = config.epochs();
        this.random = new SeededRandom(batchSeed(config.seed()));
        Dataset train = data.split().train();
        if (train.rows() == 0) {
            throw new IllegalArgumentException("the training part of the data has no rows");
        }
        this.batches = new MiniBatches(train, hp.batchSize(), config.batchOrder(), random,
                net.config().precision().dataType());
        // each of the network's threads copies its share of a batch: they all read all of it
        batches.copyInParts(net.threads(), (parts, part) -> Lanes.shared().run(parts, part::accept));
    }

    /** The seed of the batch order, derived from the run seed so that it differs from the weights'. */
    static long batchSeed(long runSeed) {
        return runSeed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }

    public void addListener(Listener l) {
        recorder.add(l);
    }

    public Network network() {
        return net;
    }

    public RunConfig config() {
        return config;
    }

    public DataSpec.LoadedData data() {
        return data;
    }

    public Hyperparameters hyperparameters() {
        return hp;
    }

    /** Steps taken so far in this run (the index of the next step). */
    public long step() {
        return net.steps();
    }

    /** Whether an epoch is under way (the next step does not begin one). */
    public boolean inEpoch() {
        return inEpoch;
    }

    /** Epochs finished so far. */
    public int epoch() {
        return epoch;
    }

    /** The epochs this run trains in all. */
    public int epochs() {
        return epochs;
    }

    /**
     * Gives the run {@code n} more epochs (a finished run goes on), recorded as a "more-epochs" event
     * and in the run's {@code run.json}, so that an opened or replayed run knows its budget.
     */
    public void addEpochs(int n) {
        if (n < 1 || n > 1_000_000) {
            throw new IllegalArgumentException("more epochs must be from 1 to 1000000, got " + n);
        }
        epochs += n;
        event(new Event.MoreEpochs(n, epochs));
        recorder.epochs(epochs);
    }

    /** Whether every configured epoch is done. */
    public boolean finished() {
        return epoch >= epochs;
    }

    /**
     * Uses {@code next} from the next step on (its mini-batch size from the next epoch) and
     * records the change. Nothing is recorded when nothing changes.
     *
     * @param source who asked: "user", "config", "replay", or a rule's name
     */
    public void setHyperparameters(Hyperparameters next, String source) {
        Objects.requireNonNull(next, "next");
        if (next.equals(hp)) {
            return;
        }
        int batchSizeFrom = -1;
        if (next.batchSize() != hp.batchSize()) {
            batchSizeFrom = inEpoch ? epoch + 1 : epoch;
            batches.setBatchSize(next.batchSize());
        }
        Event change = new Event.HyperparametersChanged(hp, next, source, batchSizeFrom);
        hp = next;
        event(change);
    }

    /**
     * Seconds of training in this run so far: the time spent inside {@link #trainStep} (which holds
     * each epoch's evaluation, insights and checkpoint too), not the time between steps (a pause,
     * a pace holding the next epoch back, a range test): the x of a chart in seconds.
     * Continues across rewinds: a new branch happens later.
     */
    public double elapsedSeconds() {
        return time.elapsedNanos() / 1e9;
    }

    /** Takes one mini-batch step (starting an epoch first if needed, finishing it after its last batch). */
    public StepResult trainStep() {
        if (finished()) {
            throw new IllegalStateException("all " + epochs + " epochs are done");
        }
        time.stepBegins();
        try {
            return timedStep();
        } finally {
            time.stepEnded();
        }
    }

    private StepResult timedStep() {
        if (!inEpoch) {
            beginEpoch();
        }
        MiniBatches.Batch b = batches.next();
        long index = net.steps();
        updateBase.beforeStep(net, !batches.hasNext());
        double cost = net.trainStep(b.x(), b.labels(), hp, epoch);
        if (Double.isFinite(cost)) {
            tally.add(cost, b.labels().length, net.lastBatchCorrect());
        } else {
            // The engine made no update; step the counter so that the run's history stays in order.
            net.setSteps(index + 1);
        }
        if ((index + 1) % config.logEvery() == 0 || !Double.isFinite(cost)) {
            double rate = time.logRate(index + 1, hp.batchSize());
            StepMetric m = new StepMetric(index, epoch, branch, cost, hp.learningRateAt(epoch), hp.momentum(),
                    rate, clock.millis(), elapsedSeconds());
            recorder.step(m);
        }
        boolean end = !batches.hasNext();
        if (end) {
            finishEpoch();
        }
        return new StepResult(index, end ? epoch - 1 : epoch, cost, end);
    }

    /** Trains until the current epoch ends; returns its summary. */
    public EpochMetric trainEpoch() {
        while (!trainStep().endOfEpoch()) {
            // the epoch's last step finishes it
        }
        return lastEpoch;
    }

    private void beginEpoch() {
        batches.startEpoch();
        inEpoch = true;
        tally.reset();
        time.epochBegins(time.now(), net.steps());
    }

    private void finishEpoch() {
        inEpoch = false;
        double seconds = time.epochSeconds();
        EpochTally.Dev dev = tally.evaluateDev(net, data.split().dev(), EVAL_CHUNK, hp.batchSize(), epoch, branch);
        double trainCost = tally.trainCost();
        long elapsed = time.elapsedNanos();
        EpochMetric m = new EpochMetric(epoch, net.steps(), branch, trainCost, tally.trainAccuracy(), dev.cost(),
                dev.accuracy(), dev.costTrainMode(), dev.accuracyTrainMode(), seconds, clock.millis(),
                time.epochEnds(elapsed), elapsed / 1e9);
        checkpoints.epochEvaluated(Double.isNaN(dev.cost()) ? trainCost : dev.cost());
        epoch++;
        lastEpoch = m;
        recorder.epoch(m);
        checkpoints.takeEpochCheckpoint();
    }

    /**
     * Takes a checkpoint now, at a step boundary: kept in memory and written to the run store.
     * Returns the existing one if this step already has one of that id.
     *
     * @param source "epoch", "user", "auto" (before a change) or a rule's name
     */
    public Snapshot checkpoint(String source) {
        return checkpoints.take(source);
    }

    /** The checkpoints offered for a rewind: those in memory and those a person or a rule took, oldest first. */
    public List<Snapshot.CheckpointSummary> checkpoints() {
        return checkpoints.summaries();
    }

    /** Everything about the checkpoints beyond taking one and going back: ring size, lineage, disk. */
    public TrainerCheckpoints checkpointing() {
        return checkpoints;
    }

    /** The trainer's own state now, as a checkpoint keeps it. */
    TrainerState state() {
        return new TrainerState(hp, batches.position(), inEpoch, tally.costSum(), tally.correct(), tally.examples());
    }

    /** True while a sandbox runs: nothing is recorded. */
    boolean muted() {
        return recorder.muted();
    }

    /** The branch the run is on: 0 at the start, a new number after every rewind. */
    public int branch() {
        return branch;
    }

    /**
     * Goes back to checkpoint {@code id}, kept in memory or else in the run store: parameters,
     * optimiser state, batch-norm statistics, batch order and random state, hyperparameters and epoch
     * are restored exactly, and training goes on as a new branch. The history after the checkpoint
     * stays recorded under its old branch.
     *
     * @return the new branch number
     * @throws IllegalArgumentException when there is no such checkpoint, or its folder cannot be read
     */
    public int rewind(String id) {
        long fromStep = net.steps();
        int fromEpoch = epoch;
        TrainerCheckpoints.Found found = checkpoints.restore(id);
        return branchFrom(found, fromStep, fromEpoch, branch);
    }

    /** The trainer's part of a checkpoint back into this trainer (the network's part is restored already). */
    private void restoreState(TrainerState s, int epochAt) {
        hp = s.hp();
        epoch = epochAt;
        inEpoch = s.inEpoch();
        batches.restore(s.position());
        tally.restore(s.costSum(), s.correct(), s.examples());
    }

    /** Goes on as a new branch from a checkpoint whose network state was just restored; records the rewind. */
    private int branchFrom(TrainerCheckpoints.Found found, long fromStep, int fromEpoch, int fromBranch) {
        Snapshot.CheckpointSummary c = found.summary();
        net.setSteps(c.step());
        restoreState(found.state(), c.epoch());
        time.branched(net.steps());
        branch = checkpoints.branchFrom(c);
        event(new Event.Rewind(c.id(), fromStep, fromEpoch, fromBranch, branch, found.fromDisk()));
        return branch;
    }

    /**
     * Continues a recorded run from one of its checkpoints on disk (the trainer must be fresh, made
     * for the same run): the network, optimiser state, batch-norm statistics, batch order, random
     * state, hyperparameters and epoch come from the checkpoint folder, and training goes on as a
     * new branch numbered after the run's highest, recorded as a "rewind" event.
     */
    public int continueFrom(CheckpointInfo cp, int highestBranch) throws IOException {
        return continueFrom(cp, highestBranch, Release.VERSION);
    }

    /** As {@link #continueFrom(CheckpointInfo, int)} for a run recorded by version {@code recordedBy}. */
    public int continueFrom(CheckpointInfo cp, int highestBranch, String recordedBy) throws IOException {
        TrainerCheckpoints.Found found = checkpoints.readFromDisk(cp, highestBranch, recordedBy);
        // the rewind's "from" is the checkpoint itself: nothing of this process came before it
        return branchFrom(found, cp.step(), cp.epoch(), cp.branch());
    }

    /** A trainer recording nothing on this one's data, in the state of {@code target} (a fork). */
    Trainer copyAt(Snapshot target) {
        Network copy = new Network(net.config(), target.optimizer.kind());
        Trainer t = new Trainer(config, data, copy, null, clock);
        t.checkpoints.keepOneInMemoryOnly();
        t.restore(target);
        t.time.epochBegins(time.now(), copy.steps());
        return t;
    }

    /** Back into exactly the state of {@code s}, its branch included. */
    void restore(Snapshot s) {
        s.restoreInto(net);
        restoreState(s.state, s.epoch);
        branch = s.branch;
    }

    /** A snapshot of the network and this trainer now, not kept anywhere. */
    Snapshot snapshot(String id) {
        return new Snapshot(id, net, epoch, branch, clock.millis(), state());
    }

    /** The run's training clock (System.nanoTime unless a test set a ticker). */
    public TrainingTime time() {
        return time;
    }

    TrainerRecorder recorder() {
        return recorder;
    }

    /**
     * Per-layer statistics of the last training step: batch and running statistics, histograms
     * of z, z̃ and a, γ and β summaries, gradient norms and, for the last step of an epoch, the
     * update-to-parameter ratio ‖ΔW‖/‖W‖.
     */
    public List<LayerStats> layerStats(int bins) {
        return updateBase.layerStats(net, bins);
    }

    /**
     * The dev confusion matrix counted by the inference-mode dev evaluation at the end of epoch
     * {@code epoch} of {@code branch}, or null if that was not the last evaluated epoch.
     */
    public long[][] devConfusion(int epoch, int branch) {
        return tally.devConfusion(epoch, branch);
    }

    /** The run folder, or null when nothing is recorded. */
    public Path runDir() {
        return recorder.runDir();
    }

    /** Records a stop event and closes the run's files. */
    public void close() {
        if (!recorder.open()) {
            return;
        }
        event(new Event.Stop(finished()));
        recorder.close();
    }

    /** Records an event at the current step. */
    public void event(Event e) {
        event(e, net.steps(), epoch);
    }

    /**
     * Records an event about an earlier step of this branch (the divergence guard names the step
     * whose cost was bad, which is already taken).
     */
    public void event(Event what, long step, int epoch) {
        recorder.event(new RunEvent(step, epoch, branch, what, clock.millis()));
    }

    /** Appends an insight (confusion matrix, samples, decision regions) to the run's {@code insights.jsonl}. */
    public void recordInsight(InsightRecord r) {
        recorder.insight(r);
    }

    /** The clock the run's records are stamped with. */
    public Clock clock() {
        return clock;
    }
}
