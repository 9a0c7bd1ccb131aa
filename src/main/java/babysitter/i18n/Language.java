package babysitter.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The languages the window speaks, and the one a person picked in View ▸ Language, remembered in
 * {@code ~/.babysitter/language} next to the last run. Without a choice the system locale decides
 * (Korean for a Korean locale, English otherwise). The choice applies when the window next starts.
 */
public enum Language {
    ENGLISH(Locale.ENGLISH, "English"),
    KOREAN(Locale.KOREAN, "한국어");

    private static final Logger LOG = LoggerFactory.getLogger(Language.class);

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, as the menu shows it whatever the current language. */
    public String nativeName() {
        return nativeName;
    }

    /** The language a locale reads in: Korean for Korean, English for every other. */
    public static Language of(Locale locale) {
        return locale.getLanguage().equals(KOREAN.locale.getLanguage()) ? KOREAN : ENGLISH;
    }

    /** The language the window speaks now. */
    public static Language current() {
        return of(Locale.getDefault(Locale.Category.DISPLAY));
    }

    static Path file() {
        return Path.of(System.getProperty("babysitter.home", System.getProperty("user.home")), ".babysitter", "language");
    }

    /** The language picked earlier, if any (an unreadable or unknown choice counts as none). */
    public static Optional<Language> remembered() {
        try {
            if (!Files.exists(file())) {
                return Optional.empty();
            }
            String tag = Files.readString(file()).trim();
            for (Language l : values()) {
                if (l.locale.toLanguageTag().equals(tag)) {
                    return Optional.of(l);
                }
            }
            LOG.warn("{}: '{}' is not a language of the window (en, ko); using the system's", file(), tag);
        } catch (IOException e) {
            LOG.warn("could not read the language from {}: {}", file(), e.getMessage());
        }
        return Optional.empty();
    }

    /** Remembers this language for the next start. */
    public void remember() {
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), locale.toLanguageTag());
        } catch (IOException e) {
            LOG.warn("could not remember the language in {}: {}", file(), e.getMessage());
        }
    }

    /**
     * Makes the remembered language the default locale of the window's process (JavaFX's own dialog
     * buttons follow it too); with none remembered the system's locale stays.
     */
    public static void applyRemembered() {
        remembered().ifPresent(l -> Locale.setDefault(l.locale));
    }
}
