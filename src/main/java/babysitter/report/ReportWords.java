package babysitter.report;

import babysitter.i18n.Texts;
import java.util.Locale;

/**
 * The words of one report, in the language it is written in: the window's for a report made from
 * the window, English for the command line's.
 */
record ReportWords(Locale language) {

    /** The text of {@code key} (a {@code report.*} key of the message bundles) in this report's language. */
    String get(String key, Object... args) {
        return Texts.in(language, key, args);
    }
}
