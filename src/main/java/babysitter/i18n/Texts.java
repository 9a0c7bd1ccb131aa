package babysitter.i18n;

import babysitter.i18n.Texts;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The text of a key in the language of the default locale ({@code babysitter/i18n/messages*.properties}).
 * Every value is a {@link MessageFormat} pattern, with or without arguments, so a quote is written
 * {@code ''} in the bundles. Numbers inside a pattern ({@code {0,number,0.000}}) and those made by
 * {@link #number} follow the locale's conventions: for a person to read, never for a file; a plain
 * {@code {0}} shows a whole number as it is.
 */
public final class Texts {
    /** The base name of the bundles. */
    public static final String BUNDLE = "babysitter.i18n.messages";

    // no fallback to the system locale: a language without its own bundle reads the English base bundle
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    /** The bundle of the language the window speaks now (ResourceBundle caches it per locale). */
    public static ResourceBundle bundle() {
        return bundle(Locale.getDefault(Locale.Category.DISPLAY));
    }

    /** The bundle of a given language. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), CONTROL);
    }

    /**
     * The text of {@code key} with its placeholders filled in. A missing key shows as {@code !key!}
     * rather than failing a window; the bundle tests make sure none is missing.
     */
    public static String get(String key, Object... args) {
        return text(bundle(), Locale.getDefault(Locale.Category.FORMAT), key, args);
    }

    /**
     * The text of {@code key} in a given language, whatever the window speaks (a report written for
     * the command line is English).
     */
    public static String in(Locale language, String key, Object... args) {
        return text(bundle(language), language, key, args);
    }

    private static String text(ResourceBundle bundle, Locale numbers, String key, Object... args) {
        try {
            return format(bundle.getString(key), numbers, args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /**
     * Fills in a pattern. A plain {@code {0}} shows a whole number as it is (an epoch, a step, a
     * count in a sentence: "epoch 20000"); a quantity meant to be grouped in the reader's way asks
     * for it ({@code {0,number,integer}}).
     */
    static String format(String pattern, Locale locale, Object... args) {
        MessageFormat f = new MessageFormat(pattern, locale);
        Format[] formats = f.getFormatsByArgumentIndex();
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length && i < formats.length; i++) {
            if (formats[i] == null && (shown[i] instanceof Integer || shown[i] instanceof Long
                    || shown[i] instanceof Short || shown[i] instanceof Byte)) {
                shown[i] = shown[i].toString();
            }
        }
        return f.format(shown);
    }

    /** A number with {@code decimals} digits after the point, grouped, in the reader's locale. */
    public static String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.getDefault(Locale.Category.FORMAT));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    /** A whole number, grouped, in the reader's locale. */
    public static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT)).format(value);
    }
}
