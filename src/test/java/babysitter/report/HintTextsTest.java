package babysitter.report;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.insights.Hint;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The hints' sentences: the English the window has always shown, and Korean with the same numbers. */
class HintTextsTest {

    @Test
    void english() {
        Locale en = Locale.ENGLISH;
        assertThat(HintTexts.text(new Hint.Plateau(5.77e-5, 4, 1e-5), en)).isEqualTo("plateau: the training cost moved "
                + "0.01 % in 4 epochs and the largest gradient norm is 1.0e-05; try momentum or Adam, or a larger α");
        assertThat(HintTexts.text(new Hint.LargeUpdates(1, 0.05), en))
                .isEqualTo("layer 1: update-to-weight ratio 5.0e-02 (about 1e-3 is usual): α may be too large");
        assertThat(HintTexts.text(new Hint.DeadUnits(2, 0.6), en))
                .isEqualTo("layer 2: 60 % of the ReLU units are dead (zero for the whole batch)");
        assertThat(HintTexts.text(new Hint.Saturated(1, 0.8), en))
                .isEqualTo("layer 1: 80 % of the units are saturated: gradients vanish there");
        assertThat(HintTexts.text(new Hint.Overfitting(0.34, 5, 0.40, 0.29, 0.21), en)).isEqualTo("over-fitting (high "
                + "variance): the dev cost rose from 0.340 after epoch 5 to 0.400 while the training cost fell from "
                + "0.290 to 0.210; try L2 (λ), a smaller network, more data, or go back to epoch 5");
        assertThat(HintTexts.text(new Hint.BatchNormGap(0.9, 0.7), en)).isEqualTo("train/inference gap: dev accuracy "
                + "0.900 with running statistics, 0.700 with batch statistics; the mini-batch may be too small for "
                + "batch-norm statistics");
    }

    @Test
    void koreanKeepsTheNumbersAndTheSymbols() {
        Locale ko = Locale.KOREAN;
        assertThat(HintTexts.text(new Hint.DeadUnits(2, 0.6), ko)).isEqualTo("층 2: ReLU 유닛의 60 %가 죽었습니다 (배치 전체에서 0)");
        assertThat(HintTexts.text(new Hint.Overfitting(0.34, 5, 0.40, 0.29, 0.21), ko)).isEqualTo("과대적합 (높은 "
                + "분산): 훈련 비용이 0.290에서 0.210(으)로 내려가는 동안 검증 비용은 에폭 5의 0.340에서 0.400(으)로 "
                + "올랐습니다. L2 (λ), 더 작은 신경망, 더 많은 데이터를 시도하거나 에폭 5(으)로 돌아가세요");
        assertThat(HintTexts.text(new Hint.LargeUpdates(1, 0.05), ko)).contains("5.0e-02").contains("α");
    }
}
