package babysitter.ui.main;

import babysitter.engine.Hyperparameters;
import babysitter.session.Command;
import babysitter.session.Report;
import babysitter.session.RunConfig;
import babysitter.session.Runs;
import babysitter.session.Snapshot;
import babysitter.session.Trainer;
import babysitter.session.TrainingSession;
import babysitter.ui.controls.ControlsViewModel;
import babysitter.ui.monitor.MonitorViewModel;
import babysitter.ui.regions.RegionsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state and actions around one live {@link TrainingSession}: starting a run from a
 * configuration, the session buttons, the status line, the checkpoint strip, undo, and the
 * learning-rate range test. Toolkit free: the work that must not block the window runs on the
 * {@code background} executor, results come back through the {@code fx} executor.
 */
public final class MainViewModel implements babysitter.ui.search.TrialHost {

    private final MonitorViewModel monitor = new MonitorViewModel();
    private final RegionsViewModel regions = new RegionsViewModel();
    private final ControlsViewModel controls;
    private final babysitter.ui.siblings.SiblingsViewModel siblings;
    private final Executor fx;
    private final Executor background;
    private final Path runsRoot;
    private final Clock clock;
    private final Function<Consumer<List<Report>>, Consumer<Report>> bridge;

    private TrainingSession session;
    private Trainer trainer;
    private int trainRows;

    private final ReadOnlyObjectWrapper<Report.State> state = new ReadOnlyObjectWrapper<>(null);
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper epoch = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper epochs = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper branch = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper();
    /** How fast a running session goes; kept for the next runs of this window. */
    private final javafx.beans.property.ObjectProperty<babysitter.session.Pace> pace =
            new javafx.beans.property.SimpleObjectProperty<>(babysitter.session.Pace.FASTEST);
    /** Whether the person chose the pace (else each run gets the default of its data). */
    private boolean paceChosen;
    private boolean settingDefaultPace;
    /** Whether the session was running when a rewind confirmation put it on hold. */
    private boolean resumeAfterRewind;
    private final ReadOnlyDoubleWrapper samplesPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Set up a run and press New run.");
    private final Notice notice = new Notice();
    private final ReadOnlyStringWrapper runDir = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Report.LrRangeReport> rangeTest = new ReadOnlyObjectWrapper<>();
    private Consumer<RunConfig> onRunLoaded = c -> { };
    private final ObservableList<Snapshot.CheckpointSummary> checkpoints = FXCollections.observableArrayList();
    private final ObservableList<Report.EventReport> events = FXCollections.observableArrayList();
    private final ObservableList<String> hints = FXCollections.observableArrayList();
    /** What the tool windows are fed: the last epochs of the branch, the confusion matrices, the newest samples. */
    private final babysitter.ui.fx.ReplayFeed feed = new babysitter.ui.fx.ReplayFeed()
            .keep(Report.EpochReport.class, RECENT_EPOCHS, Report.EpochReport::branch)
            .keep(Report.ConfusionReport.class, RECENT_CONFUSION, null)
            .keep(Report.SamplesReport.class, 1, null);
    /** Epoch reports kept for a window opened mid-run (and for the hints). */
    public static final int RECENT_EPOCHS = 10;
    /** Confusion reports kept for a window opened mid-run (as many as the window keeps). */
    public static final int RECENT_CONFUSION = babysitter.ui.classes.ClassesViewModel.MAX_EPOCHS;
    private long stepsPerEpoch = 1;
    private long epochStartStep;

    /**
     * @param fx              runs on the JavaFX thread ({@code Platform::runLater} in the application)
     * @param background      runs slow work off the JavaFX thread
     * @param bridge     given what to call on the JavaFX thread with each frame's reports, makes the
     *                   session listener that gets them there (the application's {@code ui.fx.HandOver})
     */
    public MainViewModel(Executor fx, Executor background, Path runsRoot, Clock clock,
                         Function<Consumer<List<Report>>, Consumer<Report>> bridge) {
        this.fx = Objects.requireNonNull(fx);
        this.background = Objects.requireNonNull(background);
        this.runsRoot = runsRoot;
        this.clock = clock;
        this.bridge = Objects.requireNonNull(bridge);
        this.controls = new ControlsViewModel(this::submit);
        java.util.SplittableRandom seeds = new java.util.SplittableRandom();
        this.siblings = new babysitter.ui.siblings.SiblingsViewModel(this::submit, monitor, controls::current,
                seeds::nextLong);
        pace.addListener((o, was, now) -> paceChanged(now));
    }

    /** "Try siblings": the dialog's fields, the panel's rows, the overlays. */
    public babysitter.ui.siblings.SiblingsViewModel siblings() {
        return siblings;
    }

    public MonitorViewModel monitor() {
        return monitor;
    }

    /** The decision regions of 2-D data sets. */
    public RegionsViewModel regions() {
        return regions;
    }

    public ControlsViewModel controls() {
        return controls;
    }

    // ------------------------------------------------------------------ runs

    /** Starts a new run from {@code config} (the data is loaded in the background), then trains. */
    public void newRun(RunConfig config) {
        if (starting.get()) {
            return;
        }
        closeSession();
        starting.set(true);
        status.set("Loading " + config.data().kind() + " …");
        background.execute(() -> {
            try {
                Trainer t = Runs.start(config, runsRoot, null, clock);
                fx.execute(() -> attach(t, true));
            } catch (RuntimeException | java.io.IOException e) {
                fx.execute(() -> {
                    starting.set(false);
                    status.set("Could not start: " + e.getMessage());
                    notice.show(Notice.Cause.START, "Could not start the run: " + e.getMessage());
                });
            }
        });
    }

    /** Takes over a trainer (a new run, or one continued from a checkpoint) and, if asked, starts it. */
    public void attach(Trainer t, boolean start) {
        attach(t, start, false);
    }

    private void attach(Trainer t, boolean start, boolean keepHistory) {
        closeSession();
        notice.clear();
        openedRun = null;
        trainer = t;
        trainRows = t.data().split().train().rows();
        stepsPerEpoch = Math.max(1, (trainRows + t.hyperparameters().batchSize() - 1) / t.hyperparameters().batchSize());
        if (!keepHistory) {
            monitor.reset();
            regions.reset();
            events.clear();
            feed.reset();
        }
        hints.clear();
        siblings.reset();
        monitor.stepsPerEpochProperty().set((int) stepsPerEpoch);
        checkpoints.clear();
        rangeTest.set(null);
        lastChange.set("");
        runDir.set(t.runDir() == null ? "" : t.runDir().toString());
        if (t.runDir() != null) {
            LastRun.remember(t.runDir());
        }
        epochs.set(t.config().epochs());
        session = new TrainingSession(t);
        session.addListener(bridge.apply(this::accept));
        session.open();
        if (!paceChosen) {
            // small 2-D data trains too fast to watch its decision regions move
            settingDefaultPace = true;
            pace.set(t.data().split().train().columns() == 2 ? babysitter.session.Pace.WATCHABLE
                    : babysitter.session.Pace.FASTEST);
            settingDefaultPace = false;
        }
        session.submit(new Command.SetPace(pace.get()));
        starting.set(false);
        if (start) {
            session.submit(new Command.Start());
        }
    }

    /** Stops the session (if any) and waits for its thread; the run is left complete on disk. */
    public boolean closeSession() {
        if (session == null) {
            return true;
        }
        boolean ended = session.close(10_000);
        session = null;
        return ended;
    }

    private Path openedRun;

    /**
     * Shows a recorded run (its charts, markers and branches) and lists its checkpoints; clicking
     * one continues the run from it ({@link #rewind}). Reading happens in the background.
     */
    public void openRun(Path dir) {
        openRunAndContinue(dir, null);
    }

    /**
     * Opens a recorded run like {@link #openRun} and then, if {@code checkpointId} is not null,
     * continues it from that checkpoint as a new branch, paused ("Babysit this one" of a search trial).
     */
    public void openRunAndContinue(Path dir, String checkpointId) {
        openRunAndContinue(dir, checkpointId, 0);
    }

    /**
     * As {@link #openRunAndContinue(Path, String)}, with room for {@code moreEpochs} epochs after the
     * checkpoint even if the recorded run had used up its epochs.
     */
    public void openRunAndContinue(Path dir, String checkpointId, int moreEpochs) {
        if (starting.get()) {
            return;
        }
        closeSession();
        starting.set(true);
        status.set("Reading " + dir + " …");
        background.execute(() -> {
            try {
                // insights.jsonl grows by ~10 KB an epoch: only what the windows show is kept
                babysitter.store.Run run = babysitter.store.RunReader.read(dir, false);
                RunConfig config = Runs.configOf(run);
                Hyperparameters last = lastHyperparameters(run, config);
                int rows = run.trainRows();
                List<String> insightWarnings = new java.util.ArrayList<>();
                List<Report> insights = babysitter.session.RecordedInsights.read(dir, RECENT_CONFUSION,
                        insightWarnings);
                insightWarnings.forEach(w -> LOG.warn("{}: {}", dir, w));
                fx.execute(() -> {
                    show(run, config, rows, insights, insightWarnings.size());
                    onRunLoaded.accept(config);
                    controls.show(last, babysitter.session.Rules.DEFAULTS);
                    if (checkpointId != null) {
                        continueFrom(checkpointId, moreEpochs);
                    }
                });
            } catch (RuntimeException | java.io.IOException | babysitter.session.ConfigException e) {
                fx.execute(() -> {
                    starting.set(false);
                    status.set("Could not open " + dir + ": " + e.getMessage());
                    notice.show(Notice.Cause.OPEN, "Could not open the run: " + e.getMessage());
                });
            }
        });
    }

    private void show(babysitter.store.Run run, RunConfig config, int rows, List<Report> insights,
                      int insightWarnings) {
        starting.set(false);
        notice.clear();
        openedRun = run.dir();
        trainRows = rows;
        int batch = config.optimizer().toHyperparameters().batchSize();
        stepsPerEpoch = Math.max(1, (rows + batch - 1) / batch);
        monitor.reset();
        regions.reset();
        siblings.reset();
        feed.reset();
        monitor.stepsPerEpochProperty().set((int) stepsPerEpoch);
        events.clear();
        List<Report> history = babysitter.session.RunHistory.reports(run);
        monitor.accept(history);
        history.stream().filter(r -> r instanceof Report.EventReport).forEach(r -> events.add((Report.EventReport) r));
        // the recorded confusion matrices, samples and decision regions, as if they had just arrived
        regions.accept(insights);
        insights.forEach(this::acceptInsight);
        checkpoints.setAll(run.checkpoints().stream().map(c -> new Snapshot.CheckpointSummary(c.id(), c.step(),
                c.epoch(), c.branch(), c.timeMillis())).toList());
        state.set(null);
        epochs.set(config.epochs());
        runDir.set(run.dir().toString());
        status.set("Recorded run " + run.dir().getFileName() + ": " + run.steps().size() + " step records, "
                + run.epochs().size() + " epochs, " + run.checkpoints().size()
                + " checkpoints. Click a checkpoint to continue from it."
                + (run.warnings().isEmpty() && insightWarnings == 0 ? ""
                    : " (" + (run.warnings().size() + insightWarnings) + " damaged lines skipped)"));
    }

    /** The hyperparameters a recorded run ended with: those of its last change, else those it started with. */
    static Hyperparameters lastHyperparameters(babysitter.store.Run run, RunConfig config) {
        Hyperparameters last = config.optimizer().toHyperparameters();
        for (babysitter.store.RunEvent e : run.events()) {
            if (e.event() instanceof babysitter.store.Event.HyperparametersChanged h) {
                last = h.to();
            }
        }
        return last;
    }

    /**
     * Before any run, the live controls show what the setup panel would start ({@code config} may be
     * null while a setup field is invalid); once a run is loaded they show the run's.
     */
    public void showSetup(RunConfig config) {
        if (config != null && session == null && openedRun == null) {
            controls.show(config.optimizer().toHyperparameters(), babysitter.session.Rules.DEFAULTS);
        }
    }

    /** What to do with the configuration of each run opened from disk (also by "Babysit this one"): the setup shows it. */
    public void setOnRunLoaded(Consumer<RunConfig> action) {
        onRunLoaded = Objects.requireNonNull(action);
    }

    /** Continues the opened run from one of its checkpoints on disk, as a new branch, paused. */
    public void continueFrom(String checkpointId) {
        continueFrom(checkpointId, 0);
    }

    private void continueFrom(String checkpointId, int moreEpochs) {
        Path dir = openedRun;
        if (dir == null || starting.get()) {
            return;
        }
        starting.set(true);
        status.set("Loading " + checkpointId + " …");
        background.execute(() -> {
            try {
                Trainer t = Runs.resume(dir, checkpointId, clock, moreEpochs);
                fx.execute(() -> attach(t, false, true));
            } catch (RuntimeException | java.io.IOException | babysitter.session.ConfigException e) {
                fx.execute(() -> {
                    starting.set(false);
                    notice.show(Notice.Cause.CONTINUE, "Could not continue from " + checkpointId + ": " + e.getMessage());
                });
            }
        });
    }

    /**
     * Writes the HTML report of the current (or opened) run to {@code out} in the background: charts
     * as inline SVG (and .svg files beside it), every event, final metrics, confusion matrix.
     */
    public void exportReport(Path out) {
        String dir = runDir.get();
        if (dir.isEmpty()) {
            notice.show(Notice.Cause.REPORT, "There is no recorded run to report on yet.");
            return;
        }
        status.set("Writing the report …");
        background.execute(() -> {
            try {
                Path written = babysitter.report.RunReport.write(Path.of(dir), out);
                fx.execute(() -> {
                    status.set("Report written to " + written);
                    notice.clear(Notice.Cause.REPORT);
                });
            } catch (java.io.IOException | RuntimeException e) {
                fx.execute(() -> notice.show(Notice.Cause.REPORT, "Could not write the report: " + e.getMessage()));
            }
        });
    }

    /**
     * Writes the current (or opened) run's configuration to {@code out} in the background, with its
     * changes of hyperparameters as schedule entries, so that {@code train --config} trains it again
     * headless (see {@link babysitter.session.RunAsConfiguration}).
     */
    public void saveConfiguration(Path out) {
        String dir = runDir.get();
        if (dir.isEmpty()) {
            notice.show(Notice.Cause.REPORT, "There is no recorded run to save as a configuration yet.");
            return;
        }
        background.execute(() -> {
            try {
                babysitter.session.RunAsConfiguration.write(babysitter.store.RunReader.read(Path.of(dir)), out);
                fx.execute(() -> {
                    status.set("Configuration written to " + out);
                    notice.clear(Notice.Cause.REPORT);
                });
            } catch (java.io.IOException | babysitter.session.ConfigException | RuntimeException e) {
                fx.execute(() -> notice.show(Notice.Cause.REPORT, "Could not save the configuration: "
                        + e.getMessage()));
            }
        });
    }

    /** Mentions the last run in the status line, if there is one to open again. */
    public void announceLastRun() {
        lastRun().ifPresent(p -> status.set("Set up a run and press New run, or open your last run ("
                + p.getFileName() + ") with File ▸ Open last run (Ctrl+Shift+O)."));
    }

    /** The last run this program recorded, if it still exists. */
    public java.util.Optional<Path> lastRun() {
        return LastRun.recall();
    }

    // ------------------------------------------------------------------ reports (JavaFX thread)

    /** One frame's reports. */
    public void accept(List<Report> batch) {
        Report.CheckpointsReport strip = null;
        monitor.accept(batch);
        regions.accept(batch);
        siblings.accept(batch);
        for (Report r : batch) {
            if (r instanceof Report.StepReport s) {
                step.set(s.step() + 1);
                if (s.samplesPerSecond() > 0) {
                    samplesPerSecond.set(s.samplesPerSecond());
                }
                progressValue = Math.min(1, (s.step() + 1 - epochStartStep) / (double) stepsPerEpoch);
            } else if (r instanceof Report.EpochReport e) {
                feed.publish(e);
                hints.setAll(babysitter.session.Hints.of(feed.kept(Report.EpochReport.class)));
                epoch.set(e.epoch() + 1);
                epochStartStep = e.step();
                progressValue = 0;
            } else if (r instanceof Report.StateReport s) {
                state.set(s.state());
                notice.state(s.state());
                step.set(s.step());
                epoch.set(s.epoch());
                epochs.set(s.epochs());
                branch.set(s.branch());
                checkpoints.setAll(s.checkpoints());
                controls.show(s.hyperparameters(), s.rules());
                stepsPerEpoch = Math.max(1, (trainRows + s.hyperparameters().batchSize() - 1) / s.hyperparameters().batchSize());
                monitor.stepsPerEpochProperty().set((int) stepsPerEpoch);
            } else if (r instanceof Report.EventReport e) {
                events.add(e);
                onEvent(e);
            } else if (r instanceof Report.SamplesReport || r instanceof Report.ConfusionReport) {
                acceptInsight(r);
            } else if (r instanceof Report.LrRangeReport l) {
                rangeTest.set(l);
            } else if (r instanceof Report.CheckpointsReport c) {
                strip = c;
            }
        }
        if (strip != null) {
            checkpoints.setAll(strip.checkpoints()); // the newest of the batch: the strip is current
        }
        long now = System.nanoTime();
        boolean lifecycle = batch.stream().anyMatch(r -> !(r instanceof Report.StepReport));
        if (lifecycle || now - lastStatusNanos > STATUS_INTERVAL_NANOS) {
            // The status line changes with every step; a few updates a second are plenty to read.
            lastStatusNanos = now;
            status.set(statusLine());
            epochProgress.set(progressValue);
        }
    }

    /** A samples or confusion report, live or read from a recorded run: kept for windows opened later and passed on. */
    private void acceptInsight(Report r) {
        feed.publish(r);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainViewModel.class);
    private static final long STATUS_INTERVAL_NANOS = 250_000_000L;
    private long lastStatusNanos;
    private double progressValue;

    private void onEvent(Report.EventReport e) {
        if (e.event() instanceof babysitter.store.Event.CheckpointTaken c
                && c.source().equals(babysitter.store.Event.CheckpointTaken.AUTO)) {
            lastChange.set(c.id());
        }
        notice.event(e);
    }

    String statusLine() {
        Report.State s = state.get();
        if (s == null) {
            return status.get();
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "epoch %d/%d · step %,d", Math.min(epoch.get() + (s == Report.State.FINISHED ? 0 : 1),
                epochs.get()), epochs.get(), step.get()));
        if (branch.get() > 0) {
            b.append(" · branch ").append(branch.get());
        }
        if (samplesPerSecond.get() > 0 && s == Report.State.RUNNING) {
            b.append(String.format(Locale.ROOT, " · %,.0f samples/s", samplesPerSecond.get()));
            double left = timeLeftSeconds();
            if (Double.isFinite(left)) {
                b.append(" · ").append(duration(left)).append(" left");
            }
        }
        b.append(" · ").append(stateText(s));
        return b.toString();
    }

    /** Seconds to the last epoch's end at the current speed. */
    public double timeLeftSeconds() {
        double rate = samplesPerSecond.get();
        if (rate <= 0 || trainRows == 0) {
            return Double.NaN;
        }
        double epochsLeft = Math.max(0, epochs.get() - epoch.get() - progressValue);
        return epochsLeft * trainRows / rate;
    }

    static String stateText(Report.State s) {
        return switch (s) {
            case IDLE -> "ready";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case GUARD_TRIPPED -> "guard tripped: paused";
            case FINISHED -> "finished";
            case STOPPED -> "stopped";
            case FAILED -> "failed";
        };
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return (s / 3600) + " h " + (s % 3600) / 60 + " min";
        }
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    // ------------------------------------------------------------------ actions

    public void submit(Command c) {
        if (session != null) {
            session.submit(c);
        }
    }

    /** Space bar: pause when running, resume otherwise. */
    public void togglePause() {
        Report.State s = state.get();
        if (s == Report.State.RUNNING) {
            submit(new Command.Pause());
        } else if (s == Report.State.IDLE) {
            submit(new Command.Start());
        } else if (s == Report.State.PAUSED || s == Report.State.GUARD_TRIPPED) {
            submit(new Command.Resume());
        }
    }

    public void step() {
        submit(new Command.Step());
    }

    public void runEpoch() {
        submit(new Command.RunEpoch());
    }

    public void stop() {
        submit(new Command.Stop());
    }

    public void checkpoint() {
        submit(new Command.TakeCheckpoint());
    }

    /** Goes back to a checkpoint: in the live session, or, for an opened recorded run, continues from it. */
    public void rewind(String id) {
        if (session == null && openedRun != null) {
            continueFrom(id);
        } else {
            submit(new Command.Rewind(id));
        }
    }

    /**
     * The rewind confirmation opens: a running session holds still while the person reads it, so the
     * checkpoint they chose is still there when they say yes. {@link #rewindHeld} or
     * {@link #cancelHeldRewind} ends the hold.
     */
    public void holdForRewind() {
        resumeAfterRewind = state.get() == Report.State.RUNNING;
        if (resumeAfterRewind) {
            submit(new Command.Pause());
        }
    }

    /** The person confirmed: back to checkpoint {@code id}, and running again if it was. */
    public void rewindHeld(String id) {
        rewind(id);
        if (resumeAfterRewind) {
            submit(new Command.Resume());
        }
        resumeAfterRewind = false;
    }

    /** The person cancelled the rewind: running again if it was. */
    public void cancelHeldRewind() {
        if (resumeAfterRewind) {
            submit(new Command.Resume());
        }
        resumeAfterRewind = false;
    }

    /**
     * The pace of a running session: as fast as possible, at most N epochs a second, or a pause
     * after each epoch. Setting it applies it to the session now and to the next runs.
     */
    public javafx.beans.property.ObjectProperty<babysitter.session.Pace> paceProperty() {
        return pace;
    }

    private void paceChanged(babysitter.session.Pace p) {
        if (!settingDefaultPace) {
            paceChosen = true;
            submit(new Command.SetPace(p));
        }
    }

    /**
     * Gives the live run more epochs, as typed ("10"); a finished run then waits, paused, for Resume.
     *
     * @return null, or what is wrong with the text
     */
    public String moreEpochs(String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return "More epochs: '" + text + "' is not a whole number";
        }
        if (n < 1 || n > 1_000_000) {
            return "More epochs: " + n + " is out of range; give from 1 to 1000000";
        }
        submit(new Command.MoreEpochs(n));
        return null;
    }

    /** Goes back to the automatic checkpoint taken before the last change of α or β. */
    public void undoLastChange() {
        if (!lastChange.get().isEmpty()) {
            rewind(lastChange.get());
            lastChange.set("");
        }
    }

    public void lrRangeTest(double min, double max, int steps) {
        submit(new Command.LrRangeTest(min, max, steps));
    }

    /** Uses the range test's suggestion as α. */
    public void takeSuggestedAlpha() {
        Report.LrRangeReport r = rangeTest.get();
        if (r != null && Double.isFinite(r.suggested())) {
            Hyperparameters hp = controls.current().withLearningRate(r.suggested());
            submit(new Command.SetHyperparameters(hp));
        }
    }

    public void dismissNotification() {
        notice.clear();
    }

    // ------------------------------------------------------------------ observable state

    public ReadOnlyObjectProperty<Report.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The epochs the run trains in all. */
    public ReadOnlyLongProperty totalEpochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    /** The number of epochs the run is set up for. */
    public ReadOnlyLongProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty branchProperty() {
        return branch.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochProgressProperty() {
        return epochProgress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty samplesPerSecondProperty() {
        return samplesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A message worth a pop-up (guard, rule actions, errors); "" when none. */
    public ReadOnlyStringProperty notificationProperty() {
        return notice.textProperty();
    }

    public ReadOnlyStringProperty runDirProperty() {
        return runDir.getReadOnlyProperty();
    }

    /** The automatic checkpoint before the last change of α or β ("" when there is none). */
    public ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Report.LrRangeReport> rangeTestProperty() {
        return rangeTest.getReadOnlyProperty();
    }

    public ObservableList<Snapshot.CheckpointSummary> checkpoints() {
        return checkpoints;
    }

    public ObservableList<Report.EventReport> events() {
        return events;
    }

    /** The reports the tool windows (network view, classes, samples) are fed from, with the kept ones replayed. */
    public babysitter.ui.fx.ReplayFeed feed() {
        return feed;
    }

    /** Advice from the recent epochs (plateau, large updates, dead units, batch-norm gap); never acted on. */
    public ObservableList<String> hints() {
        return hints;
    }

    public BooleanBinding canPauseOrResume() {
        return Bindings.createBooleanBinding(() -> {
            Report.State s = state.get();
            return s == Report.State.RUNNING || s == Report.State.PAUSED || s == Report.State.GUARD_TRIPPED
                    || s == Report.State.IDLE;
        }, state);
    }

    public BooleanBinding canStep() {
        return Bindings.createBooleanBinding(() -> {
            Report.State s = state.get();
            return s == Report.State.PAUSED || s == Report.State.GUARD_TRIPPED || s == Report.State.IDLE;
        }, state);
    }

    public BooleanBinding hasSession() {
        return Bindings.createBooleanBinding(() -> {
            Report.State s = state.get();
            return s != null && s != Report.State.STOPPED && s != Report.State.FAILED;
        }, state);
    }

    /** A session that is still going (ready, running, paused or held by the guard): it can be stopped. */
    public BooleanBinding live() {
        return Bindings.createBooleanBinding(() -> {
            Report.State s = state.get();
            return s == Report.State.IDLE || s == Report.State.RUNNING || s == Report.State.PAUSED
                    || s == Report.State.GUARD_TRIPPED;
        }, state);
    }

    public BooleanBinding canUndo() {
        return Bindings.createBooleanBinding(() -> !lastChange.get().isEmpty() && hasSession().get(), lastChange, state);
    }

    /** The session, for tests and the application's shutdown. */
    public TrainingSession session() {
        return session;
    }
}
