package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.report.ProblemWords;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.RunConfig;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Getting a run to show: a new one from a configuration, a recorded one read from disk, or a
 * recorded one continued from a checkpoint. The slow part runs in the background, one at a time
 * ({@link #startingProperty}); what it made goes on on the JavaFX thread (the live session is closed first,
 * then the trainer attached or the recorded run shown), and
 * a failure becomes a banner, losing nothing already shown.
 */
final class RunOpening {

    /** Takes over a trainer; {@code keepHistory} when it continues the run shown. */
    interface Attach {
        void attach(Trainer t, boolean start, boolean keepHistory);
    }

    /** Slow work that ends in something to do on the JavaFX thread. */
    private interface Loading {
        Runnable load() throws IOException, ConfigException;
    }

    private final Executor fx;
    private final Executor background;
    private final Path runsRoot;
    private final Clock clock;
    private final Runnable closeSession;
    private final Attach attach;
    private final Consumer<RecordedRun> show;
    private final Notice notice;
    private final Consumer<String> status;
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(false);

    RunOpening(Executor fx, Executor background, Path runsRoot, Clock clock, Runnable closeSession, Attach attach,
               Consumer<RecordedRun> show, Notice notice, Consumer<String> status) {
        this.fx = Objects.requireNonNull(fx);
        this.background = Objects.requireNonNull(background);
        this.runsRoot = runsRoot;
        this.clock = clock;
        this.closeSession = Objects.requireNonNull(closeSession);
        this.attach = Objects.requireNonNull(attach);
        this.show = Objects.requireNonNull(show);
        this.notice = Objects.requireNonNull(notice);
        this.status = Objects.requireNonNull(status);
    }

    /** Whether a run is being loaded (nothing else is started meanwhile). */
    ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** The run was shown (or failed to be): another may be started. */
    void done() {
        starting.set(false);
    }

    /** Starts a new run from {@code config} (the data is loaded in the background), then trains. */
    void newRun(RunConfig config) {
        load(Texts.get("main.loading.data", Names.dataKind(config.data().kind())), true, () -> {
            Trainer t = Runs.start(config, runsRoot, null, clock);
            return () -> attach.attach(t, true, false);
        }, Notice.Cause.START, e -> Texts.get("main.loading.startFailedBanner", e),
                e -> Texts.get("main.loading.startFailedStatus", e));
    }

    /** Reads the run in {@code dir} and shows it, then does {@code then} with it (on the JavaFX thread). */
    void open(Path dir, int confusions, Consumer<RecordedRun> then) {
        load(Texts.get("main.loading.reading", dir), true, () -> {
            RecordedRun run = RecordedRun.read(dir, confusions);
            return () -> {
                show.accept(run);
                then.accept(run);
            };
        }, Notice.Cause.OPEN, e -> Texts.get("main.loading.openFailedBanner", e),
                e -> Texts.get("main.loading.openFailedStatus", dir, e));
    }

    /** Continues the recorded run in {@code dir} from checkpoint {@code id}, as a new branch, paused. */
    void continueFrom(Path dir, String id, int moreEpochs) {
        load(Texts.get("main.loading.data", id), false, () -> {
            Trainer t = Runs.resume(dir, id, clock, moreEpochs);
            return () -> attach.attach(t, false, true);
        }, Notice.Cause.CONTINUE, e -> Texts.get("main.loading.continueFailed", id, e), null);
    }

    /**
     * Runs {@code work} in the background while the status line says {@code what}; a failure becomes a
     * banner ({@code banner} of the error's message) and, if {@code statusLine} is given, a status line.
     */
    private void load(String what, boolean closeFirst, Loading work, Notice.Cause why,
                      UnaryOperator<String> banner, UnaryOperator<String> statusLine) {
        if (starting.get()) {
            return;
        }
        if (closeFirst) {
            closeSession.run();
        }
        starting.set(true);
        status.accept(what);
        background.execute(() -> {
            try {
                fx.execute(work.load());
            } catch (RuntimeException | IOException | ConfigException e) {
                fx.execute(() -> {
                    starting.set(false);
                    if (statusLine != null) {
                        status.accept(statusLine.apply(ProblemWords.say(e)));
                    }
                    notice.show(why, banner.apply(ProblemWords.say(e)));
                });
            }
        });
    }
}
