package babysitter.session;

import babysitter.engine.Hyperparameters;
import babysitter.store.EpochMetric;
import babysitter.store.RunEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live training run on its own daemon thread, named {@code trainer}. Callers {@link #submit}
 * commands; the thread applies them at the next mini-batch boundary, in submission order, and
 * sends immutable {@link Report}s to listeners ({@link ReportChannels}: a slow listener loses old
 * step reports, never others, and never slows training).
 *
 * <p>This class is the state machine (idle, running, paused, guard tripped, finished, stopped)
 * and the commands. The automatic rules are {@link SessionRule}s it tells about each step, epoch,
 * checkpoint and rewind ({@link DivergenceGuard}, {@link PlateauRule}, {@link EarlyStopRule});
 * siblings are {@link SiblingsController}'s, the range test {@link LrRangeTest}'s.
 */
public final class TrainingSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    /** Step reports a listener may have waiting before the oldest are dropped. */
    public static final int MAX_PENDING_STEPS = ReportChannels.MAX_PENDING_STEPS;
    /** Bins of the histograms in epoch reports. */
    public static final int HISTOGRAM_BINS = 30;

    private final Trainer trainer;
    private final LinkedBlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final ReportChannels channels = new ReportChannels();
    private final Thread thread;
    private final Core core = new Core();
    private final List<SessionRule> rules;
    private final SiblingsController siblings = new SiblingsController(core);
    private final StepRate rate = new StepRate();
    /** Computes, publishes and records each epoch's insight reports (confusion, samples, regions). */
    private final EpochInsights insights;

    // Owned by the training thread.
    private Report.State state = Report.State.IDLE;
    private Rules ruleSettings = Rules.DEFAULTS;
    private int pendingSteps;
    /** Epoch ends still to reach before pausing (1 for Run epoch, K after adopting a sibling), 0 for none. */
    private int epochsToRun;
    private EpochMetric lastEpochMetric;
    private Pace pace = Pace.FASTEST;
    /** When the next epoch may start at the current pace ({@link Trainer#nanoTime}); 0 for now. */
    private long nextEpochNanos;
    /** When the current epoch's first step began. */
    private long epochStartNanos;
    private volatile Report.State publishedState = Report.State.IDLE;

    public TrainingSession(Trainer trainer) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.rules = List.of(new Schedule(trainer), new DivergenceGuard(trainer.network().config().classes()), new PlateauRule(),
                new EarlyStopRule());
        this.insights = new EpochInsights(trainer, channels::publish);
        trainer.addListener(new Trainer.Listener() {
            @Override
            public void onEpoch(EpochMetric m) {
                lastEpochMetric = m;
                channels.publish(new Report.EpochReport(m.epoch(), m.step(), m.branch(), m.trainCost(),
                        m.trainAccuracy(), m.devCost(), m.devAccuracy(), m.devCostTrainMode(),
                        m.devAccuracyTrainMode(), m.seconds(), trainer.layerStats(HISTOGRAM_BINS),
                        m.elapsedSeconds()));
                insights.onEpoch(m);
            }

            @Override
            public void onEvent(RunEvent e) {
                if (e.kind().equals("checkpoint")) {
                    String id = e.details().path("id").asText();
                    rules.forEach(r -> r.onCheckpoint(id));
                }
                channels.publish(EventLabels.toReport(e, trainer.elapsedSeconds()));
                if (e.kind().equals("checkpoint") || e.kind().equals("rewind")) {
                    channels.publish(new Report.CheckpointsReport(trainer.branch(), trainer.checkpoints()));
                }
            }
        });
        this.thread = new Thread(this::loop, "trainer");
        thread.setDaemon(true);
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
        channels.add(listener);
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
        channels.finish(timeoutMillis);
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
                boolean busy = state == Report.State.RUNNING || epochsToRun > 0;
                long wait = state == Report.State.RUNNING ? nextEpochNanos - trainer.nanoTime() : 0;
                // waiting for the pace, a command is still taken at once
                Command c = !busy ? queue.take() : wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                if (c == null && state == Report.State.RUNNING && nextEpochNanos - trainer.nanoTime() > 0) {
                    continue;
                }
                if (c != null) {
                    apply(c);
                } else if (trainer.finished()) {
                    finish();
                } else if (state == Report.State.RUNNING) {
                    step();
                } else if (epochsToRun > 0 && step().endOfEpoch() && --epochsToRun == 0) {
                    siblings.checkAdopted();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = Report.State.STOPPED;
        } catch (RuntimeException | Error e) {
            LOG.error("training stopped by an error", e);
            core.publishError("error: " + e.getMessage());
            state = Report.State.FAILED;
        } finally {
            shutDown();
        }
    }

    private void shutDown() {
        if (siblings.waiting()) {
            try {
                siblings.discard("stop");
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

    private void apply(Command c) {
        if (siblings.waiting() && movesTraining(c)) {
            core.publishError("siblings are training from " + siblings.from() + ": adopt one or discard them first");
        } else if (c instanceof Command.TrySiblings t) {
            siblings.start(t);
        } else if (c instanceof Command.CancelSiblings) {
            siblings.discard("user");
        } else if (c instanceof Command.AdoptSibling a) {
            siblings.adopt(a.index());
        } else if (c instanceof Command.Start) {
            start();
        } else if (c instanceof Command.Pause) {
            pause();
        } else if (c instanceof Command.Resume) {
            resume();
        } else if (c instanceof Command.Step) {
            stepOnce();
        } else if (c instanceof Command.RunEpoch) {
            runEpoch();
        } else if (c instanceof Command.Stop) {
            state = Report.State.STOPPED;
        } else if (c instanceof Command.SetHyperparameters h) {
            core.setHyperparameters(h.hyperparameters(), "user");
        } else if (c instanceof Command.TakeCheckpoint) {
            trainer.checkpoint("user");
            publishState();
        } else if (c instanceof Command.Rewind r) {
            core.rewind(r.checkpointId());
        } else if (c instanceof Command.MoreEpochs m) {
            moreEpochs(m.epochs());
        } else if (c instanceof Command.SetPace p) {
            setPace(p.pace());
        } else if (c instanceof Command.SetRules r) {
            setRules(r.rules());
        } else if (c instanceof Command.LrRangeTest t) {
            rangeTest(t);
        }
    }

    /** Commands that would move the main run while siblings wait to be adopted. */
    private static boolean movesTraining(Command c) {
        return c instanceof Command.Start || c instanceof Command.Resume || c instanceof Command.Step
                || c instanceof Command.RunEpoch || c instanceof Command.Rewind || c instanceof Command.LrRangeTest
                || c instanceof Command.TrySiblings;
    }

    private void start() {
        if (state == Report.State.IDLE || state == Report.State.PAUSED) {
            setState(Report.State.RUNNING);
        }
    }

    private void pause() {
        core.holdStill();
        if (state == Report.State.RUNNING) {
            trainer.event("pause", Events.details());
            setState(Report.State.PAUSED);
        }
    }

    private void resume() {
        if (state == Report.State.PAUSED || state == Report.State.GUARD_TRIPPED || state == Report.State.IDLE
                || (state == Report.State.FINISHED && !trainer.finished())) {
            if (state == Report.State.GUARD_TRIPPED) {
                rules.forEach(SessionRule::onResume);
            }
            trainer.event("resume", Events.details());
            setState(Report.State.RUNNING);
        }
    }

    private void stepOnce() {
        if (state != Report.State.RUNNING && !trainer.finished()) {
            leaveIdleOrGuard();
            pendingSteps++;
        }
    }

    private void runEpoch() {
        if (state != Report.State.RUNNING && !trainer.finished()) {
            leaveIdleOrGuard();
            epochsToRun = 1;
        }
    }

    private void leaveIdleOrGuard() {
        if (state == Report.State.GUARD_TRIPPED) {
            rules.forEach(SessionRule::onResume);
        }
        if (state == Report.State.IDLE || state == Report.State.GUARD_TRIPPED || state == Report.State.FINISHED) {
            setState(Report.State.PAUSED);
        }
    }

    private void finish() {
        core.holdStill();
        setState(Report.State.FINISHED);
    }

    private void setRules(Rules r) {
        ruleSettings = r;
        ObjectNode d = Events.details();
        d.put("guard", r.guard());
        d.put("guardAutoRewind", r.guardAutoRewind());
        d.put("reduceOnPlateau", r.reduceOnPlateau());
        d.put("earlyStop", r.earlyStop());
        trainer.event("rules", d);
        publishState();
    }

    /** A finished run (or one about to be) gets more epochs; it waits, paused, for Resume. */
    private void moreEpochs(int n) {
        trainer.addEpochs(n);
        if (state == Report.State.FINISHED) {
            setState(Report.State.PAUSED);
        } else {
            publishState();
        }
    }

    private void setPace(Pace p) {
        if (p.equals(pace)) {
            return;
        }
        pace = p;
        nextEpochNanos = 0;
        ObjectNode d = Events.details();
        d.put("pace", p.toString());
        d.put("epochsPerSecond", p.fastest() ? -1 : p.epochsPerSecond());
        trainer.event("pace", d);
    }

    /** After an epoch while running: hold the next one back, or pause, as the pace says. */
    private void paceAfterEpoch(long epochStartNanos) {
        if (state != Report.State.RUNNING || pace.fastest()) {
            return;
        }
        if (pace.epochByEpoch()) {
            trainer.event("pause", Events.details());
            core.halt(Report.State.PAUSED);
        } else {
            nextEpochNanos = epochStartNanos + pace.epochNanos();
        }
    }

    private void rangeTest(Command.LrRangeTest t) {
        if (trainer.finished()) {
            core.publishError("the range test needs a run that is not finished");
            return;
        }
        channels.publish(LrRangeTest.run(trainer, t));
    }

    private Trainer.StepResult step() {
        rules.forEach(r -> r.beforeStep(core)); // the schedule may change the hyperparameters
        Hyperparameters hp = trainer.hyperparameters();
        if (!trainer.inEpoch()) {
            epochStartNanos = trainer.nanoTime(); // this step begins an epoch
        }
        int epochBefore = trainer.epoch();
        Snapshot.CheckpointSummary checkpointBefore = trainer.lastCheckpoint();
        Trainer.StepResult r = trainer.trainStep();
        rate.stepped(hp.batchSize(), trainer.nanoTime());
        if (Double.isFinite(r.cost())) {
            // Charts never get a NaN or infinite cost; the guard's event tells what happened.
            channels.publish(new Report.StepReport(r.step(), epochBefore, trainer.branch(), r.cost(),
                    hp.learningRateAt(epochBefore), hp.momentum(), rate.samplesPerSecond(), trainer.elapsedSeconds()));
        }
        Snapshot.CheckpointSummary checkpointAfter = trainer.lastCheckpoint();
        String epochCheckpoint = checkpointAfter != null && !checkpointAfter.equals(checkpointBefore)
                ? checkpointAfter.id() : null;
        for (SessionRule rule : rules) {
            if (rule.afterStep(r, core)) {
                return r;
            }
        }
        if (r.endOfEpoch() && lastEpochMetric != null) {
            for (SessionRule rule : rules) {
                if (rule.afterEpoch(lastEpochMetric, epochCheckpoint, core)) {
                    return r;
                }
            }
        }
        if (r.endOfEpoch() && !trainer.finished()) {
            paceAfterEpoch(epochStartNanos);
        }
        if (trainer.finished()) {
            finish();
        }
        return r;
    }

    private void setState(Report.State s) {
        if (s != Report.State.RUNNING) {
            rate.reset(); // time spent paused is not training time
        }
        state = s;
        publishState();
    }

    private void publishState() {
        publishedState = state;
        channels.publish(new Report.StateReport(state, trainer.step(), trainer.epoch(), trainer.branch(),
                trainer.epochs(), trainer.hyperparameters(), ruleSettings, trainer.checkpoints()));
    }

    /** An event as a report, with its chart marker's label (see {@link EventLabels}). */
    public static Report.EventReport toReport(RunEvent e) {
        return EventLabels.toReport(e);
    }

    /** What the rules and the siblings may do to this session; only ever called on the training thread. */
    private final class Core implements SiblingsController.Host {
        @Override
        public Trainer trainer() {
            return trainer;
        }

        @Override
        public Rules rules() {
            return ruleSettings;
        }

        @Override
        public boolean running() {
            return state == Report.State.RUNNING;
        }

        @Override
        public boolean rewind(String id) {
            try {
                trainer.rewind(id);
            } catch (IllegalArgumentException e) {
                publishError("rewind refused: " + e.getMessage());
                return false;
            }
            siblings.forgetAdopted();
            rate.reset();
            rules.forEach(r -> r.onRewind(id));
            if (state == Report.State.FINISHED || state == Report.State.GUARD_TRIPPED) {
                setState(Report.State.PAUSED);
            }
            publishState();
            return true;
        }

        /** A change from the user or the schedule of α or a β gets an automatic checkpoint first. */
        @Override
        public void setHyperparameters(Hyperparameters next, String source) {
            if (!next.equals(trainer.hyperparameters())) {
                HyperparameterChange.apply(trainer, next, source);
                publishState();
            }
        }

        @Override
        public void halt(Report.State s) {
            holdStill();
            setState(s);
        }

        @Override
        public void holdStill() {
            pendingSteps = 0;
            epochsToRun = 0;
        }

        @Override
        public void runEpochs(int epochs) {
            leaveIdleOrGuard();
            epochsToRun = epochs;
        }

        @Override
        public void event(String kind, ObjectNode details) {
            trainer.event(kind, details);
        }

        @Override
        public void event(String kind, long step, int epoch, ObjectNode details) {
            trainer.event(kind, step, epoch, details);
        }

        @Override
        public void publish(Report r) {
            channels.publish(r);
        }

        @Override
        public void publishError(String message) {
            channels.publish(new Report.EventReport("error", trainer.step(), trainer.epoch(), trainer.branch(),
                    message, java.util.Map.of("error", message), trainer.elapsedSeconds()));
        }

        @Override
        public void publishState() {
            TrainingSession.this.publishState();
        }
    }
}
