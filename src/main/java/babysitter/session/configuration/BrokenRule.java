package babysitter.session.configuration;

import java.util.Arrays;
import java.util.List;

/**
 * A value that breaks a {@link ConfigRule} before any file is named (a search parameter's range, for
 * one): the rule and its values, so that a window says it in its language; the message is the
 * English sentence.
 */
public final class BrokenRule extends IllegalArgumentException {
    private final ConfigRule rule;
    private final transient List<Object> values;

    public BrokenRule(ConfigRule rule, Object... values) {
        super(rule.english(List.copyOf(Arrays.asList(values))));
        this.rule = rule;
        this.values = List.copyOf(Arrays.asList(values));
    }

    public ConfigRule rule() {
        return rule;
    }

    public List<Object> values() {
        return values;
    }
}
