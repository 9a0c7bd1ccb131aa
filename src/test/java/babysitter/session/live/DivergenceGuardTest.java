package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.Rules;
import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The divergence guard stops runs that diverge and never a converging one: tiny costs that wobble
 * by a factor of ten are not divergence, a cost above the cost of guessing is.
 */
public class DivergenceGuardTest {

    /** The window's digits defaults: 32 relu bn ×2, Adam α 0.01, batch 32, dev 0.2. */
    public static RunConfig digits(double alpha, int epochs) throws ConfigException {
        return ConfigFiles.parse("""
                { "data": { "kind": "digits", "devFraction": 0.2 },
                  "network": { "hidden": [ { "units": 32, "activation": "relu", "batchNorm": true },
                                           { "units": 32, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": %s, "batchSize": 32 },
                  "epochs": %d, "seed": 1, "logEvery": 1 }""".formatted(alpha, epochs), "test");
    }

    @Test
    void aConvergingDigitsRunWithTinyCostsRunsToTheEndWithTheGuardOn() throws Exception {
        Trainer t = Runs.start(digits(0.01, 60), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open().submit(new Command.Start());
            Report.StateReport end = rec.await(0, Report.StateReport.class,
                    r -> r.state() == Report.State.FINISHED || r.state() == Report.State.GUARD_TRIPPED, "the end");
            assertThat(end.state()).isEqualTo(Report.State.FINISHED);
        }
        List<Report.StepReport> steps = Recorder.only(rec.all(), Report.StepReport.class);
        double best = steps.stream().mapToDouble(Report.StepReport::cost).min().orElseThrow();
        assertThat(best).as("the run reaches tiny costs").isLessThan(0.01);
        assertThat(rec.all()).noneMatch(r -> r instanceof Report.EventReport e && e.kind().equals("guard"));
        assertThat(t.epoch()).isEqualTo(60);
    }

    @Test
    void alphaTenOnDigitsStillTripsTheGuard() throws Exception {
        Trainer t = Runs.start(digits(10, 20), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open().submit(new Command.Start());
            rec.awaitState(0, Report.State.GUARD_TRIPPED);
            Report.EventReport trip = rec.awaitEvent(0, "guard");
            babysitter.store.Event.GuardTripped g = (babysitter.store.Event.GuardTripped) trip.event();
            // the reason as numbers, for a reader to say in its language; the text is what the file keeps
            assertThat(g.why()).isNotNull();
            assertThat(g.why().step()).isEqualTo(trip.step());
            assertThat(g.reason()).isEqualTo(g.why().english()).isNotBlank();
        }
    }

    @Test
    void resumeAfterATripStartsTheGuardAfreshInsteadOfTrippingAgainAtOnce() throws Exception {
        Trainer t = Runs.start(digits(10, 20), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open().submit(new Command.Start());
            Report.StateReport tripped = rec.awaitState(0, Report.State.GUARD_TRIPPED);
            int mark = rec.size();
            s.submit(new Command.Resume());
            Report.StateReport next = rec.await(mark, Report.StateReport.class,
                    r -> r.state() == Report.State.GUARD_TRIPPED || r.state() == Report.State.FINISHED,
                    "the next trip or the end");
            int warmup = Rules.DEFAULTS.guardWarmupSteps();
            assertThat(next.step()).as("a resumed guard waits its warm-up before comparing again")
                    .isGreaterThan(tripped.step() + warmup);
        }
    }
}
