package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.session.reports.Report;
import babysitter.store.Event;
import babysitter.store.SessionProblem;
import org.junit.jupiter.api.Test;

/** The banner: which events raise it, and when its cause is gone. */
class NoticeTest {

    private static Report.EventReport report(Event e) {
        return new Report.EventReport(e, 10, 1, 0);
    }

    private static Report.EventReport change(String source) {
        return report(new Event.HyperparametersChanged(Hyperparameters.DEFAULTS,
                Hyperparameters.DEFAULTS.withLearningRate(5e-4), source, -1));
    }

    private static final Report.EventReport REWIND = report(new Event.Rewind("epoch-0001", 20, 2, 0, 1, false));

    @Test
    void theGuardNamesItsLastGoodCheckpointWhenThereIsOne() {
        Notice n = new Notice();
        n.event(report(new Event.GuardTripped("cost NaN at step 7", null, false)));
        assertThat(n.textProperty().get()).isEqualTo("Guard: cost NaN at step 7");
        n.event(report(new Event.GuardTripped("cost NaN at step 9", "step-0", false)));
        assertThat(n.textProperty().get()).isEqualTo("Guard: cost NaN at step 9. Last good checkpoint: step-0");
        assertThat(n.cause()).isEqualTo(Notice.Cause.GUARD);
    }

    @Test
    void theGuardsOwnRewindAndHalvingAddToItsMessageAnotherRewindClearsIt() {
        Notice n = new Notice();
        n.event(report(new Event.GuardTripped("cost NaN at step 7", "step-0", true)));
        n.event(REWIND);
        n.event(change("guard"));
        assertThat(n.textProperty().get()).isEqualTo(
                "Guard: cost NaN at step 7. Last good checkpoint: step-0. Rewound there and set α 0.001→0.0005");
        n.event(REWIND);
        assertThat(n.textProperty().get()).isEmpty();
    }

    @Test
    void rulesAndErrorsRaiseItAPersonsChangeDoesNot() {
        Notice n = new Notice();
        n.event(change("user"));
        n.event(report(new Event.CheckpointTaken("step-3", "user")));
        assertThat(n.textProperty().get()).isEmpty();
        n.event(change("plateau"));
        assertThat(n.textProperty().get()).isEqualTo("Rule (plateau): α 0.001→0.0005");
        n.event(report(new Event.EarlyStop("epoch-0004", 0.25, 3)));
        assertThat(n.textProperty().get()).isEqualTo("Early stop: no improvement; back to epoch-0004");
        n.event(report(new Event.Failure("siblings need a run that is not finished")));
        assertThat(n.cause()).isEqualTo(Notice.Cause.ERROR);
    }

    @Test
    void anErrorIsSaidInTheWindowsLanguageWithTheExceptionsMessageAsItCame() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.KOREA);
            Notice n = new Notice();
            n.event(report(new Event.Failure(SessionProblem.ERROR, "cannot write step-0040: disk full")));
            assertThat(n.textProperty().get()).isEqualTo("오류로 학습이 멈췄습니다: cannot write step-0040: disk full");
            n.event(report(new Event.Failure(SessionProblem.RANGE_TEST_FINISHED)));
            assertThat(n.textProperty().get()).isEqualTo("범위 테스트에는 끝나지 않은 실행이 필요합니다");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void trainingAgainClearsTheGuardsAndTheEarlyStopsMessageButNotAnError() {
        Notice n = new Notice();
        n.state(Report.State.RUNNING);
        n.event(report(new Event.EarlyStop("epoch-0004", 0.25, 3)));
        n.state(Report.State.FINISHED);
        assertThat(n.textProperty().get()).isNotEmpty();
        n.state(Report.State.RUNNING);
        assertThat(n.textProperty().get()).isEmpty();
        n.show(Notice.Cause.ERROR, "boom");
        n.state(Report.State.PAUSED);
        n.state(Report.State.RUNNING);
        assertThat(n.textProperty().get()).isEqualTo("boom");
    }

    @Test
    void inKoreanTheGuardsReasonAndTheRuleAreSaidInKorean() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.KOREA);
            Notice n = new Notice();
            n.event(new Report.EventReport(new Event.GuardTripped(
                    new babysitter.store.GuardReason.CostNotFinite(Double.POSITIVE_INFINITY, 10), null, false), 10, 1, 0));
            assertThat(n.textProperty().get()).isEqualTo("가드: 스텝 10에서 비용 +∞");
            n.event(change("plateau"));
            assertThat(n.textProperty().get()).isEqualTo("규칙 (정체): α 0.001→0.0005");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
