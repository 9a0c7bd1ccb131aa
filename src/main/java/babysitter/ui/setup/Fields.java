package babysitter.ui.setup;

import babysitter.i18n.Texts;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The setup panel's text fields as typed, their error messages, which of them apply now, and the
 * checks of one validation pass ({@link Check}): numbers and whole numbers with a message naming
 * the field, the rule and what was typed.
 */
final class Fields {
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final List<String> names;
    private final Map<String, StringProperty> texts = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final Map<String, ReadOnlyBooleanWrapper> applies = new LinkedHashMap<>();
    private final ObservableSet<String> applicable = FXCollections.observableSet();
    private final ObservableSet<String> applicableView = FXCollections.unmodifiableObservableSet(applicable);
    private final Object bean;

    /**
     * @param names     the text fields
     * @param dependent the fields (text or not) that apply only to some data kinds or optimisers
     */
    Fields(Object bean, List<String> names, List<String> dependent) {
        this.bean = bean;
        this.names = names;
        for (String f : names) {
            texts.put(f, new SimpleStringProperty(bean, f, ""));
            errors.put(f, new ReadOnlyStringWrapper(bean, f + "Error", ""));
        }
        for (String f : dependent) {
            applies.put(f, new ReadOnlyBooleanWrapper(bean, f + "Applies", false));
        }
    }

    List<String> names() {
        return names;
    }

    StringProperty text(String field) {
        StringProperty p = texts.get(field);
        if (p == null) {
            throw new IllegalArgumentException("no text field '" + field + "'; fields: " + names);
        }
        return p;
    }

    /** The text of a field without surrounding blanks. */
    String clean(String field) {
        return text(field).get().trim();
    }

    ReadOnlyStringProperty error(String field) {
        ReadOnlyStringWrapper p = errors.get(field);
        if (p == null) {
            throw new IllegalArgumentException("no text field '" + field + "'; fields: " + names);
        }
        return p.getReadOnlyProperty();
    }

    boolean hasError(String field) {
        return !errors.get(field).get().isEmpty();
    }

    ReadOnlyBooleanProperty appliesProperty(String field) {
        ReadOnlyBooleanWrapper p = applies.get(field);
        if (p == null) {
            return new ReadOnlyBooleanWrapper(bean, field + "Applies", true).getReadOnlyProperty();
        }
        return p.getReadOnlyProperty();
    }

    boolean applies(String field) {
        ReadOnlyBooleanWrapper p = applies.get(field);
        return p == null || p.get();
    }

    /** Makes exactly {@code on} apply among the dependent fields. */
    void setApplicable(List<String> on) {
        applies.forEach((f, p) -> p.set(on.contains(f)));
        applicable.retainAll(on);
        applicable.addAll(on);
    }

    ObservableSet<String> applicable() {
        return applicableView;
    }

    /** Starts a validation pass; {@link Check#publish()} shows its messages. */
    Check check() {
        return new Check();
    }

    /** The value of a field that does not apply now: its text when valid, else the fallback. */
    double quiet(String field, DoublePredicate ok, double fallback) {
        String t = text(field).get() == null ? "" : text(field).get().trim();
        if (NUMBER.matcher(t).matches()) {
            double x = Double.parseDouble(t);
            if (Double.isFinite(x) && ok.test(x)) {
                return x;
            }
        }
        return fallback;
    }

    static boolean isWhole(String t) {
        return WHOLE.matcher(t).matches();
    }

    static String stripPlus(String t) {
        return t.startsWith("+") ? t.substring(1) : t;
    }

    static String fmt(int value) {
        return Integer.toString(value);
    }

    /** A number as a person would write it: 600, 0.2, 0.001, 1.0E-8. */
    static String fmt(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e15) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Collects the messages of one validation pass: the first problem of each field counts. */
    final class Check {
        private final Map<String, String> problems = new LinkedHashMap<>();
        private boolean failed;

        private Check() {
            for (String f : names) {
                problems.put(f, "");
            }
        }

        boolean failed() {
            return failed;
        }

        void fail(String field, String message) {
            failed = true;
            if (problems.get(field).isEmpty()) {
                problems.put(field, message);
            }
        }

        /** Shows each field's message ("" when fine). */
        void publish() {
            problems.forEach((f, message) -> errors.get(f).set(message));
        }

        Double number(String field, String label, DoublePredicate ok, String rule) {
            String t = clean(field);
            if (!NUMBER.matcher(t).matches()) {
                fail(field, Texts.get("setup.check.mustBeQuoted", label, rule, t));
                return null;
            }
            double x = Double.parseDouble(t);
            if (!Double.isFinite(x) || !ok.test(x)) {
                fail(field, Texts.get("setup.check.mustBe", label, rule, t));
                return null;
            }
            return x;
        }

        Integer whole(String field, String label, int min, String rule) {
            String t = clean(field);
            if (!WHOLE.matcher(t).matches()) {
                fail(field, Texts.get("setup.check.mustBeQuoted", label, rule, t));
                return null;
            }
            int x;
            try {
                x = Integer.parseInt(stripPlus(t));
            } catch (NumberFormatException e) {
                fail(field, Texts.get("setup.check.mustBeAtMost", label, rule, String.valueOf(Integer.MAX_VALUE), t));
                return null;
            }
            if (x < min) {
                fail(field, Texts.get("setup.check.mustBe", label, rule, t));
                return null;
            }
            return x;
        }

        Long anyWhole(String field, String label, String rule) {
            String t = clean(field);
            if (!WHOLE.matcher(t).matches()) {
                fail(field, Texts.get("setup.check.mustBeQuoted", label, rule, t));
                return null;
            }
            try {
                return Long.parseLong(stripPlus(t));
            } catch (NumberFormatException e) {
                fail(field, Texts.get("setup.check.mustBeBetween", label, rule, String.valueOf(Long.MIN_VALUE),
                        String.valueOf(Long.MAX_VALUE), t));
                return null;
            }
        }
    }
}
