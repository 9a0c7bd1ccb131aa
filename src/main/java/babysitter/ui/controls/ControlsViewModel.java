package babysitter.ui.controls;

import babysitter.engine.Hyperparameters;
import babysitter.engine.InvalidValue;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.report.ProblemWords;
import babysitter.session.configuration.LearningRateRange;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.configuration.Rules;
import babysitter.session.live.Command;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The live controls: learning rate on a log scale, the β the optimiser uses on the log10(1 − β) scale
 * ({@link OptimizerBeta}: momentum's β, Adam's β1, RMSprop's β2; disabled with SGD, which keeps no
 * average), optimiser, mini-batch size, decay, L2, Adam's β1 and β2, and the automatic rules. Every change becomes one
 * {@link Command} for the session. A slider only previews while it moves ({@link #alphaSliderMoved()});
 * the change is sent once, when it settles ({@link #alphaSliderSettled()}: the drag ends, or the keys
 * stop for a moment), so one gesture is one change and one marker. Values typed in are checked
 * first: a bad one is refused with a message and nothing is sent.
 */
public final class ControlsViewModel {
    /** Slider range of log10 α: the ends of {@link LearningRateRange}, so any allowed α has a slider position. */
    public static final double LOG_ALPHA_MIN = LearningRateRange.logMin();
    public static final double LOG_ALPHA_MAX = LearningRateRange.logMax();
    /** Slider range of −log10(1 − β): β from 0 to 0.9999, a tick at each added 9. */
    public static final double BETA_SCALE_MIN = 0;
    public static final double BETA_SCALE_MAX = 4;
    /** The highest β the slider sends. */
    public static final double MAX_BETA = 0.9999;

    private final Consumer<Command> sink;
    private Hyperparameters current = Hyperparameters.DEFAULTS;
    private Rules rules = Rules.DEFAULTS;
    private boolean updating;
    private boolean alphaPending;
    private boolean betaPending;

    private final DoubleProperty logAlpha = new SimpleDoubleProperty(Math.log10(current.learningRate()));
    private final StringProperty alphaText = new SimpleStringProperty(sci(current.learningRate()));
    private final ReadOnlyStringWrapper alphaError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OptimizerBeta> betaKind =
            new ReadOnlyObjectWrapper<>(OptimizerBeta.of(current.optimizer()));
    private final DoubleProperty betaScale = new SimpleDoubleProperty(scale(betaOf(current)));
    private final ReadOnlyStringWrapper betaTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper betaReadout = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper betaDisabled = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(current.optimizer());
    private final StringProperty batchSize = new SimpleStringProperty(Integer.toString(current.batchSize()));
    private final ObjectProperty<LrDecay> decay = new SimpleObjectProperty<>(current.decayKind());
    private final StringProperty decayRate = new SimpleStringProperty(num(current.decay()));
    private final StringProperty l2 = new SimpleStringProperty(num(current.l2()));
    private final StringProperty beta1 = new SimpleStringProperty(num(current.beta1()));
    private final StringProperty beta2 = new SimpleStringProperty(num(current.beta2()));
    private final ReadOnlyStringWrapper fieldError = new ReadOnlyStringWrapper("");
    private final BooleanProperty guard = new SimpleBooleanProperty(rules.guard());
    private final BooleanProperty guardAutoRewind = new SimpleBooleanProperty(rules.guardAutoRewind());
    private final BooleanProperty reduceOnPlateau = new SimpleBooleanProperty(rules.reduceOnPlateau());
    private final BooleanProperty earlyStop = new SimpleBooleanProperty(rules.earlyStop());

    public ControlsViewModel(Consumer<Command> sink) {
        this.sink = Objects.requireNonNull(sink);
        showBeta(current, true);
        optimizer.addListener((o, a, b) -> {
            if (!updating && b != null) {
                send(current.withOptimizer(b));
                // the slider now shows the β of the new optimiser
                betaPending = false;
                showBeta(current, true);
            }
        });
        decay.addListener((o, a, b) -> commitFields());
        for (BooleanProperty p : new BooleanProperty[] {guard, guardAutoRewind, reduceOnPlateau, earlyStop}) {
            p.addListener((o, a, b) -> {
                if (!updating) {
                    rules = rules.withGuard(guard.get(), guardAutoRewind.get())
                            .withReduceOnPlateau(reduceOnPlateau.get(), rules.plateauPatience(), rules.plateauFactor())
                            .withEarlyStop(earlyStop.get(), rules.earlyStopPatience());
                    sink.accept(new Command.SetRules(rules));
                }
            });
        }
    }

    // ------------------------------------------------------------------ properties

    /** log10 α, bound to the slider. */
    public DoubleProperty logAlphaProperty() {
        return logAlpha;
    }

    /** α as typed; committed with {@link #commitAlphaText()}. */
    public StringProperty alphaTextProperty() {
        return alphaText;
    }

    public ReadOnlyStringProperty alphaErrorProperty() {
        return alphaError.getReadOnlyProperty();
    }

    /** −log10(1 − β) of the optimiser's β ({@link #betaKindProperty()}), bound to the β slider. */
    public DoubleProperty betaScaleProperty() {
        return betaScale;
    }

    /** Which β the slider sets: the one the current optimiser uses ({@link OptimizerBeta#NONE} for SGD). */
    public ReadOnlyObjectProperty<OptimizerBeta> betaKindProperty() {
        return betaKind.getReadOnlyProperty();
    }

    /** The slider's heading: "Momentum β", "Adam β1", "RMSprop β2", or "β" with SGD. */
    public ReadOnlyStringProperty betaTitleProperty() {
        return betaTitle.getReadOnlyProperty();
    }

    /** "β1 0.9000 · averages over ≈ 10 steps", or "SGD keeps no average". */
    public ReadOnlyStringProperty betaReadoutProperty() {
        return betaReadout.getReadOnlyProperty();
    }

    /** True with SGD: there is no β to set. */
    public ReadOnlyBooleanProperty betaDisabledProperty() {
        return betaDisabled.getReadOnlyProperty();
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public ObjectProperty<LrDecay> decayProperty() {
        return decay;
    }

    public StringProperty decayRateProperty() {
        return decayRate;
    }

    public StringProperty l2Property() {
        return l2;
    }

    public StringProperty beta1Property() {
        return beta1;
    }

    public StringProperty beta2Property() {
        return beta2;
    }

    /** The message of the last refused field value, "" when all are fine. */
    public ReadOnlyStringProperty fieldErrorProperty() {
        return fieldError.getReadOnlyProperty();
    }

    public BooleanProperty guardProperty() {
        return guard;
    }

    public BooleanProperty guardAutoRewindProperty() {
        return guardAutoRewind;
    }

    public BooleanProperty reduceOnPlateauProperty() {
        return reduceOnPlateau;
    }

    public BooleanProperty earlyStopProperty() {
        return earlyStop;
    }

    public Hyperparameters current() {
        return current;
    }

    // ------------------------------------------------------------------ from the session

    /** Shows the session's hyperparameters and rules (sends nothing). */
    public void show(Hyperparameters hp, Rules r) {
        updating = true;
        try {
            current = hp;
            rules = r;
            if (!alphaPending) {
                logAlpha.set(Math.log10(hp.learningRate()));
                alphaText.set(sci(hp.learningRate()));
            }
            if (OptimizerBeta.of(hp.optimizer()) != betaKind.get()) {
                betaPending = false;
            }
            showBeta(hp, !betaPending);
            optimizer.set(hp.optimizer());
            batchSize.set(Integer.toString(hp.batchSize()));
            decay.set(hp.decayKind());
            decayRate.set(num(hp.decay()));
            l2.set(num(hp.l2()));
            beta1.set(num(hp.beta1()));
            beta2.set(num(hp.beta2()));
            guard.set(r.guard());
            guardAutoRewind.set(r.guardAutoRewind());
            reduceOnPlateau.set(r.reduceOnPlateau());
            earlyStop.set(r.earlyStop());
        } finally {
            updating = false;
        }
    }

    // ------------------------------------------------------------------ from the view

    /** The α slider moved: the field previews its value; nothing is sent until {@link #alphaSliderSettled()}. */
    public void alphaSliderMoved() {
        if (updating) {
            return;
        }
        alphaText.set(sci(Math.pow(10, logAlpha.get())));
        alphaError.set("");
        alphaPending = true;
    }

    /** The α slider came to rest (drag released, or keys paused): its value is sent, once. */
    public void alphaSliderSettled() {
        if (updating || !alphaPending) {
            return;
        }
        alphaPending = false;
        send(current.withLearningRate(round3(Math.pow(10, logAlpha.get()))));
    }

    /**
     * The β slider moved: the readout previews the β the current optimiser uses (momentum's β, Adam's
     * β1 or RMSprop's β2); with SGD nothing. Sent by {@link #betaSliderSettled()}.
     */
    public void betaSliderMoved() {
        OptimizerBeta kind = betaKind.get();
        if (updating || kind == OptimizerBeta.NONE) {
            return;
        }
        betaReadout.set(readout(kind, sliderBeta()));
        betaPending = true;
    }

    /** The β slider came to rest: sets that β, and only that one, once. */
    public void betaSliderSettled() {
        OptimizerBeta kind = betaKind.get();
        if (updating || !betaPending || kind == OptimizerBeta.NONE) {
            return;
        }
        betaPending = false;
        send(kind.with(current, sliderBeta()));
        // the Advanced field of the same β follows the slider
        updating = true;
        try {
            beta1.set(num(current.beta1()));
            beta2.set(num(current.beta2()));
        } finally {
            updating = false;
        }
    }

    private double sliderBeta() {
        return Math.min(round4(1 - Math.pow(10, -betaScale.get())), MAX_BETA);
    }

    /** Applies the α typed in, or refuses it with a message (and sends nothing). */
    public boolean commitAlphaText() {
        String text = alphaText.get() == null ? "" : alphaText.get().trim();
        double alpha;
        try {
            alpha = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            alpha = Double.NaN;
        }
        if (Double.isNaN(alpha) || LearningRateRange.problem(alpha).isPresent()) {
            alphaError.set(Texts.get("controls.alphaError", Names.alphaRange(), text));
            return false;
        }
        alphaError.set("");
        updating = true;
        logAlpha.set(Math.max(LOG_ALPHA_MIN, Math.min(LOG_ALPHA_MAX, Math.log10(alpha))));
        updating = false;
        send(current.withLearningRate(alpha));
        return true;
    }

    /** Puts the last accepted α back into the field. */
    public void revertAlphaText() {
        alphaText.set(sci(current.learningRate()));
        alphaError.set("");
    }

    /** Applies the typed fields (batch size, decay rate, λ, β1, β2), or refuses them with a message. */
    public boolean commitFields() {
        if (updating) {
            return false;
        }
        try {
            int batch = parseInt(batchSize.get(), Texts.get("controls.field.batchSize"));
            double rate = parse(decayRate.get(), Texts.get("controls.field.decayRate"));
            double lambda = parse(l2.get(), Texts.get("controls.field.l2"));
            double b1 = parse(beta1.get(), "β1");
            double b2 = parse(beta2.get(), "β2");
            Hyperparameters next = current.withBatchSize(batch).withDecay(decay.get(), rate).withL2(lambda)
                    .withBetas(b1, b2);
            fieldError.set("");
            send(next);
            // a β typed into the Advanced fields moves the slider if it is the optimiser's β
            betaPending = false;
            showBeta(current, true);
            return true;
        } catch (InvalidValue e) {
            fieldError.set(ProblemWords.invalidValue(e));
            return false;
        } catch (IllegalArgumentException e) {
            fieldError.set(e.getMessage());
            return false;
        }
    }

    /** Puts the applied values back into the typed fields and clears their message. */
    public void revertFields() {
        show(current, rules);
        fieldError.set("");
    }

    private static double parse(String text, String name) {
        String t = text == null ? "" : text.trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Texts.get("controls.notANumber", name, t));
        }
    }

    private static int parseInt(String text, String name) {
        String t = text == null ? "" : text.trim();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Texts.get("controls.notWhole", name, t));
        }
    }

    private void send(Hyperparameters next) {
        if (next.equals(current)) {
            return;
        }
        current = next;
        sink.accept(new Command.SetHyperparameters(next));
    }

    /** Title, readout, enabled state and (when {@code moveSlider}) the slider for the β of {@code hp}'s optimiser. */
    private void showBeta(Hyperparameters hp, boolean moveSlider) {
        OptimizerBeta kind = OptimizerBeta.of(hp.optimizer());
        boolean was = updating;
        updating = true;
        try {
            betaKind.set(kind);
            betaTitle.set(title(kind));
            betaDisabled.set(kind == OptimizerBeta.NONE);
            if (moveSlider) {
                betaScale.set(scale(betaOf(hp)));
            }
            if (moveSlider || kind == OptimizerBeta.NONE) {
                betaReadout.set(kind == OptimizerBeta.NONE ? noBeta() : readout(kind, kind.get(hp)));
            }
        } finally {
            updating = was;
        }
    }

    /** The value the slider shows: the optimiser's β; with SGD the (unused) momentum β, greyed out. */
    private static double betaOf(Hyperparameters hp) {
        OptimizerBeta kind = OptimizerBeta.of(hp.optimizer());
        return kind == OptimizerBeta.NONE ? hp.momentum() : kind.get(hp);
    }

    private static double scale(double beta) {
        return -Math.log10(1 - beta);
    }

    // ------------------------------------------------------------------ formatting

    /** The readout with SGD, whose slider is disabled. */
    public static String noBeta() {
        return Texts.get("controls.noBeta");
    }

    /** The β at a position of the β slider's scale: 0 → 0, 1 → 0.9, 2 → 0.99 … (a tick label). */
    public static String betaAt(double scale) {
        return num(Math.round((1 - Math.pow(10, -scale)) * 10000) / 10000.0);
    }

    /** "Momentum β", "Adam β1", "RMSprop β2", "β" (SGD). */
    static String title(OptimizerBeta kind) {
        return switch (kind) {
            case NONE -> "β";
            case MOMENTUM -> Texts.get("controls.betaTitle.momentum");
            case BETA1 -> Texts.get("controls.betaTitle.beta1");
            case BETA2 -> Texts.get("controls.betaTitle.beta2");
        };
    }

    static String readout(OptimizerBeta kind, double beta) {
        double steps = 1 / (1 - beta);
        return Texts.get("controls.betaReadout", kind.symbol(), String.format(Locale.ROOT, "%.4g", beta),
                Texts.number(Math.round(steps)));
    }

    /** α in scientific notation, e.g. 3.00e-03. */
    public static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /** α to three significant digits, so a slider sends 3.16e-03, not 3.1622776e-03. */
    static double round3(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2e", v));
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
