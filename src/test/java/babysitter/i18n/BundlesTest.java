package babysitter.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The English and Korean bundles have the same keys, the same placeholders ({0}, {1} …), and valid patterns. */
class BundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private static ResourceBundle english() {
        return Texts.bundle(Locale.ENGLISH);
    }

    private static ResourceBundle korean() {
        ResourceBundle ko = Texts.bundle(Locale.KOREAN);
        assertThat(ko.getLocale()).isEqualTo(Locale.KOREAN);
        return ko;
    }

    /** The keys a bundle's own file defines, not those it inherits from the base bundle. */
    private static Set<String> ownKeys(ResourceBundle b) {
        String file = "/" + Texts.BUNDLE.replace('.', '/')
                + (b.getLocale().getLanguage().isEmpty() ? "" : "_" + b.getLocale()) + ".properties";
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(BundlesTest.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyKeyIsInBothLanguages() {
        Set<String> en = ownKeys(english());
        Set<String> ko = ownKeys(korean());
        assertThat(en).isNotEmpty();
        assertThat(new TreeSet<>(ko)).as("keys missing from messages_ko.properties")
                .containsAll(en);
        assertThat(new TreeSet<>(en)).as("keys only in messages_ko.properties").containsAll(ko);
    }

    @Test
    void placeholdersMatch() {
        ResourceBundle en = english();
        ResourceBundle ko = korean();
        for (String key : ownKeys(en)) {
            assertThat(placeholders(ko.getString(key))).as("the placeholders of %s in Korean", key)
                    .isEqualTo(placeholders(en.getString(key)));
        }
    }

    @Test
    void everyValueIsAPatternThatKeepsItsQuotes() {
        for (ResourceBundle b : new ResourceBundle[] {english(), korean()}) {
            for (String key : ownKeys(b)) {
                String value = b.getString(key);
                new MessageFormat(value); // throws on a broken pattern
                // a lone quote would start a quoted section and vanish: quotes are written ''
                assertThat(value.replace("''", "")).as("%s (%s): a lone ' ", key, b.getLocale()).doesNotContain("'");
                assertThat(value.strip()).as("%s (%s)", key, b.getLocale()).isNotEmpty();
            }
        }
    }

    @Test
    void koreanIsKorean() {
        // not a copy of the English file: most texts hold Hangul
        ResourceBundle ko = korean();
        long hangul = ownKeys(ko).stream().filter(k -> ko.getString(k).matches("(?s).*[\\uAC00-\\uD7A3].*")).count();
        assertThat(hangul).isGreaterThan(ownKeys(ko).size() * 3L / 4);
    }

    @Test
    void theDisplayLocaleChoosesTheBundle() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREAN);
            assertThat(Texts.get("language.english")).isEqualTo("English");
            assertThat(Texts.get("main.menu.view")).isEqualTo("보기");
            Locale.setDefault(Locale.GERMAN);
            assertThat(Texts.get("main.menu.view")).as("a language without a bundle reads English").isEqualTo("View");
            assertThat(Texts.get("no.such.key")).isEqualTo("!no.such.key!");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void numbersFollowTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Texts.number(1234.5, 2)).isEqualTo("1.234,50");
            Locale.setDefault(Locale.KOREA);
            assertThat(Texts.number(1234.5, 2)).isEqualTo("1,234.50");
            assertThat(Texts.number(12345)).isEqualTo("12,345");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aPlainPlaceholderShowsAWholeNumberAsItIsAndANumberFormatGroupsIt() {
        assertThat(Texts.format("epoch {0} · {1,number,integer} steps", Locale.US, 20000, 140001L))
                .isEqualTo("epoch 20000 · 140,001 steps");
        assertThat(Texts.format("{0,choice,0#{0} runs|1#1 run|1<{0} runs}", Locale.US, 1)).isEqualTo("1 run");
        assertThat(Texts.format("{0,number,0.0} %", Locale.GERMANY, 12.25)).isEqualTo("12,2 %");
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
