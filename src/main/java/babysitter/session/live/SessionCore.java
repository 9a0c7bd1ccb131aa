package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.Rules;
import babysitter.session.insights.EpochInsights;
import babysitter.session.reports.Report;
import babysitter.session.training.StepRate;
import babysitter.session.training.Trainer;
import babysitter.store.EpochMetric;
import babysitter.store.Event;
import babysitter.store.RunEvent;
import babysitter.store.SessionProblem;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of a {@link TrainingSession}, on its training thread: it applies commands
 * (idle, running, paused, guard tripped, finished, stopped), takes steps, tells the automatic rules
 * ({@link SessionRule}s: {@link DivergenceGuard}, {@link PlateauRule}, {@link EarlyStopRule},
 * {@link PaceRule}) about each step, epoch, checkpoint and rewind, and sends the reports out
 * ({@link ReportChannels}). It is also what the rules and the siblings may act on
 * ({@link RuleActions}, {@link SiblingsController.Host}). Only the training thread calls it, except
 * {@link #publishedState}.
 */
final class SessionCore implements SiblingsController.Host {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCore.class);


    private final Trainer trainer;
    private final ReportChannels channels = new ReportChannels();
    private final List<SessionRule> rules;
    private final PaceRule pace;
    private final SiblingsController siblings = new SiblingsController(this);
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
    private volatile Report.State publishedState = Report.State.IDLE;

    SessionCore(Trainer trainer) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.pace = new PaceRule(trainer);
        this.rules = List.of(new Schedule(trainer), new DivergenceGuard(trainer.network().config().classes()), new PlateauRule(),
                new EarlyStopRule(), pace);
        this.insights = new EpochInsights(trainer, channels::publish);
        trainer.addListener(new Trainer.Listener() {
            @Override
            public void onEpoch(EpochMetric m) {
                lastEpochMetric = m;
                channels.publish(new Report.EpochReport(m, trainer.layerStats(TrainingSession.HISTOGRAM_BINS)));
                insights.onEpoch(m);
            }

            @Override
            public void onEvent(RunEvent e) {
                if (e.event() instanceof Event.CheckpointTaken c) {
                    rules.forEach(r -> r.onCheckpoint(c.id()));
                }
                channels.publish(Report.EventReport.of(e, trainer.elapsedSeconds()));
                if (e.event() instanceof Event.CheckpointTaken || e.event() instanceof Event.Rewind) {
                    channels.publish(new Report.CheckpointsReport(trainer.branch(), trainer.checkpoints()));
                }
            }
        });
    }

    // ------------------------------------------------------------------ the training thread

    ReportChannels channels() {
        return channels;
    }

    /** The last state the training thread published (any thread may ask). */
    Report.State publishedState() {
        return publishedState;
    }

    boolean stopped() {
        return state == Report.State.STOPPED;
    }

    /** Whether a Step command waits to be done (before the commands submitted after it); takes it. */
    boolean takePendingStep() {
        if (pendingSteps > 0 && !trainer.finished()) {
            pendingSteps--;
            return true;
        }
        return false;
    }

    /** Whether the session trains without a command (running, or running epochs to their end). */
    boolean busy() {
        return state == Report.State.RUNNING || epochsToRun > 0;
    }

    /** How long to wait for a command before the next step: the pace may hold the next epoch back. */
    long holdNanos() {
        return state == Report.State.RUNNING ? pace.holdNanos() : 0;
    }

    /** No command came: train on, as the state says. */
    void noCommand() {
        if (trainer.finished()) {
            finish();
        } else if (state == Report.State.RUNNING) {
            if (pace.holdNanos() == 0) {
                step();
            }
        } else if (epochsToRun > 0 && step().endOfEpoch() && --epochsToRun == 0) {
            siblings.checkAdopted();
        }
    }

    void interrupted() {
        state = Report.State.STOPPED;
    }

    void failed(Throwable e) {
        LOG.error("training stopped by an error", e);
        publishError(SessionProblem.ERROR, String.valueOf(e.getMessage()));
        state = Report.State.FAILED;
    }

    /** The training thread ends: siblings discarded, the run closed, the last state published. */
    void shutDown() {
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

    void apply(Command c) {
        if (siblings.waiting() && movesTraining(c)) {
            publishError(SessionProblem.SIBLINGS_WAITING, siblings.from());
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
            setHyperparameters(h.hyperparameters(), "user");
        } else if (c instanceof Command.TakeCheckpoint) {
            trainer.checkpoint("user");
            publishState();
        } else if (c instanceof Command.Rewind r) {
            rewind(r.checkpointId());
        } else if (c instanceof Command.MoreEpochs m) {
            moreEpochs(m.epochs());
        } else if (c instanceof Command.SetPace p) {
            pace.set(p.pace());
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
        holdStill();
        if (state == Report.State.RUNNING) {
            trainer.event(new Event.Pause());
            setState(Report.State.PAUSED);
        }
    }

    private void resume() {
        if (state == Report.State.PAUSED || state == Report.State.GUARD_TRIPPED || state == Report.State.IDLE
                || (state == Report.State.FINISHED && !trainer.finished())) {
            if (state == Report.State.GUARD_TRIPPED) {
                rules.forEach(SessionRule::onResume);
            }
            trainer.event(new Event.Resume());
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
        holdStill();
        setState(Report.State.FINISHED);
    }

    private void setRules(Rules r) {
        ruleSettings = r;
        trainer.event(new Event.RulesSet(r.guard(), r.guardAutoRewind(), r.reduceOnPlateau(), r.earlyStop()));
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

    private void rangeTest(Command.LrRangeTest t) {
        if (trainer.finished()) {
            publishError(SessionProblem.RANGE_TEST_FINISHED);
            return;
        }
        channels.publish(LrRangeTest.run(trainer, t));
    }

    Trainer.StepResult step() {
        rules.forEach(r -> r.beforeStep(this)); // the schedule may change the hyperparameters first
        Hyperparameters hp = trainer.hyperparameters();
        int epochBefore = trainer.epoch();
        Trainer.StepResult r = trainer.trainStep();
        rate.stepped(hp.batchSize(), trainer.time().now());
        if (Double.isFinite(r.cost())) {
            // Charts never get a NaN or infinite cost; the guard's event tells what happened.
            channels.publish(new Report.StepReport(r.step(), epochBefore, trainer.branch(), r.cost(),
                    hp.learningRateAt(epochBefore), hp.momentum(), rate.samplesPerSecond(), trainer.elapsedSeconds()));
        }
        String epochCheckpoint = r.endOfEpoch() ? trainer.checkpointing().lastEpochCheckpoint() : null;
        for (SessionRule rule : rules) {
            if (rule.afterStep(r, this)) {
                return r;
            }
        }
        if (r.endOfEpoch() && lastEpochMetric != null) {
            for (SessionRule rule : rules) {
                if (rule.afterEpoch(lastEpochMetric, epochCheckpoint, this)) {
                    return r;
                }
            }
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

    @Override
    public void publishState() {
        publishedState = state;
        channels.publish(new Report.StateReport(state, trainer.step(), trainer.epoch(), trainer.branch(),
                trainer.epochs(), trainer.hyperparameters(), ruleSettings, trainer.checkpoints()));
    }

    // ------------------------------------------------------------------ what rules and siblings may do

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
            publishError(SessionProblem.REWIND_REFUSED, String.valueOf(e.getMessage()));
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
    public void event(Event e) {
        trainer.event(e);
    }

    @Override
    public void event(Event e, long step, int epoch) {
        trainer.event(e, step, epoch);
    }

    @Override
    public void publish(Report r) {
        channels.publish(r);
    }

    @Override
    public void publishError(SessionProblem problem, String... values) {
        channels.publish(new Report.EventReport(new Event.Failure(problem, values), trainer.step(), trainer.epoch(),
                trainer.branch(), trainer.elapsedSeconds()));
    }
}
