package babysitter.report;

import babysitter.data.DataFileException;
import babysitter.data.DataSpecException;
import babysitter.engine.InvalidValue;
import babysitter.i18n.Texts;
import babysitter.session.configuration.BrokenRule;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigRule;
import babysitter.session.configuration.NetworkSpec;
import babysitter.session.training.TooLargeException;
import java.util.List;
import java.util.Objects;

/**
 * A value that breaks its rule, a data file that cannot be read and a network too large to train, in
 * the window's language: the name of the value, the rule and the bad value, or the file, where in it
 * and what was expected, or the numbers of the network, each from the bundles. In English the words
 * are the exception's own message, which the command line prints; a value or problem the bundles do
 * not name is said in that message as it is.
 */
public final class ProblemWords {
    private ProblemWords() {
    }

    /** "미니배치 크기은(는) 1 이상의 정수이어야 합니다. 입력값: 0" — or in English the exception's message. */
    public static String invalidValue(InvalidValue problem) {
        String nameKey = "words.value." + problem.name();
        if (!Texts.bundle().containsKey(nameKey)) {
            return problem.getMessage();
        }
        String rule = Texts.get("words.rule." + problem.rule().name(), problem.bounds().toArray());
        return Texts.get("setup.check.mustBe", Texts.get(nameKey), rule, problem.value());
    }

    /** A data file's problem: the file, then where and what, in the window's language. */
    public static String dataFile(DataFileException problem) {
        if (problem.kind() == DataFileException.Kind.TEXT) {
            return problem.getMessage();
        }
        Object[] values = problem.values().stream()
                .map(v -> v instanceof DataFileException.Word w ? Texts.get(w.key()) : v).toArray();
        return Texts.get("data.problem.file", problem.file(), Texts.get(problem.kind().key(), values));
    }

    /** A data description that breaks its rule: the field, the rule and the value, in the window's language. */
    public static String dataSpec(DataSpecException problem) {
        return Texts.get(problem.rule().key(), problem.values().stream().map(String::valueOf).toArray());
    }

    /** A network too large to train here: its numbers, and the layer to make smaller. */
    public static String tooLarge(TooLargeException e) {
        NetworkSpec.TooLarge size = e.size();
        String smaller = size.smaller().isEmpty() ? "" : Texts.get("problem.tooLarge.smaller", size.smaller());
        return Texts.get("problem.tooLarge", e.path(), size.parametersText(), size.gigabytesText(),
                size.availableText(), smaller, e.features(), e.classes());
    }

    /**
     * A configuration's or a search space's problem in the window's language: the file, where in it,
     * and the rule it breaks, or the problem of the value underneath; one known only by its message
     * is said in that message.
     */
    public static String config(ConfigException e) {
        if (e.json() != null) {
            return Names.badJson(e.source(), e.json());
        }
        String rule;
        if (e.rule() != null) {
            rule = rule(e.rule(), e.values());
        } else if (e.source().isEmpty()) {
            return say(e); // known only by its message, perhaps with a problem of the same message behind it
        } else {
            rule = say(e.getCause());
        }
        String at = e.line() > 0 ? Texts.get("store.problem.where", e.line(), e.column()) : "";
        return e.where().isEmpty() ? Texts.get("store.problem.badFile", e.source(), rule, at)
                : Texts.get("store.problem.badValue", e.source(), e.where(), rule, at);
    }

    /** A configuration's rule with its values, in the window's language. */
    private static String rule(ConfigRule rule, List<Object> values) {
        return Texts.get(rule.key(), values.stream()
                .map(v -> v instanceof ConfigRule.Word w ? Texts.get(w.key())
                        : v instanceof ConfigRule.Found f ? Texts.get(f.kind().key(), f.value()) : String.valueOf(v))
                .toArray());
    }

    /**
     * What an error says in the window: a value's, a data file's or a configuration's problem, or a run file's (see
     * {@link Names#fileProblem}), in the window's language, also when it comes wrapped with the same
     * message; another error's own message.
     */
    public static String say(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!Objects.equals(t.getMessage(), e.getMessage())) {
                continue;
            }
            if (t instanceof InvalidValue v) {
                return invalidValue(v);
            }
            if (t instanceof DataFileException d) {
                return dataFile(d);
            }
            if (t instanceof TooLargeException big) {
                return tooLarge(big);
            }
            if (t instanceof ConfigException c && !c.source().isEmpty()) {
                return config(c);
            }
            if (t instanceof BrokenRule b) {
                return rule(b.rule(), b.values());
            }
            if (t instanceof DataSpecException d) {
                return dataSpec(d);
            }
        }
        return Names.storeError(e);
    }
}
