package babysitter.report;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.reports.Report;
import babysitter.store.Event;
import babysitter.store.GuardReason;
import babysitter.store.SessionProblem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The words of chart markers and event lines, made by the reader in its language from the event alone. */
class EventLabelsTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale KO = Locale.KOREAN;
    private static final Hyperparameters ADAM = Hyperparameters.DEFAULTS.withLearningRate(0.03);

    @Test
    void aRewindInKoreanAndInEnglish() {
        Event rewind = new Event.Rewind("epoch-0007", 300, 9, 0, 1, false);
        assertThat(EventLabels.label(rewind, 120, KO)).isEqualTo("epoch-0007(으)로 되감기");
        assertThat(EventLabels.label(rewind, 120, EN)).isEqualTo("rewind to epoch-0007");
    }

    @Test
    void aChangeKeepsItsSymbolsAndNumbersAndNamesTheRestInTheLanguage() {
        Event alpha = new Event.HyperparametersChanged(ADAM, ADAM.withLearningRate(0.01), "user", -1);
        assertThat(EventLabels.label(alpha, 5, KO)).isEqualTo("α 0.03→0.01");
        assertThat(EventLabels.label(alpha, 5, EN)).isEqualTo("α 0.03→0.01");
        Hyperparameters momentum = new Hyperparameters(0.03, 0.9, 0.9, 0.999, 1e-8, LrDecay.EXPONENTIAL, 0.95, 0,
                64, OptimizerKind.MOMENTUM, LrDecay.DEFAULT_EVERY);
        Event many = new Event.HyperparametersChanged(ADAM, momentum, "user", 3);
        assertThat(EventLabels.label(many, 5, KO))
                .isEqualTo("옵티마이저 → 모멘텀, 미니배치 128→64, 감쇠 없음→지수, 감쇠율 0→0.95");
        assertThat(EventLabels.label(many, 5, EN))
                .isEqualTo("optimiser → momentum, batch 128→64, decay none→exponential, decay rate 0→0.95");
        assertThat(EventLabels.label(new Event.HyperparametersChanged(ADAM, ADAM.withOptimizer(OptimizerKind.RMSPROP),
                "user", -1), 5, KO)).as("a proper name stays").isEqualTo("옵티마이저 → RMSprop");
    }

    @Test
    void theRulesAndTheSiblingsInKorean() {
        assertThat(EventLabels.label(new Event.EarlyStop("epoch-0004", 0.25, 3), 9, KO))
                .isEqualTo("조기 종료 (최선 epoch-0004)");
        assertThat(EventLabels.label(new Event.SiblingsStarted("step-40", 3, 2, 0.5, 0.5, 9, 2, "momentum",
                List.of(0.01, 0.02, 0.03), List.of(0.9, 0.95, 0.99)), 40, KO)).isEqualTo("step-40에서 형제 ×3");
        assertThat(EventLabels.label(new Event.SiblingsAdopted("step-40", 1, 0.02, 0.95, "beta1", 2), 40, KO))
                .isEqualTo("형제 2 채택 (α 0.02, β1 0.95)");
        assertThat(EventLabels.label(new Event.SiblingsAdopted("step-40", 1, 0.02, 0.95, "beta1", 2), 40, EN))
                .isEqualTo("adopted sibling 2 (α 0.02, β1 0.95)");
        assertThat(EventLabels.label(new Event.RangeTest(1e-5, 1, 100, 0.0123), 0, KO)).isEqualTo("범위 테스트: α 0.0123");
        assertThat(EventLabels.label(new Event.RangeTest(1e-5, 1, 100, Double.NaN), 0, EN))
                .isEqualTo("range test: no clear descent");
        assertThat(EventLabels.label(new Event.PaceSet("5 epochs/s", 5), 0, KO)).isEqualTo("속도: 초당 5 에폭");
        assertThat(EventLabels.label(new Event.PaceSet("fastest", -1), 0, EN)).isEqualTo("pace: fastest");
    }

    @Test
    void theGuardsReasonIsSaidInTheLanguageWhenItIsKnownAsNumbers() {
        Event live = new Event.GuardTripped(new GuardReason.CostRose(5.12345, 120, 10, 0.3, Math.log(3)), "epoch-0002",
                false);
        assertThat(EventLabels.label(live, 120, KO))
                .isEqualTo("가드: 스텝 120에서 평활 비용 5.123: 최저값 0.3000의 10배보다 크고 무작위 추측의 비용 1.10보다 큼");
        assertThat(EventLabels.label(live, 120, EN)).isEqualTo("guard: smoothed cost 5.123 at step 120, above 10 × the "
                + "best 0.3000 and above 1.10, the cost of guessing");
        // read from a file, only the text is left: a cost that was not finite is still recognised
        Event recordedNaN = new Event.GuardTripped("cost NaN at step 7", null, false);
        assertThat(EventLabels.label(recordedNaN, 7, KO)).isEqualTo("가드: 스텝 7에서 비용 NaN");
        Event recordedRise = new Event.GuardTripped(((Event.GuardTripped) live).reason(), null, false);
        assertThat(EventLabels.label(recordedRise, 120, KO)).as("and so is a smoothed cost that rose")
                .isEqualTo("가드: 스텝 120에서 평활 비용 5.123: 최저값 0.3000의 10배보다 크고 무작위 추측의 비용 1.10보다 큼");
        Event other = new Event.GuardTripped("the moon rose at step 120", null, false);
        assertThat(EventLabels.label(other, 120, KO)).as("other recorded text is shown as it was written")
                .isEqualTo("가드: the moon rose at step 120");
    }

    @Test
    void theWindowsLabelFollowsTheDisplayLanguage() {
        Locale before = Locale.getDefault();
        try {
            Report.EventReport checkpoint = new Report.EventReport(new Event.CheckpointTaken("step-3", "user"), 3, 0, 0);
            Locale.setDefault(Locale.KOREA);
            assertThat(EventLabels.label(checkpoint)).isEqualTo("체크포인트 step-3");
            Locale.setDefault(Locale.US);
            assertThat(EventLabels.label(checkpoint)).isEqualTo("checkpoint step-3");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFailureIsSaidInTheLanguageAroundTheExceptionsOwnWords() {
        Event.Failure error = new Event.Failure(SessionProblem.ERROR, "/tmp/x: No space left on device");
        assertThat(error.message()).isEqualTo("error: /tmp/x: No space left on device");
        assertThat(EventLabels.label(error, 0, KO)).isEqualTo("오류로 학습이 멈췄습니다: /tmp/x: No space left on device");
        assertThat(EventLabels.label(error, 0, EN)).isEqualTo("Training stopped by an error: /tmp/x: No space left on device");
        Event.Failure notDone = new Event.Failure(SessionProblem.SIBLING_NOT_DONE, "2", "DIVERGED");
        assertThat(notDone.message()).isEqualTo("sibling 2 cannot be adopted: it is diverged, not done");
        assertThat(EventLabels.label(notDone, 0, KO)).isEqualTo("형제 2을(를) 채택할 수 없습니다: 완료가 아니라 발산 상태입니다");
        assertThat(EventLabels.label(notDone, 0, EN)).isEqualTo(notDone.message());
        Event.Failure waiting = new Event.Failure(SessionProblem.SIBLINGS_WAITING, "step-0040");
        assertThat(EventLabels.label(waiting, 0, KO)).isEqualTo("형제 실행이 step-0040에서 학습 중입니다. 먼저 하나를 채택하거나 버리세요");
    }

    @Test
    void everySessionProblemHasItsSentenceInBothLanguagesAndInEnglishTheSameAsTheLogs() {
        for (SessionProblem p : SessionProblem.values()) {
            String[] values = new String[p.arity()];
            java.util.Arrays.fill(values, "7");
            if (p == SessionProblem.SIBLING_NOT_DONE) {
                values[1] = "RUNNING";
            }
            Event.Failure f = new Event.Failure(p, values);
            assertThat(EventLabels.label(f, 0, KO)).as(p.name()).doesNotContain("!failure.")
                    .isNotEqualTo(p == SessionProblem.TEXT ? "" : f.message());
            if (p != SessionProblem.ERROR) {
                assertThat(EventLabels.label(f, 0, EN)).as(p.name()).isEqualTo(f.message());
            }
        }
    }

    @Test
    void aFailureAndAKindFromANewerProgramShowAsTheyCame() {
        assertThat(EventLabels.label(new Event.Failure("rewind refused: no checkpoint x"), 0, KO))
                .isEqualTo("rewind refused: no checkpoint x");
        assertThat(EventLabels.label(new Event.Other("teleport", "{}", null), 0, KO)).isEqualTo("teleport");
    }
}
