package babysitter.search;

import babysitter.session.configuration.BrokenRule;
import babysitter.session.configuration.ConfigRule;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The scale a hyperparameter is sampled on: each equal stretch of its unit range is equally likely. */
public enum Scale {
    /** Uniform between min and max. */
    LINEAR,
    /** log10 uniform: every decade gets the same share (α, λ). */
    LOG,
    /** 1 − v log10 uniform: 0.9, 0.99, 0.999 are evenly spaced (β, β1, β2). */
    ONE_MINUS_LOG,
    /** Whole numbers min..max, each equally likely (units, layers). */
    INTEGER,
    /** Powers of two min..max, each equally likely (mini-batch size). */
    POW2,
    /** One of a list of names, each equally likely (optimiser, activation, batch norm on/off). */
    CHOICE;

    /** The name in a space file. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The scale of a space file's name (case-insensitive; "_" and "-" alike). */
    public static Scale parse(String s) {
        if (s != null) {
            for (Scale scale : values()) {
                if (scale.jsonName().equalsIgnoreCase(s.trim().replace('_', '-'))) {
                    return scale;
                }
            }
        }
        throw new BrokenRule(ConfigRule.SCALE_UNKNOWN, s, known());
    }

    /** The scale names, comma-separated. */
    public static String known() {
        return Arrays.stream(values()).map(Scale::jsonName).collect(Collectors.joining(", "));
    }

    /** Whether values are plotted on a log axis. */
    public boolean logAxis() {
        return this == LOG || this == ONE_MINUS_LOG || this == POW2;
    }

    /** Whether the scale has a finite set of values. */
    public boolean discrete() {
        return this == INTEGER || this == POW2 || this == CHOICE;
    }
}
