package babysitter.report;

import babysitter.i18n.Texts;
import babysitter.session.insights.Hint;
import java.util.Locale;

/** The sentence of a {@link Hint} in a language; its numbers are written the same way in every language. */
public final class HintTexts {
    private HintTexts() {
    }

    /** In the window's language. */
    public static String text(Hint hint) {
        return text(hint, Names.window());
    }

    public static String text(Hint hint, Locale language) {
        if (hint instanceof Hint.Plateau p) {
            return Texts.in(language, "words.hint.plateau", format("%.2f", 100 * p.change()), p.epochs(),
                    format("%.1e", p.gradient()));
        } else if (hint instanceof Hint.LargeUpdates u) {
            return Texts.in(language, "words.hint.largeUpdates", u.layer(), format("%.1e", u.ratio()));
        } else if (hint instanceof Hint.DeadUnits d) {
            return Texts.in(language, "words.hint.dead", d.layer(), format("%.0f", 100 * d.share()));
        } else if (hint instanceof Hint.Saturated s) {
            return Texts.in(language, "words.hint.saturated", s.layer(), format("%.0f", 100 * s.share()));
        } else if (hint instanceof Hint.Overfitting o) {
            return Texts.in(language, "words.hint.overfitting", format("%.3g", o.lowDevCost()), o.lowEpoch(),
                    format("%.3g", o.devCost()), format("%.3g", o.lowTrainCost()), format("%.3g", o.trainCost()));
        }
        Hint.BatchNormGap g = (Hint.BatchNormGap) hint;
        return Texts.in(language, "words.hint.batchNormGap", format("%.3f", g.devAccuracy()),
                format("%.3f", g.devAccuracyBatchStatistics()));
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
