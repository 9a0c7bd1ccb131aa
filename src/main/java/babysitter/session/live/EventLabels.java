package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.reports.Report;
import babysitter.store.Event;
import babysitter.store.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The short text of a chart marker for a recorded event ("α 0.03→0.01", "rewind to epoch-0007"),
 * the same for a live session, an opened run and the report.
 */
public final class EventLabels {
    private EventLabels() {
    }

    /** An event as a report, with a short label for chart markers. */
    public static Report.EventReport toReport(RunEvent e) {
        return toReport(e, Double.NaN);
    }

    /** An event as a report, with a short label for chart markers, at {@code elapsedSeconds} of training. */
    public static Report.EventReport toReport(RunEvent e, double elapsedSeconds) {
        return new Report.EventReport(e.event(), e.step(), e.epoch(), e.branch(), label(e.event()), elapsedSeconds);
    }

    public static String label(RunEvent e) {
        return label(e.event());
    }

    public static String label(Event e) {
        if (e instanceof Event.HyperparametersChanged h) {
            return changeLabel(h.from(), h.to());
        } else if (e instanceof Event.Rewind r) {
            return "rewind to " + r.to();
        } else if (e instanceof Event.CheckpointTaken c) {
            return "checkpoint " + c.id();
        } else if (e instanceof Event.GuardTripped g) {
            return "guard: " + g.reason();
        } else if (e instanceof Event.EarlyStop s) {
            return "early stop (best " + s.best() + ")";
        } else if (e instanceof Event.SiblingsStarted s) {
            return "siblings ×" + s.count() + " from " + s.checkpoint();
        } else if (e instanceof Event.SiblingsAdopted a) {
            return "adopted sibling " + (a.index() + 1) + " (α " + number(a.alpha())
                    + (Double.isNaN(a.beta()) ? "" : ", " + betaSymbol(a.betaName()) + " " + number(a.beta())) + ")";
        } else if (e instanceof Event.SiblingsDiscarded) {
            return "siblings discarded";
        } else if (e instanceof Event.RangeTest t) {
            return Double.isFinite(t.suggested()) ? "range test: α " + number(t.suggested())
                    : "range test: no clear descent";
        } else if (e instanceof Event.Failure f) {
            return f.message();
        }
        return e.kind();
    }

    /** "β1" for "beta1", "β2" for "beta2", else "β" (momentum, and events written before the name was). */
    private static String betaSymbol(String key) {
        return key == null ? "β" : switch (key) {
            case "beta1" -> "β1";
            case "beta2" -> "β2";
            default -> "β";
        };
    }

    private record Setting(String symbol, ToDoubleFunction<Hyperparameters> value) {
    }

    private static final List<Setting> SETTINGS = List.of(new Setting("α", Hyperparameters::learningRate),
            new Setting("β", Hyperparameters::momentum), new Setting("β1", Hyperparameters::beta1),
            new Setting("β2", Hyperparameters::beta2), new Setting("ε", Hyperparameters::epsilon),
            new Setting("λ", Hyperparameters::l2), new Setting("batch", Hyperparameters::batchSize));

    private static String changeLabel(Hyperparameters from, Hyperparameters to) {
        List<String> parts = new ArrayList<>();
        if (from.optimizer() != to.optimizer()) {
            parts.add("optimiser → " + pretty(to.optimizer().name()));
        }
        for (Setting s : SETTINGS) {
            double a = s.value().applyAsDouble(from);
            double b = s.value().applyAsDouble(to);
            if (Double.compare(a, b) != 0) {
                parts.add(s.symbol() + " " + number(a) + "→" + number(b));
            }
        }
        if (from.decayKind() != to.decayKind()) {
            parts.add("decay " + from.decayKind().name().toLowerCase(Locale.ROOT) + "→"
                    + to.decayKind().name().toLowerCase(Locale.ROOT));
        }
        if (Double.compare(from.decay(), to.decay()) != 0) {
            parts.add("decay rate " + number(from.decay()) + "→" + number(to.decay()));
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

    /** A whole number as such, else three significant digits without trailing zeros. */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.3g", d).replaceAll("\\.?0+(e|$)", "$1");
    }
}
