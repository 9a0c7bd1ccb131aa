package babysitter.session.training;

import babysitter.engine.Hyperparameters;
import babysitter.engine.Network;
import babysitter.engine.NetworkFiles;
import babysitter.session.configuration.CheckpointPolicy;
import babysitter.store.CheckpointInfo;
import babysitter.store.Event;
import babysitter.store.RunWriter;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A trainer's checkpoints and the way back to them: takes a checkpoint at a step boundary (kept in
 * memory, written to the run store and thinned there by the {@link CheckpointRetention} rule),
 * names it, finds one again for a rewind (in memory, or else read from its folder) and numbers the
 * branches that rewinds start. The trainer applies what is found to its own state.
 */
public final class TrainerCheckpoints {
    private final Trainer trainer;
    private final RunWriter writer;
    private final Checkpoints kept;
    private final CheckpointRetention retention;
    private boolean onDisk = true;
    private String lastEpochCheckpoint;
    /** The cost the retention rule calls best: the last epoch's dev cost, or its training cost. */
    private double lastWatchedCost = Double.NaN;
    private int maxBranch;

    /** @param writer the run store, or null when nothing is recorded */
    TrainerCheckpoints(Trainer trainer, RunWriter writer, CheckpointPolicy policy) {
        this.trainer = Objects.requireNonNull(trainer);
        this.writer = writer;
        this.kept = new Checkpoints(() -> trainer.time().now());
        this.retention = new CheckpointRetention(policy);
    }

    /** A checkpoint found for a rewind, its network state already put back into the trainer's network. */
    record Found(Snapshot.CheckpointSummary summary, TrainerState state, boolean fromDisk) {
    }

    // ------------------------------------------------------------------ taking

    /**
     * Takes a checkpoint now, at a step boundary: kept in memory (the newest {@link #ringCapacity()})
     * and written to the run store. Returns the existing one if this step already has one of that id.
     *
     * @param source "epoch", "user", "auto" (before a change) or a rule's name
     */
    Snapshot take(String source) {
        Network net = trainer.network();
        String base = switch (source) {
            case "epoch" -> "epoch-%04d".formatted(trainer.epoch());
            case "auto" -> "auto-%d".formatted(net.steps());
            default -> "step-%d".formatted(net.steps());
        };
        return take(idOnBranch(base), source);
    }

    /**
     * An epoch has been counted: its checkpoint is taken once the epoch's listeners have run
     * ({@link #takeEpochCheckpoint}), and the retention rule judges it by {@code watchedCost}.
     */
    void epochEvaluated(double watchedCost) {
        lastWatchedCost = watchedCost;
    }

    void takeEpochCheckpoint() {
        lastEpochCheckpoint = take(idOnBranch("epoch-%04d".formatted(trainer.epoch())), "epoch").id();
    }

    private String idOnBranch(String base) {
        int branch = trainer.branch();
        return branch == 0 ? base : base + ".b" + branch;
    }

    private Snapshot take(String id, String source) {
        Snapshot existing = kept.inMemory(id);
        if (existing != null) {
            return existing;
        }
        Network net = trainer.network();
        int epoch = trainer.epoch();
        Snapshot snap = new Snapshot(id, net, epoch, trainer.branch(), trainer.clock().millis(), trainer.state());
        kept.keep(snap);
        if (writer != null && onDisk && !trainer.muted()) {
            kept.wrote(writer.checkpointOf(id, net, net.steps(), epoch, trainer.branch(), snap.state.stored()));
            for (String old : retention.written(id, source, epoch, source.equals("epoch") ? lastWatchedCost
                    : Double.NaN)) {
                writer.deleteCheckpoint(old);
                kept.deletedFromDisk(old);
            }
        }
        trainer.event(new Event.CheckpointTaken(id, source));
        return snap;
    }

    // ------------------------------------------------------------------ finding

    /**
     * Checkpoint {@code id}, kept in memory or else in the run store, with its network state put
     * back into the trainer's network.
     *
     * @throws IllegalArgumentException when there is no such checkpoint, or its folder cannot be read
     */
    Found restore(String id) {
        Network net = trainer.network();
        Snapshot target = kept.inMemory(id);
        if (target != null) {
            target.restoreInto(net);
            return new Found(target.summary(), target.state, false);
        }
        CheckpointInfo cp = kept.onDisk(id);
        if (cp == null) {
            throw new IllegalArgumentException("no checkpoint '" + id + "' in memory or in the run store; kept "
                    + kept.describe());
        }
        try {
            TrainerState state = TrainerState.of(cp);
            // read into a network of its own first: a folder that fails half-way leaves this one as it was
            Network read = new Network(net.config(), state.hp().optimizer());
            NetworkFiles.loadInto(read, cp.dir());
            new Snapshot(cp.id(), read, cp.epoch(), cp.branch(), cp.timeMillis(), state).restoreInto(net);
            return new Found(summaryOf(cp), state, true);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint '" + id + "' cannot be read from " + cp.dir() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A recorded run's checkpoint folder read into the trainer's network (a fresh trainer continuing
     * that run); branches made from now on are numbered after {@code highestBranch}.
     */
    Found readFromDisk(CheckpointInfo cp, int highestBranch, String recordedBy) throws IOException {
        TrainerState state = TrainerState.of(cp, recordedBy);
        NetworkFiles.loadInto(trainer.network(), cp.dir());
        maxBranch = Math.max(maxBranch, highestBranch);
        return new Found(summaryOf(cp), state, true);
    }

    private static Snapshot.CheckpointSummary summaryOf(CheckpointInfo cp) {
        return new Snapshot.CheckpointSummary(cp.id(), cp.step(), cp.epoch(), cp.branch(), cp.timeMillis());
    }

    /** A new branch starts from checkpoint {@code c}: its number (after every branch so far). */
    int branchFrom(Snapshot.CheckpointSummary c) {
        int branch = ++maxBranch;
        kept.branched(branch, c.branch(), c.step());
        retention.branchedFrom(c.id());
        return branch;
    }

    /** The checkpoint in memory with this id, or null. */
    Snapshot inMemory(String id) {
        return kept.inMemory(id);
    }

    // ------------------------------------------------------------------ a sandbox, a fork

    /** What a sandbox changes of the checkpoints, to put back afterwards. */
    record Saved(List<Snapshot> ring, boolean onDisk, int maxBranch) {
    }

    Saved save() {
        return new Saved(kept.ringCopy(), onDisk, maxBranch);
    }

    void restore(Saved s) {
        onDisk = s.onDisk();
        kept.restoreRing(s.ring());
        maxBranch = s.maxBranch();
    }

    /** For a forked trainer: one checkpoint in memory, nothing on disk. */
    void keepOneInMemoryOnly() {
        onDisk = false;
        kept.setCapacity(1);
    }

    // ------------------------------------------------------------------ questions

    /** The id of the checkpoint the last finished epoch left, or null before the first. */
    public String lastEpochCheckpoint() {
        return lastEpochCheckpoint;
    }

    /** The checkpoints offered for a rewind: those in memory and those a person or a rule took, oldest first. */
    public List<Snapshot.CheckpointSummary> summaries() {
        return kept.summaries();
    }

    /** The newest checkpoint in memory taken at or before the current step of this branch's lineage, or null. */
    public Snapshot.CheckpointSummary last() {
        return kept.newestInLineage(trainer.branch(), trainer.step());
    }

    /** Whether a rewind can go back to checkpoint {@code id}: it is in memory or in the run store. */
    public boolean canRewindTo(String id) {
        return kept.inMemory(id) != null || kept.onDisk(id) != null;
    }

    /** The hyperparameters stored with a checkpoint kept in memory. */
    public Hyperparameters hyperparametersAt(String id) {
        Snapshot s = kept.inMemory(id);
        if (s == null) {
            throw new IllegalArgumentException("no checkpoint '" + id + "' in memory");
        }
        return s.state.hp();
    }

    /**
     * Whether a checkpoint lies on the history that led to the current state: taken on this branch
     * at or before the current step, or on an ancestor branch at or before the step it was left at.
     */
    public boolean inLineage(Snapshot.CheckpointSummary c) {
        return kept.inLineage(c, trainer.branch(), trainer.step());
    }

    public int ringCapacity() {
        return kept.capacity();
    }

    /** How many checkpoints to keep in memory (at least 1); the oldest go first. */
    public void setRingCapacity(int n) {
        kept.setCapacity(n);
    }

    /** Keeps the checkpoints with these ids in memory when they are taken (a replay's rewind targets). */
    void pin(Collection<String> ids) {
        kept.pin(ids);
    }

    /** Whether checkpoints are also written to the run store (default true). */
    public void setOnDisk(boolean on) {
        onDisk = on;
    }
}
