package babysitter.ui.controls;

import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.report.ProblemWords;
import babysitter.session.configuration.LearningRateRange;
import babysitter.session.configuration.RunConfig;
import babysitter.session.live.Command;
import babysitter.session.live.LrRangeTest;
import babysitter.session.reports.Report;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The learning-rate range test panel: the range (minimum and maximum α, steps) as typed, a test on
 * a throw-away network built from the setup's configuration, its result and suggestion, and where
 * the suggestion may go (the setup's α, and the live run's α while there is a run). The test needs
 * no run and never touches one, so it may run before, during or after a run; it runs on
 * {@code background} and its result comes back through {@code fx}. Toolkit free.
 */
public final class RangeTestViewModel {
    /** Runs one range test on the caller's thread (the real one: {@link LrRangeTest#onFreshNetwork}). */
    @FunctionalInterface
    public interface Runner {
        Report.LrRangeReport run(RunConfig config, Command.LrRangeTest range, BooleanSupplier stop) throws IOException;
    }

    public static final String DEFAULT_MIN = "1e-5";
    public static final String DEFAULT_MAX = "1";
    public static final String DEFAULT_STEPS = "100";
    private static final int MIN_STEPS = 5;

    private final ObservableValue<RunConfig> config;
    private final Executor fx;
    private final Executor background;
    private final Runner runner;
    private final DoubleConsumer toSetup;
    private final DoubleConsumer toRun;

    private final StringProperty minAlpha = new SimpleStringProperty(this, "minAlpha", DEFAULT_MIN);
    private final StringProperty maxAlpha = new SimpleStringProperty(this, "maxAlpha", DEFAULT_MAX);
    private final StringProperty steps = new SimpleStringProperty(this, "steps", DEFAULT_STEPS);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun", false);
    private final ReadOnlyObjectWrapper<Report.LrRangeReport> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BooleanProperty liveRun = new SimpleBooleanProperty(this, "liveRun", false);
    /** The range the fields hold, or null while one of them is wrong. */
    private Command.LrRangeTest range;
    /** Set to stop the test under way; each test has its own. */
    private AtomicBoolean stopFlag = new AtomicBoolean();

    /**
     * @param config  the setup's configuration (null while the setup has a problem)
     * @param toSetup what "use in the setup" does with the suggested α
     * @param toRun   what "use in the run" does with the suggested α
     */
    public RangeTestViewModel(ObservableValue<RunConfig> config, DoubleConsumer toSetup, DoubleConsumer toRun,
                              Executor fx, Executor background, Runner runner) {
        this.config = Objects.requireNonNull(config);
        this.toSetup = Objects.requireNonNull(toSetup);
        this.toRun = Objects.requireNonNull(toRun);
        this.fx = Objects.requireNonNull(fx);
        this.background = Objects.requireNonNull(background);
        this.runner = Objects.requireNonNull(runner);
        minAlpha.addListener((o, a, b) -> check());
        maxAlpha.addListener((o, a, b) -> check());
        steps.addListener((o, a, b) -> check());
        config.addListener((o, a, b) -> check());
        running.addListener((o, a, b) -> check());
        check();
    }

    /** The panel as the application uses it: the real range test, one daemon thread per test. */
    public static RangeTestViewModel of(ObservableValue<RunConfig> config, DoubleConsumer toSetup, DoubleConsumer toRun,
                                        Executor fx) {
        Executor ownThread = task -> {
            Thread t = new Thread(task, "lr-range-test");
            t.setDaemon(true);
            t.start();
        };
        return new RangeTestViewModel(config, toSetup, toRun, fx, ownThread, LrRangeTest::onFreshNetwork);
    }

    private void check() {
        range = null;
        String problem = rangeProblem();
        if (problem.isEmpty() && config.getValue() == null) {
            problem = Texts.get("range.setupProblem");
        }
        error.set(problem);
        canRun.set(range != null && config.getValue() != null && !running.get());
    }

    /** What is wrong with the typed range ("" when fine); sets {@link #range} when fine. */
    private String rangeProblem() {
        String minText = trimmed(minAlpha);
        String maxText = trimmed(maxAlpha);
        String stepsText = trimmed(steps);
        double min = number(minText);
        if (Double.isNaN(min) || LearningRateRange.problem(min).isPresent()) {
            return Texts.get("range.minError", Names.alphaRange(), minText);
        }
        double max = number(maxText);
        if (Double.isNaN(max) || LearningRateRange.problem(max).isPresent()) {
            return Texts.get("range.maxError", Names.alphaRange(), maxText);
        }
        if (!(max > min)) {
            return Texts.get("range.maxBelowMin", minText, maxText);
        }
        int n;
        try {
            n = Integer.parseInt(stepsText);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < MIN_STEPS || n > LrRangeTest.MAX_STEPS) {
            return Texts.get("range.stepsError", String.valueOf(MIN_STEPS),
                    String.valueOf(LrRangeTest.MAX_STEPS), stepsText);
        }
        range = new Command.LrRangeTest(min, max, n);
        return "";
    }

    private static String trimmed(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }

    private static double number(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Starts a range test on the setup's network with the typed range; nothing happens when it cannot run. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        RunConfig c = config.getValue();
        Command.LrRangeTest r = range;
        AtomicBoolean stop = new AtomicBoolean();
        stopFlag = stop;
        running.set(true);
        message.set(Texts.get("range.running", sci(r.minAlpha()), sci(r.maxAlpha()), r.steps()));
        background.execute(() -> {
            try {
                Report.LrRangeReport report = runner.run(c, r, stop::get);
                fx.execute(() -> finished(report, r));
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : ProblemWords.say(e);
                fx.execute(() -> failed(why));
            }
        });
    }

    /** Ends the test under way early; what it measured so far is shown. */
    public void stop() {
        stopFlag.set(true);
    }

    private void finished(Report.LrRangeReport report, Command.LrRangeTest r) {
        running.set(false);
        result.set(report);
        int done = report.learningRates().length;
        String taken = done < r.steps() ? Texts.get("range.cut", done, r.steps()) : "";
        if (Double.isFinite(report.suggested())) {
            message.set(Texts.get("range.suggestion", sci(report.suggested()), taken));
        } else {
            message.set(Texts.get("range.noDescent", sci(r.minAlpha()), sci(r.maxAlpha()), taken));
        }
    }

    private void failed(String why) {
        running.set(false);
        message.set(Texts.get("range.failed", why));
    }

    /** The last result's suggestion, when it has one. */
    public OptionalDouble suggested() {
        Report.LrRangeReport r = result.get();
        return r != null && Double.isFinite(r.suggested()) ? OptionalDouble.of(r.suggested()) : OptionalDouble.empty();
    }

    /** Puts the suggestion (to three digits) into the setup's α. */
    public void useInSetup() {
        suggested().ifPresent(a -> toSetup.accept(round3(a)));
    }

    /** Sets the live run's α to the suggestion (to three digits), when there is a run. */
    public void useInRun() {
        if (liveRun.get()) {
            suggested().ifPresent(a -> toRun.accept(round3(a)));
        }
    }

    private static double round3(double v) {
        return Double.parseDouble(sci(v));
    }

    private static String sci(double v) {
        return ControlsViewModel.sci(v);
    }

    // ------------------------------------------------------------------ properties

    public StringProperty minAlphaProperty() {
        return minAlpha;
    }

    public StringProperty maxAlphaProperty() {
        return maxAlpha;
    }

    public StringProperty stepsProperty() {
        return steps;
    }

    /** What is wrong with the range or the setup, "" when the test can run. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "running…", the suggestion, "no clear descent…" or why the test failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Report.LrRangeReport> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether there is a run whose α "use in the run" may set (the window binds it). */
    public BooleanProperty liveRunProperty() {
        return liveRun;
    }
}
