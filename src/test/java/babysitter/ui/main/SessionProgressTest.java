package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.Rules;
import babysitter.session.reports.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the session is, as the status line and the buttons say it; no toolkit. */
class SessionProgressTest {

    private static Report.StateReport state(Report.State s, long step, int epoch, int branch, int batch) {
        return new Report.StateReport(s, step, epoch, branch, 5, Hyperparameters.DEFAULTS.withBatchSize(batch),
                Rules.DEFAULTS, List.of());
    }

    private static Report.StepReport step(long step, double samplesPerSecond) {
        return new Report.StepReport(step, 1, 2, 0.5, 0.01, 0.9, samplesPerSecond);
    }

    @Test
    void withoutASessionTheStatusLineIsWhatWasLastSaid() {
        SessionProgress p = new SessionProgress();
        assertThat(p.statusLine()).isEqualTo("Set up a run and press New run.");
        p.setStatus("Reading runs/x …");
        assertThat(p.statusLine()).isEqualTo("Reading runs/x …");
        assertThat(p.hasSession().get()).isFalse();
    }

    @Test
    void aRunningSessionShowsItsEpochStepBranchSpeedAndTimeLeft() {
        SessionProgress p = new SessionProgress();
        p.newRun(1000, 100, 5);
        assertThat(p.stepsPerEpoch()).isEqualTo(10);
        p.accept(state(Report.State.RUNNING, 10, 1, 2, 100));
        p.accept(new Report.EpochReport(0, 10, 2, 1, 0.5, 1, 0.5, 1, 0.5, 0.1, List.of()));
        p.accept(step(14, 1000));
        // 5 of 10 steps of epoch 2 done: 3.5 epochs of 1000 rows left at 1000 rows a second
        assertThat(p.timeLeftSeconds()).isEqualTo(3.5);
        assertThat(p.statusLine()).isEqualTo("epoch 2/5 · step 15 · branch 2 · 1,000 samples/s · 4 s left · running");
        p.accept(state(Report.State.FINISHED, 50, 5, 2, 100));
        assertThat(p.statusLine()).isEqualTo("epoch 5/5 · step 50 · branch 2 · finished");
    }

    @Test
    void aNewMiniBatchSizeChangesTheStepsOfAnEpoch() {
        SessionProgress p = new SessionProgress();
        p.newRun(1000, 100, 5);
        p.accept(state(Report.State.PAUSED, 0, 0, 0, 250));
        assertThat(p.stepsPerEpoch()).isEqualTo(4);
    }

    @Test
    void stepsAloneRefreshTheStatusLineAFewTimesASecondAnythingElseAtOnce() {
        SessionProgress p = new SessionProgress();
        p.newRun(1000, 100, 5);
        p.accept(state(Report.State.RUNNING, 0, 0, 0, 100));
        p.refresh(false, 1_000_000_000L);
        p.accept(step(0, 10));
        p.refresh(true, 1_100_000_000L);
        assertThat(p.statusProperty().get()).contains("step 0 ");
        p.refresh(true, 1_300_000_000L);
        assertThat(p.statusProperty().get()).contains("step 1 ");
        assertThat(p.epochProgressProperty().get()).isEqualTo(0.1);
    }

    @Test
    void theButtonsFollowTheState() {
        SessionProgress p = new SessionProgress();
        var canStep = p.canStep();
        var live = p.live();
        var pauseOrResume = p.canPauseOrResume();
        p.accept(state(Report.State.RUNNING, 0, 0, 0, 100));
        assertThat(canStep.get()).isFalse();
        assertThat(live.get()).isTrue();
        p.accept(state(Report.State.GUARD_TRIPPED, 0, 0, 0, 100));
        assertThat(canStep.get()).isTrue();
        assertThat(pauseOrResume.get()).isTrue();
        p.accept(state(Report.State.FINISHED, 0, 0, 0, 100));
        assertThat(live.get()).isFalse();
        assertThat(p.hasSession().get()).isTrue();
        p.accept(state(Report.State.STOPPED, 0, 0, 0, 100));
        assertThat(p.hasSession().get()).isFalse();
        assertThat(pauseOrResume.get()).isFalse();
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(babysitter.report.Names.duration(5, java.util.Locale.ENGLISH)).isEqualTo("5 s");
        assertThat(babysitter.report.Names.duration(75, java.util.Locale.ENGLISH)).isEqualTo("1 min 15 s");
        assertThat(babysitter.report.Names.duration(3700, java.util.Locale.ENGLISH)).isEqualTo("1 h 1 min");
        assertThat(SessionProgress.stateText(Report.State.GUARD_TRIPPED)).isEqualTo("guard tripped: paused");
    }
}
