package babysitter.report;

import babysitter.engine.LrDecay;
import babysitter.engine.Precision;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import babysitter.session.configuration.LearningRateRange;
import babysitter.session.live.Pace;
import babysitter.store.BadFileException;
import babysitter.store.Event;
import babysitter.store.FileProblem;
import babysitter.store.GuardReason;
import babysitter.store.Json;
import babysitter.store.JsonRule;
import babysitter.store.RunColumn;
import babysitter.store.RunFilter;
import babysitter.store.RunCurves;
import babysitter.store.RunLibrary;
import babysitter.store.RunSummary;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;

/**
 * The names a person reads for values that the session and the store make in English (an
 * optimiser, a decay form, a pace, a duration, a column of the runs library, the guard's reason…),
 * in a language: the window's ({@code words.*} keys of the message bundles, the language of
 * {@link Locale.Category#DISPLAY}) or a report's. Files and the command line keep the English the
 * session writes; the symbols (α, β, →) and the numbers' format are the same in every language.
 */
public final class Names {
    private Names() {
    }

    /** The language the window speaks now. */
    public static Locale window() {
        return Locale.getDefault(Locale.Category.DISPLAY);
    }

    public static String optimizer(OptimizerKind kind, Locale language) {
        return Texts.in(language, "words.optimizer." + kind.name());
    }

    public static String optimizer(OptimizerKind kind) {
        return optimizer(kind, window());
    }

    public static String decay(LrDecay decay, Locale language) {
        return Texts.in(language, "words.decay." + decay.name());
    }

    public static String decay(LrDecay decay) {
        return decay(decay, window());
    }

    public static String precision(Precision precision) {
        return Texts.get("words.precision." + precision.name());
    }

    /** A built-in data set's or a file format's name for one of {@code DataSpec.KINDS}; an unknown kind as it is. */
    public static String dataKind(String kind) {
        return known("words.data." + kind, kind, window());
    }

    /**
     * Who changed the hyperparameters ("user", "plateau", "guard", …, as recorded); a source this
     * program does not name (a newer program's) as recorded.
     */
    public static String source(String source, Locale language) {
        return known("words.source." + source, source, language);
    }

    public static String source(String source) {
        return source(source, window());
    }

    /** "fastest", "pause after each epoch", "5 epochs/s". */
    public static String pace(Pace pace, Locale language) {
        return pace(pace.epochsPerSecond(), language);
    }

    public static String pace(Pace pace) {
        return pace(pace, window());
    }

    /** A pace by its epochs a second, as a pace event records it: −1 or ∞ for as fast as possible. */
    static String pace(double epochsPerSecond, Locale language) {
        if (epochsPerSecond < 0 || epochsPerSecond == Double.POSITIVE_INFINITY) {
            return Texts.in(language, "words.pace.fastest");
        }
        if (epochsPerSecond == 0) {
            return Texts.in(language, "words.pace.epochByEpoch");
        }
        if (epochsPerSecond == 1) {
            return Texts.in(language, "words.pace.onePerSecond");
        }
        String n = epochsPerSecond == Math.rint(epochsPerSecond) ? Long.toString((long) epochsPerSecond)
                : String.format(Locale.ROOT, "%.3g", epochsPerSecond);
        return Texts.in(language, "words.pace.perSecond", n);
    }

    /**
     * How long something takes, in whole seconds, above an hour in whole minutes: "1 min 15 s",
     * "1분 15초". The command line says it in English.
     */
    public static String duration(double seconds, Locale language) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return Texts.in(language, "words.duration.hours", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? Texts.in(language, "words.duration.minutes", s / 60, s % 60)
                : Texts.in(language, "words.duration.seconds", s);
    }

    public static String duration(double seconds) {
        return duration(seconds, window());
    }

    /** A run's state in the runs library. */
    public static String runState(RunSummary.State state) {
        return Texts.get("words.runState." + state.name());
    }

    /** The header of a column of the runs library. */
    public static String column(RunColumn column) {
        return Texts.get("words.column." + column.name());
    }

    /**
     * What a cell of the runs library shows: the store's text, with the data set's kind, the
     * optimiser, the state and the wall time in the window's language.
     */
    public static String cell(RunColumn column, RunLibrary.Entry entry) {
        return switch (column) {
            case STATE -> runState(entry.state());
            case OPTIMIZER -> optimizerNamed(entry.summary().optimizer());
            case DATA -> dataKind(entry.summary().data());
            case WALL -> Double.isNaN(entry.summary().wallSeconds()) ? "" : wallTime(entry.summary().wallSeconds());
            default -> column.text(entry);
        };
    }

    /** The library's optimiser ("adam", as the summary keeps it) by its name; an unknown one as it is. */
    private static String optimizerNamed(String lowerCase) {
        for (OptimizerKind k : OptimizerKind.values()) {
            if (k.name().equalsIgnoreCase(lowerCase)) {
                return optimizer(k);
            }
        }
        return lowerCase;
    }

    /**
     * A run's wall time as the library prints it (tenths of a second under a minute: a small run
     * takes less than one; two-digit seconds or minutes after the larger unit), in the window's words.
     */
    static String wallTime(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? Texts.get("words.duration.seconds", String.format(Locale.ROOT, "%.1f", seconds))
                : s < 3600 ? Texts.get("words.duration.minutes", s / 60, String.format(Locale.ROOT, "%02d", s % 60))
                : Texts.get("words.duration.hours", s / 3600, String.format(Locale.ROOT, "%02d", s % 3600 / 60));
    }

    public static String metric(RunCurves.Metric metric) {
        return Texts.get("words.metric." + metric.name());
    }

    public static String xAxis(RunCurves.XAxis axis) {
        return Texts.get("words.xAxis." + axis.name());
    }

    /**
     * The guard's reason: in the language when it is known as numbers ({@link GuardReason#of}),
     * else the recorded English text as it is.
     */
    public static String guardReason(Event.GuardTripped event, long step, Locale language) {
        return GuardReason.of(event, step).map(r -> guardReason(r, language)).orElse(event.reason());
    }

    public static String guardReason(Event.GuardTripped event, long step) {
        return guardReason(event, step, window());
    }

    private static String guardReason(GuardReason reason, Locale language) {
        if (reason instanceof GuardReason.CostNotFinite n) {
            return Texts.in(language, "words.guard.costNotFinite", n.costText(), n.step());
        }
        GuardReason.CostRose r = (GuardReason.CostRose) reason;
        return Texts.in(language, "words.guard.costRose", r.smoothedText(), r.step(), r.factorText(), r.bestText(),
                r.guessingText());
    }

    /** Why a run folder or file cannot be read, in the window's language; one known only in words as it is. */
    public static String fileProblem(FileProblem problem) {
        return switch (problem.kind()) {
            case TEXT -> problem.english();
            case BAD_JSON -> badJson(problem.values().get(0), problem.json());
            default -> Texts.get(problem.kind().key(), problem.values().toArray());
        };
    }

    /** A JSON file's problem: the sentence around the rule it breaks. */
    static String badJson(String file, Json.Problem p) {
        String where = p.line() > 0 ? Texts.get("store.problem.where", p.line(), p.column()) : "";
        String key = p.syntax() ? (p.path().isEmpty() ? "store.problem.badJson" : "store.problem.badJsonAt")
                : (p.path().isEmpty() ? "store.problem.badFile" : "store.problem.badValue");
        String rule = jsonRule(p.rule());
        return p.path().isEmpty() ? Texts.get(key, file, rule, where) : Texts.get(key, file, p.path(), rule, where);
    }

    /** A JSON rule in the window's language when it is one of ours ({@link JsonRule}); other words as they are. */
    static String jsonRule(String rule) {
        return JsonRule.read(rule).map(f -> Texts.get(f.rule().key(), f.values().toArray())).orElse(rule);
    }

    /** A Runs filter term that cannot be read, in the window's language (the command line says its message). */
    public static String filterProblem(RunFilter.BadFilter problem) {
        return Texts.get(problem.kind().key(), problem.values().toArray());
    }

    /**
     * What a failed read of the run store says: its problem in the window's language (also when it
     * comes wrapped with the same message), another error's own message.
     */
    public static String storeError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadFileException b && Objects.equals(b.getMessage(), e.getMessage())) {
                return fileProblem(b.problem());
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static String known(String key, String fallback, Locale language) {
        try {
            Texts.bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
        return Texts.in(language, key);
    }

    /** α's allowed range in the window's language ("1e-06 to 10", "1e-06에서 10까지"). */
    public static String alphaRange() {
        return Texts.get("words.alphaRange", LearningRateRange.lowest(), LearningRateRange.highest());
    }
}
