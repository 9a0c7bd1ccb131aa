package babysitter.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runs' comparison shows the stored names of a configuration in the window's language, other values as stored. */
class ConfigValueWordsTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void inKoreanTheStoredNamesAreSaidInKorean() {
        Locale.setDefault(Locale.KOREA);
        assertThat(ConfigValueWords.say("optimizer.kind", "MOMENTUM")).isEqualTo("모멘텀");
        assertThat(ConfigValueWords.say("optimizer.decay", "INVERSE_TIME")).isEqualTo("역시간");
        assertThat(ConfigValueWords.say("network.hidden[1].activation", "SIGMOID")).isEqualTo("시그모이드");
        assertThat(ConfigValueWords.say("network.precision", "FLOAT64")).isEqualTo("float64");
        assertThat(ConfigValueWords.say("network.bnRunningVariance", "UNBIASED")).startsWith("불편");
        assertThat(ConfigValueWords.say("batchOrder", "SHUFFLED")).isEqualTo("에폭마다 섞음");
        assertThat(ConfigValueWords.say("data.kind", "digits")).isEqualTo("손글씨 숫자");
        assertThat(ConfigValueWords.say("network.hidden[0].batchNorm", "true")).isEqualTo("예");
        assertThat(ConfigValueWords.say("data.standardize", "false")).isEqualTo("아니요");
    }

    @Test
    void inEnglishTheyAreSaidAsTheWindowSaysThemElsewhere() {
        Locale.setDefault(Locale.US);
        assertThat(ConfigValueWords.say("optimizer.kind", "ADAM")).isEqualTo("Adam");
        assertThat(ConfigValueWords.say("network.hidden[0].activation", "RELU")).isEqualTo("ReLU");
        assertThat(ConfigValueWords.say("checkpoints.keepBest", "true")).isEqualTo("yes");
    }

    @Test
    void numbersPathsAndNamesFromANewerProgramShowAsStored() {
        Locale.setDefault(Locale.KOREA);
        assertThat(ConfigValueWords.say("optimizer.learningRate", "0.001")).isEqualTo("0.001");
        assertThat(ConfigValueWords.say("data.path", "/usr/share/datasets/fashion-mnist"))
                .isEqualTo("/usr/share/datasets/fashion-mnist");
        assertThat(ConfigValueWords.say("optimizer.kind", "LION")).isEqualTo("LION");
        assertThat(ConfigValueWords.say("network.hidden[0].activation", "GELU")).isEqualTo("GELU");
        assertThat(ConfigValueWords.say("name", "ADAM")).isEqualTo("ADAM");
        assertThat(ConfigValueWords.say("optimizer.kind", "")).isEmpty();
    }
}
