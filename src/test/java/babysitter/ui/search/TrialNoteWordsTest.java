package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import babysitter.engine.Hyperparameters;
import babysitter.engine.InvalidValue;
import babysitter.i18n.Texts;
import babysitter.search.TrialNote;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A trial's note in the Search window's table: in the window's language, an old file's sentence as it is. */
class TrialNoteWordsTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void inKoreanTheStoppingRulesAndHandBacksAreSaidInKoreanWithTheirNumbers() {
        Locale.setDefault(Locale.KOREA);
        assertThat(TrialNoteWords.say(TrialNote.median(0.3, 2, 0.72, 3))).isEqualTo(
                "중앙값 규칙: 에폭 2까지의 최고 검증 정확도 0.3000이(가) 같은 에폭의 다른 시행 3개의 중앙값 0.7200보다 낮습니다");
        assertThat(TrialNoteWords.say(TrialNote.halving(3, 0.4, 1, 2, 3, 0.5))).isEqualTo(
                "연속 반감: 3 에폭 단계에서 최고 검증 정확도 0.4000이(가) 시행 2개 중 상위 1개에 들지 못했습니다"
                        + " (1/eta, eta 3; 0.5000 이상 필요)");
        assertThat(TrialNoteWords.say(TrialNote.diverged(1, Double.NaN, 1e12))).isEqualTo("에폭 1에서 발산: 비용 NaN, α=1.00e+12");
        assertThat(TrialNoteWords.say(TrialNote.memberShutDown("127.0.0.1:5702")))
                .isEqualTo("멤버 127.0.0.1:5702이(가) 종료되었습니다. 처음부터 다시 시작합니다");
        // the exception's own words stay as they came, inside the window's sentence
        assertThat(TrialNoteWords.say(TrialNote.invalid("units: no hidden layer")))
                .isEqualTo("잘못된 조합: units: no hidden layer");
        // a value that breaks its rule is said in Korean, the values tried as they were
        InvalidValue beta1 = catchThrowableOfType(() -> Hyperparameters.DEFAULTS.withBetas(1, 0.999), InvalidValue.class);
        TrialNote invalid = TrialNote.invalidValue("learningRate=0.01, beta1=1", beta1);
        assertThat(TrialNoteWords.say(invalid))
                .isEqualTo("잘못된 조합: learningRate=0.01, beta1=1: β1은(는) [0, 1) 범위의 수이어야 합니다. 입력값: 1.0");
        Locale.setDefault(Locale.US);
        assertThat(TrialNoteWords.say(invalid)).isEqualTo(invalid.english());
    }

    @Test
    void everyKindHasASentenceInBothLanguagesThatIsNotTheEnglishOneInKorean() {
        for (TrialNote.Kind kind : TrialNote.Kind.values()) {
            if (kind == TrialNote.Kind.NONE) {
                continue;
            }
            assertThat(Texts.bundle(Locale.ENGLISH).containsKey(kind.key())).as(kind.key()).isTrue();
            assertThat(Texts.bundle(Locale.KOREAN).containsKey(kind.key())).as(kind.key()).isTrue();
        }
        Locale.setDefault(Locale.KOREA);
        for (TrialNote note : new TrialNote[] {TrialNote.cancelled(2), TrialNote.interrupted(), TrialNote.memberLeft(),
            TrialNote.unclaimed(), TrialNote.returned("x"), TrialNote.error("x"), TrialNote.runFolder("x"),
            TrialNote.notStarted("x"), TrialNote.divergedDev(2, 1e9, 0.1)}) {
            assertThat(TrialNoteWords.say(note)).as(note.kind().name()).isNotEqualTo(note.english())
                    .doesNotContain("!note.");
        }
    }

    @Test
    void aSentenceFromAnOldFileAndNoNoteShowAsTheyAre() {
        Locale.setDefault(Locale.KOREA);
        assertThat(TrialNoteWords.say(TrialNote.text("median rule: best dev accuracy 0.3000 …")))
                .isEqualTo("median rule: best dev accuracy 0.3000 …");
        assertThat(TrialNoteWords.say(TrialNote.NONE)).isEmpty();
    }

    @Test
    void inEnglishTheWindowSaysTheStoppingRulesAsTheCommandLineDoes() {
        Locale.setDefault(Locale.US);
        TrialNote median = TrialNote.median(0.3, 2, 0.72, 3);
        assertThat(TrialNoteWords.say(median)).isEqualTo(median.english());
        TrialNote cancelled = TrialNote.cancelled(12);
        assertThat(TrialNoteWords.say(cancelled)).isEqualTo(cancelled.english());
    }
}
