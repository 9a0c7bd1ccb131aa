package babysitter.ui.surface;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * State of the "optimisers on a surface" window: α (as log10 α) and momentum β, the start point,
 * whether the race runs and how many steps it takes per frame. β1, β2 and ε are the defaults of
 * {@link Hyperparameters#DEFAULTS}. The race data is {@link #race()}; {@link #revisionProperty()}
 * changes whenever it does. No nodes; the view's animation timer calls {@link #tick()}.
 */
public final class SurfaceViewModel {
    public static final double LOG_ALPHA_MIN = -3;
    public static final double LOG_ALPHA_MAX = 0;
    public static final double BETA_MAX = 0.99;
    /** A racer stops after this many steps (the race pauses when all have). */
    public static final int MAX_STEPS = 5_000;
    /** Start just off the saddle, up the cross-slope, so the paths differ from the first step. */
    public static final double DEFAULT_START_X = 0.05;
    public static final double DEFAULT_START_Y = 1.5;

    private final PathRace race;
    private final DoubleProperty logAlpha = new SimpleDoubleProperty(Math.log10(0.05));
    private final DoubleProperty beta = new SimpleDoubleProperty(0.9);
    private final IntegerProperty stepsPerFrame = new SimpleIntegerProperty(1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper startX = new ReadOnlyDoubleWrapper(DEFAULT_START_X);
    private final ReadOnlyDoubleWrapper startY = new ReadOnlyDoubleWrapper(DEFAULT_START_Y);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper alphaText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper betaText = new ReadOnlyStringWrapper();
    private final Map<OptimizerKind, ReadOnlyStringWrapper> status = new EnumMap<>(OptimizerKind.class);

    public SurfaceViewModel() {
        this(Surface.standard());
    }

    public SurfaceViewModel(Surface surface) {
        race = new PathRace(surface, hyperparameters(), DEFAULT_START_X, DEFAULT_START_Y);
        for (OptimizerKind k : PathRace.KINDS) {
            status.put(k, new ReadOnlyStringWrapper());
        }
        logAlpha.addListener((o, a, b) -> {
            if (b.doubleValue() < LOG_ALPHA_MIN || b.doubleValue() > LOG_ALPHA_MAX) {
                logAlpha.set(Math.max(LOG_ALPHA_MIN, Math.min(LOG_ALPHA_MAX, b.doubleValue())));
                return;
            }
            hyperparametersChanged();
        });
        beta.addListener((o, a, b) -> {
            if (b.doubleValue() < 0 || b.doubleValue() > BETA_MAX) {
                beta.set(Math.max(0, Math.min(BETA_MAX, b.doubleValue())));
                return;
            }
            hyperparametersChanged();
        });
        stepsPerFrame.addListener((o, a, b) -> {
            if (b.intValue() < 1) {
                stepsPerFrame.set(1);
            }
        });
        hyperparametersChanged();
        changed();
    }

    /** α, β from the sliders; β1, β2, ε the defaults. */
    public Hyperparameters hyperparameters() {
        return Hyperparameters.DEFAULTS.withLearningRate(alpha()).withMomentum(beta.get());
    }

    public double alpha() {
        return Math.pow(10, logAlpha.get());
    }

    private void hyperparametersChanged() {
        if (race != null) {
            race.setHyperparameters(hyperparameters());
        }
        alphaText.set(String.format(Locale.ROOT, "α = %.3g", alpha()));
        betaText.set(String.format(Locale.ROOT, "β = %.2f", beta.get()));
    }

    public void start() {
        if (!finished.get()) {
            running.set(true);
        }
    }

    public void pause() {
        running.set(false);
    }

    public void toggleRunning() {
        if (running.get()) {
            pause();
        } else {
            start();
        }
    }

    /** One step of every racer (pauses first if running). */
    public void step() {
        pause();
        advance(1);
    }

    /** Called once per frame by the view: takes {@link #stepsPerFrameProperty()} steps while running. */
    public void tick() {
        if (running.get()) {
            advance(stepsPerFrame.get());
        }
    }

    private void advance(int n) {
        int left = MAX_STEPS - steps.get();
        int k = Math.min(n, left);
        for (int i = 0; i < k; i++) {
            race.step();
        }
        if (k > 0) {
            changed();
        }
        if (steps.get() >= MAX_STEPS) {
            finished.set(true);
            pause();
        }
    }

    /** Back to the start point, paths cleared, paused. */
    public void reset() {
        pause();
        race.reset();
        finished.set(false);
        changed();
    }

    /** Moves the start point (kept inside the surface's domain) and resets. */
    public void setStart(double x, double y) {
        Surface s = race.surface();
        x = Math.max(s.xMin(), Math.min(s.xMax(), x));
        y = Math.max(s.yMin(), Math.min(s.yMax(), y));
        pause();
        race.setStart(x, y);
        startX.set(x);
        startY.set(y);
        finished.set(false);
        changed();
    }

    private void changed() {
        long max = 0;
        for (OptimizerKind k : PathRace.KINDS) {
            max = Math.max(max, race.steps(k));
            status.get(k).set(Texts.get(race.diverged(k) ? "surface.statusDiverged" : "surface.status", label(k),
                    String.format(Locale.ROOT, "%.4f", race.value(k)), race.steps(k)));
        }
        steps.set((int) max);
        revision.set(revision.get() + 1);
    }

    /** The name shown in the legend. */
    public static String label(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> "SGD";
            case MOMENTUM -> Texts.get("surface.momentum");
            case RMSPROP -> "RMSprop";
            case ADAM -> "Adam";
        };
    }

    public PathRace race() {
        return race;
    }

    public DoubleProperty logAlphaProperty() {
        return logAlpha;
    }

    public DoubleProperty betaProperty() {
        return beta;
    }

    public IntegerProperty stepsPerFrameProperty() {
        return stepsPerFrame;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once the racers have taken {@link #MAX_STEPS}; Reset clears it. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty startXProperty() {
        return startX.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty startYProperty() {
        return startY.getReadOnlyProperty();
    }

    /** Incremented whenever the paths change. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Steps taken so far (the most of any racer). */
    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alphaTextProperty() {
        return alphaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty betaTextProperty() {
        return betaText.getReadOnlyProperty();
    }

    /** "Adam   f = -1.4999   300 steps". */
    public ReadOnlyStringProperty statusProperty(OptimizerKind kind) {
        return status.get(kind).getReadOnlyProperty();
    }
}
