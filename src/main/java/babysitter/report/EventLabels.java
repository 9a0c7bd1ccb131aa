package babysitter.report;

import babysitter.engine.Hyperparameters;
import babysitter.i18n.Texts;
import babysitter.session.reports.Report;
import babysitter.store.Event;
import babysitter.store.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The short text of a chart marker or an event line for a recorded event ("α 0.03→0.01", "rewind
 * to epoch-0007"), in a language: made where it is read (the window, the HTML report), the same
 * for a live session and an opened run. The symbols (α, β, β1, λ, ε, →) and the numbers' format
 * are the same in every language.
 */
public final class EventLabels {
    private EventLabels() {
    }

    /** The label of a session's event in the window's language. */
    public static String label(Report.EventReport e) {
        return label(e.event(), e.step(), Names.window());
    }

    /** The label of a recorded event in the window's language. */
    public static String label(RunEvent e) {
        return label(e, Names.window());
    }

    public static String label(RunEvent e, Locale language) {
        return label(e.event(), e.step(), language);
    }

    /** The label of {@code e}, which happened at {@code step} (the guard's reason names it). */
    public static String label(Event e, long step, Locale language) {
        if (e instanceof Event.HyperparametersChanged h) {
            return changeLabel(h.from(), h.to(), language);
        } else if (e instanceof Event.Rewind r) {
            return Texts.in(language, "words.event.rewind", r.to());
        } else if (e instanceof Event.CheckpointTaken c) {
            return Texts.in(language, "words.event.checkpoint", c.id());
        } else if (e instanceof Event.GuardTripped g) {
            return Texts.in(language, "words.event.guard", Names.guardReason(g, step, language));
        } else if (e instanceof Event.EarlyStop s) {
            return Texts.in(language, "words.event.earlyStop", s.best());
        } else if (e instanceof Event.SiblingsStarted s) {
            return Texts.in(language, "words.event.siblings", s.count(), s.checkpoint());
        } else if (e instanceof Event.SiblingsAdopted a) {
            return Double.isNaN(a.beta()) ? Texts.in(language, "words.event.adopted", a.index() + 1, number(a.alpha()))
                    : Texts.in(language, "words.event.adoptedBeta", a.index() + 1, number(a.alpha()),
                    betaSymbol(a.betaName()), number(a.beta()));
        } else if (e instanceof Event.SiblingsDiscarded) {
            return Texts.in(language, "words.event.discarded");
        } else if (e instanceof Event.RangeTest t) {
            return Double.isFinite(t.suggested()) ? Texts.in(language, "words.event.rangeTest", number(t.suggested()))
                    : Texts.in(language, "words.event.rangeTestNoDescent");
        } else if (e instanceof Event.PaceSet p) {
            return Texts.in(language, "words.event.pace", Names.pace(p.epochsPerSecond(), language));
        } else if (e instanceof Event.MoreEpochs m) {
            return Texts.in(language, "words.event.moreEpochs", m.added(), m.epochs());
        } else if (e instanceof Event.Start) {
            return Texts.in(language, "words.event.start");
        } else if (e instanceof Event.Stop) {
            return Texts.in(language, "words.event.stop");
        } else if (e instanceof Event.Pause) {
            return Texts.in(language, "words.event.pause");
        } else if (e instanceof Event.Resume) {
            return Texts.in(language, "words.event.resume");
        } else if (e instanceof Event.RulesSet) {
            return Texts.in(language, "words.event.rules");
        } else if (e instanceof Event.Failure f) {
            return failure(f, language);
        }
        return e.kind(); // a kind a newer program wrote: its recorded name
    }

    /**
     * What failed, in a language: the sentence from the bundles around its values (an exception's
     * message among them stays as it came); a failure said only in words shows them as they are.
     */
    public static String failure(Event.Failure f, Locale language) {
        return switch (f.problem()) {
            case TEXT -> f.message();
            case SIBLING_NOT_DONE -> Texts.in(language, f.problem().key(), f.values().get(0),
                    Texts.in(language, "siblings.state." + f.values().get(1)));
            default -> Texts.in(language, f.problem().key(), f.values().toArray());
        };
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

    private static final List<Setting> SYMBOLS = List.of(new Setting("α", Hyperparameters::learningRate),
            new Setting("β", Hyperparameters::momentum), new Setting("β1", Hyperparameters::beta1),
            new Setting("β2", Hyperparameters::beta2), new Setting("ε", Hyperparameters::epsilon),
            new Setting("λ", Hyperparameters::l2));

    private static String changeLabel(Hyperparameters from, Hyperparameters to, Locale language) {
        List<String> parts = new ArrayList<>();
        if (from.optimizer() != to.optimizer()) {
            parts.add(Texts.in(language, "words.event.optimizer", Names.optimizer(to.optimizer(), language)));
        }
        for (Setting s : SYMBOLS) {
            double a = s.value().applyAsDouble(from);
            double b = s.value().applyAsDouble(to);
            if (Double.compare(a, b) != 0) {
                parts.add(s.symbol() + " " + number(a) + "→" + number(b));
            }
        }
        if (from.batchSize() != to.batchSize()) {
            parts.add(Texts.in(language, "words.event.batch", from.batchSize(), to.batchSize()));
        }
        if (from.decayKind() != to.decayKind()) {
            parts.add(Texts.in(language, "words.event.decay", Names.decay(from.decayKind(), language),
                    Names.decay(to.decayKind(), language)));
        }
        if (Double.compare(from.decay(), to.decay()) != 0) {
            parts.add(Texts.in(language, "words.event.decayRate", number(from.decay()), number(to.decay())));
        }
        return parts.isEmpty() ? Texts.in(language, "words.event.hyperparameters") : String.join(", ", parts);
    }

    /** A whole number as such, else three significant digits without trailing zeros. */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.3g", d).replaceAll("\\.?0+(e|$)", "$1");
    }
}
