package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.insights.EpochInsights;
import babysitter.session.live.DivergenceGuardTest;
import babysitter.session.live.Recorder;
import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample browser shows images as loaded: digits' pixels 0–16, not their standardised values. */
class SamplesAsLoadedTest {

    @Test
    void digitSamplesHoldThePixelsAsLoadedWhileTheNetworkSeesThemStandardised() throws Exception {
        Trainer t = Runs.start(DivergenceGuardTest.digits(0.01, 1), null, null, TrainerTest.CLOCK);
        assertThat(t.data().standardizer()).as("the run standardises").isNotNull();
        List<Report> reports = new ArrayList<>();
        t.addListener(new EpochInsights(t, reports::add));
        t.trainEpoch();
        Report.SamplesReport s = Recorder.only(reports, Report.SamplesReport.class).get(0);
        float[] v = s.values();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float x : v) {
            assertThat(x).isCloseTo(Math.round(x), org.assertj.core.api.Assertions.within(1e-3f));
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat(min).isCloseTo(0f, org.assertj.core.api.Assertions.within(1e-3f));
        assertThat(max).isCloseTo(16f, org.assertj.core.api.Assertions.within(1e-3f));
    }
}
