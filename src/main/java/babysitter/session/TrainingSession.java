package babysitter.session;

import babysitter.engine.Hyperparameters;
import babysitter.store.EpochMetric;
import babysitter.store.RunEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live training run on its own daemon thread, named {@code trainer}. Callers {@link #submit}
 * commands; the thread applies them at the next mini-batch boundary, in submission order, and
 * sends immutable {@link Report}s to listeners. A listener gets its reports on a thread of its
 * own: a slow listener loses old step reports (never epoch, event or state reports) and never
 * slows training.
 *
 * <p>Also here: the divergence guard and the automatic rules ({@link Rules}), the automatic
 * checkpoint before a change of α or β, and the learning-rate range test.
 */
public final class TrainingSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    /** Weight of the past in the guard's smoothing of the step cost. */
    static final double GUARD_SMOOTHING = 0.9;
    /** Step reports a listener may have waiting before the oldest are dropped. */
    public static final int MAX_PENDING_STEPS = 4096;
    /** Bins of the histograms in epoch reports. */
    public static final int HISTOGRAM_BINS = 30;

    private final Trainer trainer;
    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final Thread thread;

    // Owned by the training thread.
    private Report.State state = Report.State.IDLE;
    private Rules rules = Rules.DEFAULTS;
    private int pendingSteps;
    private boolean runToEpochEnd;
    /** Epoch ends still to reach while {@link #runToEpochEnd} (1 for Run epoch, K after adopting a sibling). */
    private int epochsToRun = 1;
    /** The siblings of "Try siblings" until they are adopted or discarded, or null. */
    private Siblings.Run siblings;
    /** While an adopted sibling's epochs are retrained: its parameters at the end, to check against. */
    private double[] adoptedParams;
    private int adoptedIndex = -1;
    private double bestStepCost = Double.POSITIVE_INFINITY;
    private double guardEma;
    private long guardCount;
    private double guardSmoothed = Double.NaN;
    private long branchSteps;
    private double rate;
    private long lastStepNanos;
    private double bestEpochCost = Double.POSITIVE_INFINITY;
    private String bestEpochCheckpoint;
    private int epochsSinceBest;
    private int epochsSincePlateauAction;

    private EpochMetric lastEpochMetric;
    /** Whether the last step's cost was finite and within the guard's factor of the best (or no step yet). */
    private boolean lastStepGood = true;
    /** Checkpoints taken right after a step that was not good: the guard never offers them. */
    private final java.util.Set<String> suspect = new java.util.HashSet<>();
    private volatile Report.State publishedState = Report.State.IDLE;
    /** Computes, publishes and records each epoch's insight reports (confusion, samples, regions). */
    private final EpochInsights insights;

    public TrainingSession(Trainer trainer) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.insights = new EpochInsights(trainer, this::publish);
        trainer.addListener(new Trainer.Listener() {
            @Override
            public void onEpoch(EpochMetric m) {
                lastEpochMetric = m;
                publish(new Report.EpochReport(m.epoch(), m.step(), m.branch(), m.trainCost(), m.trainAccuracy(),
                        m.devCost(), m.devAccuracy(), m.devCostTrainMode(), m.devAccuracyTrainMode(), m.seconds(),
                        trainer.layerStats(HISTOGRAM_BINS)));
                insights.onEpoch(m);
            }

            @Override
            public void onEvent(RunEvent e) {
                if (e.kind().equals("checkpoint")) {
                    rememberEpochRuleState(e.details().path("id").asText());
                }
                publish(toReport(e));
            }
        });
        this.thread = new Thread(this::loop, "trainer");
        thread.setDaemon(true);
    }

    /** Nanoseconds the last epoch's confusion matrix took (for measuring its cost). */
    long lastConfusionNanos() {
        return insights.lastConfusionNanos();
    }

    /** Starts the training thread (it waits for commands; {@link Command.Start} starts training). */
    public TrainingSession open() {
        thread.start();
        return this;
    }

    /** Queues a command for the training thread; never blocks. */
    public void submit(Command c) {
        queue.add(Objects.requireNonNull(c, "command"));
    }

    /** Adds a listener; it receives reports on a thread of its own from now on. */
    public void addListener(Consumer<Report> listener) {
        Channel ch = new Channel(listener, "session-listener-" + channels.size());
        channels.add(ch);
        ch.start();
    }

    /** The last state the training thread published. */
    public Report.State state() {
        return publishedState;
    }

    /** Whether the training thread has ended. */
    public boolean ended() {
        return !thread.isAlive() && publishedState != Report.State.IDLE;
    }

    /**
     * Stops training and waits for the training thread (at most {@code timeoutMillis}), then
     * delivers what listeners still have pending and ends their threads.
     *
     * @return whether the training thread ended in time
     */
    public boolean close(long timeoutMillis) {
        submit(new Command.Stop());
        boolean ended = true;
        if (thread.isAlive() || thread.getState() != Thread.State.NEW) {
            try {
                thread.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended = !thread.isAlive();
        }
        for (Channel ch : channels) {
            ch.finish(timeoutMillis);
        }
        return ended;
    }

    @Override
    public void close() {
        close(10_000);
    }

    // ------------------------------------------------------------------ the training thread

    private void loop() {
        publishState();
        try {
            while (state != Report.State.STOPPED) {
                if (pendingSteps > 0 && !trainer.finished()) {
                    // A Step command is done before the commands submitted after it are applied.
                    pendingSteps--;
                    step();
                    continue;
                }
                boolean busy = state == Report.State.RUNNING || pendingSteps > 0 || runToEpochEnd;
                Command c = busy ? queue.poll() : queue.take();
                if (c != null) {
                    apply(c);
                    continue;
                }
                if (trainer.finished()) {
                    pendingSteps = 0;
                    runToEpochEnd = false;
                    setState(Report.State.FINISHED);
                    continue;
                }
                if (state == Report.State.RUNNING) {
                    step();
                } else if (pendingSteps > 0) {
                    pendingSteps--;
                    step();
                } else if (runToEpochEnd) {
                    if (step().endOfEpoch() && --epochsToRun <= 0) {
                        runToEpochEnd = false;
                        checkAdopted();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = Report.State.STOPPED;
        } catch (RuntimeException | Error e) {
            LOG.error("training stopped by an error", e);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("error", String.valueOf(e.getMessage()));
            publish(new Report.EventReport("error", trainer.step(), trainer.epoch(), trainer.branch(),
                    "error: " + e.getMessage(), details));
            state = Report.State.FAILED;
        } finally {
            if (siblings != null) {
                try {
                    discardSiblings("stop");
                } catch (RuntimeException e) {
                    LOG.warn("could not discard the siblings: {}", e.getMessage());
                }
            }
            try {
                trainer.close();
            } catch (RuntimeException e) {
                LOG.warn("could not close the run: {}", e.getMessage());
            }
            publishState();
        }
    }

    private void apply(Command c) {
        if (siblings != null && movesTraining(c)) {
            publishError("siblings are training from " + siblings.from.id() + ": adopt one or discard them first");
            return;
        }
        if (c instanceof Command.TrySiblings t) {
            trySiblings(t);
        } else if (c instanceof Command.CancelSiblings) {
            if (siblings == null) {
                publishError("there are no siblings to discard");
            } else {
                discardSiblings("user");
            }
        } else if (c instanceof Command.AdoptSibling a) {
            adoptSibling(a.index());
        } else if (c instanceof Command.Start) {
            if (state == Report.State.IDLE || state == Report.State.PAUSED) {
                setState(Report.State.RUNNING);
            }
        } else if (c instanceof Command.Pause) {
            pendingSteps = 0;
            runToEpochEnd = false;
            if (state == Report.State.RUNNING) {
                trainer.event("pause", node());
                setState(Report.State.PAUSED);
            }
        } else if (c instanceof Command.Resume) {
            if (state == Report.State.PAUSED || state == Report.State.GUARD_TRIPPED || state == Report.State.IDLE
                    || (state == Report.State.FINISHED && !trainer.finished())) {
                trainer.event("resume", node());
                setState(Report.State.RUNNING);
            }
        } else if (c instanceof Command.Step) {
            if (state != Report.State.RUNNING && !trainer.finished()) {
                leaveIdleOrGuard();
                pendingSteps++;
            }
        } else if (c instanceof Command.RunEpoch) {
            if (state != Report.State.RUNNING && !trainer.finished()) {
                leaveIdleOrGuard();
                runToEpochEnd = true;
                epochsToRun = 1;
            }
        } else if (c instanceof Command.Stop) {
            state = Report.State.STOPPED;
        } else if (c instanceof Command.SetHyperparameters h) {
            setHyperparameters(h.hyperparameters(), "user");
        } else if (c instanceof Command.TakeCheckpoint) {
            markIfSuspect(trainer.checkpoint("user"));
            publishState();
        } else if (c instanceof Command.Rewind r) {
            rewind(r.checkpointId());
        } else if (c instanceof Command.SetRules r) {
            rules = r.rules();
            ObjectNode d = node();
            d.put("guard", rules.guard());
            d.put("guardAutoRewind", rules.guardAutoRewind());
            d.put("reduceOnPlateau", rules.reduceOnPlateau());
            d.put("earlyStop", rules.earlyStop());
            trainer.event("rules", d);
            publishState();
        } else if (c instanceof Command.LrRangeTest t) {
            rangeTest(t);
        }
    }

    private void leaveIdleOrGuard() {
        if (state == Report.State.IDLE || state == Report.State.GUARD_TRIPPED || state == Report.State.FINISHED) {
            setState(Report.State.PAUSED);
        }
    }

    private void setHyperparameters(Hyperparameters next, String source) {
        Hyperparameters now = trainer.hyperparameters();
        if (next.equals(now)) {
            return;
        }
        if ("user".equals(source) && changesAlphaOrBeta(now, next)) {
            markIfSuspect(trainer.checkpoint("auto"));
        }
        trainer.setHyperparameters(next, source);
        publishState();
    }

    /**
     * Whether {@code next} changes α or a β (momentum's β, Adam's β1, RMSprop's β2; see
     * {@link OptimizerBeta}): such a change from the user gets an automatic checkpoint first, so it
     * can be undone.
     */
    static boolean changesAlphaOrBeta(Hyperparameters now, Hyperparameters next) {
        return next.learningRate() != now.learningRate() || next.momentum() != now.momentum()
                || next.beta1() != now.beta1() || next.beta2() != now.beta2();
    }

    private void markIfSuspect(Snapshot s) {
        if (!lastStepGood) {
            suspect.add(s.id());
        }
    }

    /** The newest checkpoint of this lineage that was not taken right after a bad step, or null. */
    private Snapshot.CheckpointSummary lastGoodCheckpoint() {
        List<Snapshot.CheckpointSummary> all = trainer.checkpoints();
        for (int i = all.size() - 1; i >= 0; i--) {
            Snapshot.CheckpointSummary c = all.get(i);
            if (trainer.inLineage(c) && !suspect.contains(c.id())) {
                return c;
            }
        }
        return null;
    }

    private void rewind(String id) {
        try {
            trainer.rewind(id);
        } catch (IllegalArgumentException e) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("error", e.getMessage());
            publish(new Report.EventReport("error", trainer.step(), trainer.epoch(), trainer.branch(),
                    "rewind refused: " + e.getMessage(), details));
            return;
        }
        adoptedParams = null;
        startBranchAt(id);
        if (state == Report.State.FINISHED || state == Report.State.GUARD_TRIPPED) {
            setState(Report.State.PAUSED);
        }
        publishState();
    }

    /**
     * After any rewind (by hand, by the guard, by early stop, to adopt a sibling), to checkpoint
     * {@code id}: the guard starts afresh on the new branch (warm-up, best smoothed cost, smoothing)
     * and the epoch rules take back their state as it was at that checkpoint (best epoch cost and
     * checkpoint, epochs since), or "no best yet" for a checkpoint they did not see.
     */
    private void startBranchAt(String id) {
        branchSteps = 0;
        bestStepCost = Double.POSITIVE_INFINITY;
        guardEma = 0;
        guardCount = 0;
        guardSmoothed = Double.NaN;
        lastStepNanos = 0;
        lastStepGood = !suspect.contains(id);
        EpochRuleState at = epochRuleStates.get(id);
        if (at == null) {
            at = new EpochRuleState(Double.POSITIVE_INFINITY, null, 0, 0);
        }
        bestEpochCost = at.bestCost();
        bestEpochCheckpoint = at.bestCheckpoint();
        epochsSinceBest = at.sinceBest();
        epochsSincePlateauAction = at.sincePlateauAction();
    }

    /** The epoch rules' state as it was at a checkpoint. */
    private record EpochRuleState(double bestCost, String bestCheckpoint, int sinceBest, int sincePlateauAction) {
    }

    /**
     * For each checkpoint kept in memory: the epoch rules' state when it was taken (for an epoch's
     * checkpoint: after the rules counted that epoch).
     */
    private final Map<String, EpochRuleState> epochRuleStates = new java.util.HashMap<>();

    private void rememberEpochRuleState(String checkpointId) {
        epochRuleStates.put(checkpointId, new EpochRuleState(bestEpochCost, bestEpochCheckpoint, epochsSinceBest,
                epochsSincePlateauAction));
        java.util.Set<String> kept = new java.util.HashSet<>();
        trainer.checkpoints().forEach(c -> kept.add(c.id()));
        kept.add(checkpointId);
        epochRuleStates.keySet().retainAll(kept);
    }

    private Trainer.StepResult step() {
        Hyperparameters hp = trainer.hyperparameters();
        int epochBefore = trainer.epoch();
        Snapshot.CheckpointSummary checkpointBefore = trainer.lastCheckpoint();
        Trainer.StepResult r = trainer.trainStep();
        long now = System.nanoTime();
        if (lastStepNanos != 0) {
            double instant = hp.batchSize() / ((now - lastStepNanos) / 1e9);
            rate = rate == 0 ? instant : 0.9 * rate + 0.1 * instant;
        }
        lastStepNanos = now;
        branchSteps++;
        if (Double.isFinite(r.cost())) {
            // The guard watches the cost smoothed over about ten steps: single mini-batches are
            // too noisy to compare with the best one (a debiased moving average, as on the chart).
            guardEma = GUARD_SMOOTHING * guardEma + (1 - GUARD_SMOOTHING) * r.cost();
            guardCount++;
            guardSmoothed = guardEma / (1 - Math.pow(GUARD_SMOOTHING, guardCount));
        }
        lastStepGood = Double.isFinite(r.cost())
                && (bestStepCost == Double.POSITIVE_INFINITY || guardSmoothed <= rules.guardFactor() * bestStepCost);
        Snapshot.CheckpointSummary checkpointAfter = trainer.lastCheckpoint();
        if (!lastStepGood && checkpointAfter != null && !checkpointAfter.equals(checkpointBefore)) {
            suspect.add(checkpointAfter.id()); // the epoch's checkpoint, taken after this step
        }
        if (Double.isFinite(r.cost())) {
            // Charts never get a NaN or infinite cost; the guard's event tells what happened.
            publish(new Report.StepReport(r.step(), epochBefore, trainer.branch(), r.cost(),
                    hp.learningRateAt(epochBefore), hp.momentum(), rate));
        }
        if (guard(r)) {
            return r;
        }
        if (r.endOfEpoch()) {
            epochRules(checkpointAfter != null && !checkpointAfter.equals(checkpointBefore) ? checkpointAfter.id()
                    : null);
        }
        if (trainer.finished()) {
            pendingSteps = 0;
            runToEpochEnd = false;
            setState(Report.State.FINISHED);
        }
        return r;
    }

    /** @return whether the guard tripped */
    private boolean guard(Trainer.StepResult r) {
        if (!rules.guard()) {
            return false;
        }
        double cost = r.cost();
        String reason = null;
        if (!Double.isFinite(cost)) {
            reason = "cost " + (Double.isNaN(cost) ? "NaN" : cost > 0 ? "+∞" : "−∞") + " at step " + r.step();
        } else if (branchSteps > rules.guardWarmupSteps() && guardSmoothed > rules.guardFactor() * bestStepCost) {
            reason = String.format(java.util.Locale.ROOT, "smoothed cost %.4g at step %d, above %s × the best %.4g",
                    guardSmoothed, r.step(), fmt(rules.guardFactor()), bestStepCost);
        }
        if (Double.isFinite(cost)) {
            bestStepCost = Math.min(bestStepCost, guardSmoothed);
        }
        if (reason == null) {
            return false;
        }
        Snapshot.CheckpointSummary good = lastGoodCheckpoint();
        Hyperparameters restoredHp = good == null ? null : trainer.hyperparametersAt(good.id());
        double halved = good == null ? Double.NaN
                : Math.min(restoredHp.learningRate(), trainer.hyperparameters().learningRate()) / 2;
        boolean autoRewind = rules.guardAutoRewind() && good != null && halved > 0;
        ObjectNode d = node();
        d.put("reason", reason);
        d.put("lastGood", good == null ? null : good.id());
        d.put("autoRewind", autoRewind);
        // at the bad step (and its epoch), where its cost is on the chart, not at the next one
        trainer.event("guard", r.step(), r.epoch(), d);
        pendingSteps = 0;
        runToEpochEnd = false;
        if (autoRewind) {
            rewind(good.id());
            setHyperparameters(trainer.hyperparameters().withLearningRate(halved), "guard");
            if (state != Report.State.RUNNING) {
                setState(Report.State.PAUSED);
            }
        } else {
            setState(Report.State.GUARD_TRIPPED);
        }
        return true;
    }

    /** @param epochCheckpoint the checkpoint the epoch just left, or null */
    private void epochRules(String epochCheckpoint) {
        EpochMetric last = lastEpochMetric;
        if (last == null) {
            return;
        }
        double cost = Double.isNaN(last.devCost()) ? last.trainCost() : last.devCost();
        if (cost < bestEpochCost - 1e-12) {
            bestEpochCost = cost;
            Snapshot.CheckpointSummary cp = trainer.lastCheckpoint();
            bestEpochCheckpoint = cp == null ? null : cp.id();
            epochsSinceBest = 0;
            epochsSincePlateauAction = 0;
        } else {
            epochsSinceBest++;
            epochsSincePlateauAction++;
        }
        if (rules.reduceOnPlateau() && epochsSincePlateauAction >= rules.plateauPatience()) {
            Hyperparameters hp = trainer.hyperparameters();
            setHyperparameters(hp.withLearningRate(hp.learningRate() * rules.plateauFactor()), "plateau");
            epochsSincePlateauAction = 0;
        }
        if (epochCheckpoint != null) {
            rememberEpochRuleState(epochCheckpoint);
        }
        if (rules.earlyStop() && epochsSinceBest >= rules.earlyStopPatience()) {
            ObjectNode d = node();
            d.put("best", bestEpochCheckpoint);
            d.put("bestCost", bestEpochCost);
            d.put("patience", rules.earlyStopPatience());
            trainer.event("early-stop", d);
            if (bestEpochCheckpoint != null) {
                String best = bestEpochCheckpoint;
                try {
                    trainer.rewind(best);
                    adoptedParams = null;
                    startBranchAt(best);
                } catch (IllegalArgumentException e) {
                    LOG.warn("early stop could not restore {}: {}", best, e.getMessage());
                }
            }
            pendingSteps = 0;
            runToEpochEnd = false;
            setState(Report.State.FINISHED);
        }
    }

    private void rangeTest(Command.LrRangeTest t) {
        if (trainer.finished()) {
            publishError("the range test needs a run that is not finished");
            return;
        }
        double[] alphas = new double[t.steps()];
        double[] costs = new double[t.steps()];
        int[] done = {0};
        trainer.sandboxed(() -> {
            // Stop once the cost, smoothed as for the suggestion, has grown four times past its
            // best: single mini-batch costs are too noisy to stop on.
            double best = Double.POSITIVE_INFINITY;
            double ema = 0;
            for (int i = 0; i < t.steps() && !trainer.finished(); i++) {
                double alpha = t.minAlpha() * Math.pow(t.maxAlpha() / t.minAlpha(), i / (double) (t.steps() - 1));
                trainer.setHyperparameters(trainer.hyperparameters().withLearningRate(alpha), "range-test");
                double cost = trainer.trainStep().cost();
                alphas[i] = alpha;
                costs[i] = cost;
                done[0] = i + 1;
                if (!Double.isFinite(cost)) {
                    break;
                }
                ema = LrRangeTest.SMOOTHING * ema + (1 - LrRangeTest.SMOOTHING) * cost;
                double smoothed = ema / (1 - Math.pow(LrRangeTest.SMOOTHING, i + 1));
                if (i >= 10 && smoothed > 4 * best) {
                    break;
                }
                best = Math.min(best, smoothed);
            }
            return null;
        });
        double[] a = java.util.Arrays.copyOf(alphas, done[0]);
        double[] c = java.util.Arrays.copyOf(costs, done[0]);
        double suggested = LrRangeTest.suggest(a, c);
        ObjectNode d = node();
        d.put("minAlpha", t.minAlpha());
        d.put("maxAlpha", t.maxAlpha());
        d.put("steps", done[0]);
        d.put("suggested", suggested);
        trainer.event("lr-range-test", d);
        publish(new Report.LrRangeReport(a, c, suggested));
    }

    // ------------------------------------------------------------------ try siblings

    /** Commands that would move the main run while siblings wait to be adopted. */
    private static boolean movesTraining(Command c) {
        return c instanceof Command.Start || c instanceof Command.Resume || c instanceof Command.Step
                || c instanceof Command.RunEpoch || c instanceof Command.Rewind || c instanceof Command.LrRangeTest
                || c instanceof Command.TrySiblings;
    }

    private void trySiblings(Command.TrySiblings t) {
        if (trainer.finished()) {
            publishError("siblings need a run that is not finished");
            return;
        }
        pendingSteps = 0;
        runToEpochEnd = false;
        if (state == Report.State.RUNNING) {
            trainer.event("pause", node());
            setState(Report.State.PAUSED);
        }
        // The checkpoint to branch from: one of this lineage at this very step, or a new one.
        Snapshot.CheckpointSummary last = trainer.lastCheckpoint();
        Snapshot.CheckpointSummary from = last;
        if (last == null || last.step() != trainer.step()) {
            Snapshot snap = trainer.checkpoint("siblings");
            markIfSuspect(snap);
            from = snap.summary();
        }
        List<Hyperparameters> hps = Siblings.draw(trainer.hyperparameters(), t.count(), t.alphaDecades(),
                t.betaDecades(), t.seed());
        List<Trainer> forks = new ArrayList<>();
        for (Hyperparameters hp : hps) {
            Trainer f = trainer.fork(from.id());
            f.setHyperparameters(hp, "siblings");
            forks.add(f);
        }
        ObjectNode d = node();
        d.put("checkpoint", from.id());
        d.put("count", t.count());
        d.put("epochs", t.epochs());
        d.put("alphaDecades", t.alphaDecades());
        d.put("betaDecades", t.betaDecades());
        d.put("seed", t.seed());
        d.put("threads", Siblings.threadsFor(t.count()));
        OptimizerBeta varied = OptimizerBeta.of(hps.get(0).optimizer());
        d.put("varied", varied == OptimizerBeta.NONE ? "none" : varied.key());
        var alphas = d.putArray("alphas");
        hps.forEach(h -> alphas.add(h.learningRate()));
        if (varied != OptimizerBeta.NONE) {
            var betas = d.putArray("betas");
            hps.forEach(h -> betas.add(varied.get(h)));
        }
        trainer.event("siblings", d);
        siblings = new Siblings.Run(from, t.epochs(), hps, forks, this::publish);
        siblings.start();
        publishState();
    }

    private void discardSiblings(String reason) {
        Siblings.Run run = siblings;
        siblings = null;
        run.cancelAndWait(60_000);
        ObjectNode d = node();
        d.put("checkpoint", run.from.id());
        d.put("reason", reason);
        trainer.event("siblings-discarded", d);
        publish(run.report(Report.SiblingsReport.Phase.DISCARDED, -1));
        publishState();
    }

    private void adoptSibling(int index) {
        Siblings.Run run = siblings;
        if (run == null) {
            publishError("there are no siblings to adopt");
            return;
        }
        if (index >= run.hps.size()) {
            publishError("there is no sibling " + (index + 1) + " (there are " + run.hps.size() + ")");
            return;
        }
        Report.SiblingsReport.SiblingState s = run.state(index);
        if (s != Report.SiblingsReport.SiblingState.DONE) {
            publishError("sibling " + (index + 1) + " cannot be adopted: it is " + s.name().toLowerCase(java.util.Locale.ROOT)
                    + ", not done");
            return;
        }
        try {
            trainer.hyperparametersAt(run.from.id());
        } catch (IllegalArgumentException e) {
            publishError("sibling " + (index + 1) + " cannot be adopted: its checkpoint " + run.from.id()
                    + " is no longer kept in memory; discard the siblings");
            return;
        }
        siblings = null;
        run.cancelAndWait(60_000);
        Hyperparameters hp = run.hps.get(index);
        int epochsDone = run.epochsDone(index);
        ObjectNode d = node();
        d.put("checkpoint", run.from.id());
        d.put("index", index);
        d.put("alpha", hp.learningRate());
        if (run.beta != OptimizerBeta.NONE) {
            d.put("beta", run.beta.get(hp));
            d.put("betaName", run.beta.key());
        }
        d.put("epochs", epochsDone);
        trainer.event("siblings-adopted", d);
        publish(run.report(Report.SiblingsReport.Phase.ADOPTED, index));
        // Recorded as a rewind, a change of α and β and the same epochs trained again: the replay
        // of the run does exactly this, and the result equals the sibling's state bit for bit.
        int branchBefore = trainer.branch();
        rewind(run.from.id());
        if (trainer.branch() == branchBefore) {
            return; // the rewind was refused and reported
        }
        setHyperparameters(hp, "siblings");
        adoptedParams = run.trainers.get(index).network().parameters().toDoubleVector();
        adoptedIndex = index;
        if (!trainer.finished() && epochsDone > 0) {
            leaveIdleOrGuard();
            runToEpochEnd = true;
            epochsToRun = epochsDone;
        }
        publishState();
    }

    /** After an adopted sibling's epochs: whether the main run reached the sibling's parameters exactly. */
    private void checkAdopted() {
        double[] expected = adoptedParams;
        adoptedParams = null;
        if (expected == null) {
            return;
        }
        double[] actual = trainer.network().parameters().toDoubleVector();
        if (!java.util.Arrays.equals(expected, actual)) {
            LOG.warn("the adopted branch differs from sibling {}", adoptedIndex + 1);
            publishError("the adopted branch differs from sibling " + (adoptedIndex + 1)
                    + " (a rule or a change during the retraining, or a bug)");
        }
    }

    private void publishError(String message) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("error", message);
        publish(new Report.EventReport("error", trainer.step(), trainer.epoch(), trainer.branch(), message, details));
    }

    private void setState(Report.State s) {
        state = s;
        publishState();
    }

    private void publishState() {
        publishedState = state;
        publish(new Report.StateReport(state, trainer.step(), trainer.epoch(), trainer.branch(),
                trainer.config().epochs(), trainer.hyperparameters(), rules, trainer.checkpoints()));
    }

    private void publish(Report r) {
        for (Channel ch : channels) {
            ch.offer(r);
        }
    }

    private static ObjectNode node() {
        return ConfigFiles.MAPPER.createObjectNode();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** An event as a report, with a short label for chart markers. */
    public static Report.EventReport toReport(RunEvent e) {
        Map<String, String> details = new LinkedHashMap<>();
        Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = e.details().fields();
        while (it.hasNext()) {
            var f = it.next();
            details.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
        }
        return new Report.EventReport(e.kind(), e.step(), e.epoch(), e.branch(), label(e), details);
    }

    static String label(RunEvent e) {
        var d = e.details();
        return switch (e.kind()) {
            case "hyperparameters" -> changeLabel(d.path("from"), d.path("to"));
            case "rewind" -> "rewind to " + d.path("to").asText();
            case "checkpoint" -> "checkpoint " + d.path("id").asText();
            case "guard" -> "guard: " + d.path("reason").asText();
            case "early-stop" -> "early stop (best " + d.path("best").asText() + ")";
            case "siblings" -> "siblings ×" + d.path("count").asText() + " from " + d.path("checkpoint").asText();
            case "siblings-adopted" -> "adopted sibling " + (d.path("index").asInt() + 1) + " (α "
                    + short_(d.path("alpha")) + (d.path("beta").isMissingNode() ? ""
                    : ", " + betaSymbol(d.path("betaName").asText("momentum")) + " " + short_(d.path("beta"))) + ")";
            case "siblings-discarded" -> "siblings discarded";
            case "lr-range-test" -> d.path("suggested").isNumber() && Double.isFinite(d.path("suggested").asDouble())
                    ? "range test: α " + short_(d.path("suggested")) : "range test: no clear descent";
            default -> e.kind();
        };
    }

    /** "β1" for "beta1", "β2" for "beta2", else "β" (momentum, and events written before the name was). */
    private static String betaSymbol(String key) {
        return switch (key) {
            case "beta1" -> "β1";
            case "beta2" -> "β2";
            default -> "β";
        };
    }

    private static String changeLabel(com.fasterxml.jackson.databind.JsonNode from,
                                      com.fasterxml.jackson.databind.JsonNode to) {
        List<String> parts = new ArrayList<>();
        String[][] names = {{"learningRate", "α"}, {"momentum", "β"}, {"beta1", "β1"}, {"beta2", "β2"},
            {"epsilon", "ε"}, {"l2", "λ"}, {"batchSize", "batch"}, {"decay", "decay"}, {"decayRate", "decay rate"}};
        if (!from.path("kind").equals(to.path("kind"))) {
            parts.add("optimiser → " + pretty(to.path("kind").asText()));
        }
        for (String[] n : names) {
            if (!from.path(n[0]).equals(to.path(n[0]))) {
                parts.add(n[1] + " " + short_(from.path(n[0])) + "→" + short_(to.path(n[0])));
            }
        }
        return parts.isEmpty() ? "hyperparameters" : String.join(", ", parts);
    }

    private static String pretty(String kind) {
        return switch (kind) {
            case "ADAM" -> "Adam";
            case "RMSPROP" -> "RMSprop";
            case "MOMENTUM" -> "momentum";
            case "SGD" -> "SGD";
            default -> kind;
        };
    }

    private static String short_(com.fasterxml.jackson.databind.JsonNode v) {
        if (v.isNumber()) {
            double d = v.asDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d)
                    : String.format(java.util.Locale.ROOT, "%.3g", d).replaceAll("\\.?0+(e|$)", "$1");
        }
        return v.asText().toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ listener channels

    /** A listener's own thread and queue: step reports may be dropped oldest-first, others never. */
    private static final class Channel {
        private final Consumer<Report> listener;
        private final Thread thread;
        private final ArrayDeque<Report> pending = new ArrayDeque<>();
        private int pendingSteps;
        private boolean finishing;
        private long dropped;

        Channel(Consumer<Report> listener, String name) {
            this.listener = listener;
            this.thread = new Thread(this::run, name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        synchronized void offer(Report r) {
            if (r.droppable()) {
                if (pendingSteps >= MAX_PENDING_STEPS) {
                    for (Iterator<Report> it = pending.iterator(); it.hasNext(); ) {
                        if (it.next().droppable()) {
                            it.remove();
                            pendingSteps--;
                            dropped++;
                            break;
                        }
                    }
                }
                pendingSteps++;
            }
            pending.addLast(r);
            notifyAll();
        }

        private synchronized Report take() throws InterruptedException {
            while (pending.isEmpty()) {
                if (finishing) {
                    return null;
                }
                wait();
            }
            Report r = pending.removeFirst();
            if (r.droppable()) {
                pendingSteps--;
            }
            return r;
        }

        private void run() {
            try {
                Report r;
                while ((r = take()) != null) {
                    try {
                        listener.accept(r);
                    } catch (RuntimeException e) {
                        LOG.warn("a session listener failed on {}: {}", r.getClass().getSimpleName(), e.toString());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void finish(long timeoutMillis) {
            synchronized (this) {
                finishing = true;
                notifyAll();
            }
            try {
                thread.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
