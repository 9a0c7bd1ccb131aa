package babysitter.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageTest {
    @TempDir
    Path home;
    private String homeBefore;
    private Locale localeBefore;

    @BeforeEach
    void useTemporaryHome() {
        homeBefore = System.getProperty("babysitter.home");
        localeBefore = Locale.getDefault();
        System.setProperty("babysitter.home", home.toString());
    }

    @AfterEach
    void restore() {
        if (homeBefore == null) {
            System.clearProperty("babysitter.home");
        } else {
            System.setProperty("babysitter.home", homeBefore);
        }
        Locale.setDefault(localeBefore);
    }

    @Test
    void theSystemLocaleDecidesUntilAChoiceIsRemembered() {
        assertThat(Language.remembered()).isEmpty();
        Locale.setDefault(Locale.KOREA);
        Language.applyRemembered();
        assertThat(Language.current()).isEqualTo(Language.KOREAN);
        Language.ENGLISH.remember();
        assertThat(home.resolve(".babysitter/language")).hasContent("en");
        Language.applyRemembered();
        assertThat(Language.current()).isEqualTo(Language.ENGLISH);
        Language.KOREAN.remember();
        Language.applyRemembered();
        assertThat(Locale.getDefault()).isEqualTo(Locale.KOREAN);
    }

    @Test
    void otherLocalesReadEnglish() {
        assertThat(Language.of(Locale.FRANCE)).isEqualTo(Language.ENGLISH);
        assertThat(Language.of(Locale.KOREA)).isEqualTo(Language.KOREAN);
    }

    @Test
    void anUnknownChoiceCountsAsNone() throws IOException {
        Files.createDirectories(home.resolve(".babysitter"));
        Files.writeString(home.resolve(".babysitter/language"), "xx");
        assertThat(Language.remembered()).isEmpty();
    }
}
