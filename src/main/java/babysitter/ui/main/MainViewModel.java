package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.session.configuration.Rules;
import babysitter.session.configuration.RunConfig;
import babysitter.session.live.Command;
import babysitter.session.live.Pace;
import babysitter.session.live.TrainingSession;
import babysitter.session.reports.Report;
import babysitter.session.training.Snapshot;
import babysitter.session.training.Trainer;
import babysitter.ui.classes.ClassesViewModel;
import babysitter.ui.controls.ControlsViewModel;
import babysitter.ui.fx.ReplayFeed;
import babysitter.ui.monitor.MonitorViewModel;
import babysitter.ui.regions.RegionsViewModel;
import babysitter.ui.search.TrialHost;
import babysitter.ui.siblings.SiblingsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The main window's composition around one live {@link TrainingSession}: starting a run from a
 * configuration or opening a recorded one ({@link RunOpening}), handing each frame's reports to the
 * parts ({@link RunReports}), rewind and undo. The window binds to the parts directly: where the session is in
 * {@link #progress()}, the session buttons in {@link #commands()}, the exports in {@link #exports()},
 * the charts in {@link #monitor()}, the live controls in {@link #controls()}; the banner is
 * {@link Notice}. Toolkit free: the work that must not block the window runs on the {@code background}
 * executor, results come back through the {@code fx} executor.
 */
public final class MainViewModel implements TrialHost {

    /** Epoch reports kept for a window opened mid-run (and for the hints). */
    public static final int RECENT_EPOCHS = 10;
    /** Confusion reports kept for a window opened mid-run (as many as the window keeps). */
    public static final int RECENT_CONFUSION = ClassesViewModel.MAX_EPOCHS;

    private final MonitorViewModel monitor = new MonitorViewModel();
    private final RegionsViewModel regions = new RegionsViewModel();
    private final ControlsViewModel controls;
    private final SiblingsViewModel siblings;
    private final Function<Consumer<List<Report>>, Consumer<Report>> bridge;
    private final SessionProgress progress = new SessionProgress();
    private final Notice notice = new Notice();
    private final RunExports exports;
    private final RewindHold rewindHold;
    private final RunOpening opening;
    private final PaceChoice pace = new PaceChoice(this::submit);
    private final SessionCommands commands;
    private final RunReports reports;

    private TrainingSession session;
    /** The recorded run shown while no session is (null when none is). */
    private Path openedRun;
    private final ReadOnlyStringWrapper runDir = new ReadOnlyStringWrapper("");
    private Consumer<RunConfig> onRunLoaded = c -> { };

    /**
     * @param fx         runs on the JavaFX thread ({@code Platform::runLater} in the application)
     * @param background runs slow work off the JavaFX thread
     * @param bridge     given what to call on the JavaFX thread with each frame's reports, makes the
     *                   session listener that gets them there (the application's {@code ui.fx.HandOver})
     */
    public MainViewModel(Executor fx, Executor background, Path runsRoot, Clock clock,
                         Function<Consumer<List<Report>>, Consumer<Report>> bridge) {
        this.bridge = Objects.requireNonNull(bridge);
        this.controls = new ControlsViewModel(this::submit);
        SplittableRandom seeds = new SplittableRandom();
        this.siblings = new SiblingsViewModel(this::submit, monitor, controls::current, seeds::nextLong);
        this.reports = new RunReports(monitor, regions, siblings, controls, progress, notice);
        this.commands = new SessionCommands(this::submit, progress.stateProperty()::get, controls::current,
                reports.rangeTest()::get);
        this.exports = new RunExports(fx, background, runDir::get, notice, progress::setStatus);
        this.rewindHold = new RewindHold(this::submit, progress.stateProperty()::get);
        this.opening = new RunOpening(fx, background, runsRoot, clock, this::closeSession, this::attach, this::show,
                notice, progress::setStatus);
    }

    /** "Try siblings": the dialog's fields, the panel's rows, the overlays. */
    public SiblingsViewModel siblings() {
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

    /** Where the session is (state, step, epoch, branch, status line) and which buttons that allows. */
    public SessionProgress progress() {
        return progress;
    }

    /** The session buttons: pause or resume, step, epoch, stop, checkpoint, more epochs, range test. */
    public SessionCommands commands() {
        return commands;
    }

    /** The HTML report and the configuration of the current (or opened) run, written in the background. */
    public RunExports exports() {
        return exports;
    }

    // ------------------------------------------------------------------ runs

    /** Starts a new run from {@code config} (the data is loaded in the background), then trains. */
    public void newRun(RunConfig config) {
        opening.newRun(config);
    }

    /** Takes over a trainer (a new run, or one continued from a checkpoint) and, if asked, starts it. */
    public void attach(Trainer t, boolean start) {
        attach(t, start, false);
    }

    private void attach(Trainer t, boolean start, boolean keepHistory) {
        closeSession();
        notice.clear();
        openedRun = null;
        progress.newRun(t.data().split().train().rows(), t.hyperparameters().batchSize(), t.config().epochs());
        reports.newSession(keepHistory);
        runDir.set(t.runDir() == null ? "" : t.runDir().toString());
        if (t.runDir() != null) {
            LastRun.remember(t.runDir());
        }
        session = new TrainingSession(t);
        session.addListener(bridge.apply(this::accept));
        session.open();
        session.submit(new Command.SetPace(pace.forRun(t.data().split().train().columns())));
        opening.done();
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
        opening.open(dir, RECENT_CONFUSION, run -> {
            onRunLoaded.accept(run.config());
            controls.show(run.last(), Rules.DEFAULTS);
            if (checkpointId != null) {
                continueFrom(checkpointId, moreEpochs);
            }
        });
    }

    private void show(RecordedRun recorded) {
        opening.done();
        notice.clear();
        openedRun = recorded.run().dir();
        progress.newRun(recorded.trainRows(), recorded.config().optimizer().toHyperparameters().batchSize(),
                recorded.config().epochs());
        progress.noSession();
        reports.show(recorded);
        runDir.set(openedRun.toString());
        progress.setStatus(recorded.status());
    }

    /**
     * Before any run, the live controls show what the setup panel would start ({@code config} may be
     * null while a setup field is invalid); once a run is loaded they show the run's.
     */
    public void showSetup(RunConfig config) {
        if (config != null && session == null && openedRun == null) {
            controls.show(config.optimizer().toHyperparameters(), Rules.DEFAULTS);
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
        if (openedRun != null) {
            opening.continueFrom(openedRun, checkpointId, moreEpochs);
        }
    }

    /** Mentions the last run in the status line, if there is one to open again. */
    public void announceLastRun() {
        lastRun().ifPresent(p -> progress.setStatus(Texts.get("main.status.lastRun", p.getFileName())));
    }

    /** The last run this program recorded, if it still exists. */
    public Optional<Path> lastRun() {
        return LastRun.recall();
    }


    /** One frame's reports (JavaFX thread); a live session's come here through the bridge. */
    public void accept(List<Report> batch) {
        reports.accept(batch);
    }

    // ------------------------------------------------------------------ actions

    public void submit(Command c) {
        if (session != null) {
            session.submit(c);
        }
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
     * The rewind confirmation opens: a running session holds still while the person reads it.
     * {@link #rewindHeld} or {@link #cancelHeldRewind} ends the hold.
     */
    public void holdForRewind() {
        rewindHold.hold();
    }

    /** The person confirmed: back to checkpoint {@code id}, and running again if it was. */
    public void rewindHeld(String id) {
        rewindHold.release(() -> rewind(id));
    }

    /** The person cancelled the rewind: running again if it was. */
    public void cancelHeldRewind() {
        rewindHold.release(null);
    }

    /**
     * The pace of a running session: as fast as possible, at most N epochs a second, or a pause
     * after each epoch. Setting it applies it to the session now and to the next runs.
     */
    public ObjectProperty<Pace> paceProperty() {
        return pace.property();
    }

    /** Goes back to the automatic checkpoint taken before the last change of α or β. */
    public void undoLastChange() {
        String id = reports.undo().take();
        if (!id.isEmpty()) {
            rewind(id);
        }
    }

    public void dismissNotification() {
        notice.clear();
    }

    // ------------------------------------------------------------------ observable state

    /** True while a run is being loaded or started (the setup shows it is busy). */
    public ReadOnlyBooleanProperty startingProperty() {
        return opening.startingProperty();
    }

    /** A message worth a pop-up (guard, rule actions, errors); "" when none. */
    public ReadOnlyStringProperty notificationProperty() {
        return notice.textProperty();
    }

    /**
     * Whether {@code dir} is the folder of this window's session and the session has done all its
     * epochs (it keeps the folder until it closes, since more epochs may be added).
     */
    public boolean finishedHere(Path dir) {
        return session != null && progress.stateProperty().get() == Report.State.FINISHED && !runDir.get().isEmpty()
                && Path.of(runDir.get()).toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize());
    }

    public ReadOnlyStringProperty runDirProperty() {
        return runDir.getReadOnlyProperty();
    }

    /** The automatic checkpoint before the last change of α or β ("" when there is none). */
    public ReadOnlyStringProperty lastChangeProperty() {
        return reports.undo().property();
    }

    public ReadOnlyObjectProperty<Report.LrRangeReport> rangeTestProperty() {
        return reports.rangeTest();
    }

    public ObservableList<Snapshot.CheckpointSummary> checkpoints() {
        return reports.checkpoints();
    }

    public ObservableList<Report.EventReport> events() {
        return reports.events();
    }

    /** The reports the tool windows (network view, classes, samples) are fed from, with the kept ones replayed. */
    public ReplayFeed feed() {
        return reports.feed();
    }

    /** Advice from the recent epochs (plateau, large updates, dead units, batch-norm gap); never acted on. */
    public ObservableList<String> hints() {
        return reports.hints();
    }

    public BooleanBinding hasSession() {
        return progress.hasSession();
    }

    public BooleanBinding canUndo() {
        return reports.undo().possible(hasSession());
    }

    /** The session, for tests and the application's shutdown. */
    public TrainingSession session() {
        return session;
    }
}
