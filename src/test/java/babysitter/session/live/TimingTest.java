package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed and time as a person reads them: wall-clock, with each epoch's evaluation, insights and
 * checkpoint counted, and time spent paused left out. A fake clock makes every step take 1 ms and
 * every epoch end 500 ms, as on small data where the epoch's end dominates.
 */
class TimingTest {
    static final long STEP_NANOS = 1_000_000L;
    static final long EPOCH_END_NANOS = 500_000_000L;

    /** spiral, 320 training rows, batch 32: 10 steps an epoch. */
    static RunConfig config(int epochs) throws ConfigException {
        return ConfigFiles.parse("""
                { "data": { "kind": "spiral", "n": 400, "arms": 2, "noise": 0.1, "devFraction": 0.2 },
                  "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": true } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
                  "epochs": %d, "seed": 1, "logEvery": 1 }""".formatted(epochs), "test");
    }

    /** A trainer whose clock moves only when a step or an epoch end "takes time". */
    static Trainer fakeClocked(RunConfig config, Path runs, AtomicLong now) throws Exception {
        Trainer t = Runs.start(config, runs, null, TrainerTest.CLOCK);
        t.time().setTicker(now::get);
        t.addListener(new Trainer.Listener() {
            @Override
            public void onStep(StepMetric m) {
                now.addAndGet(STEP_NANOS);
            }

            @Override
            public void onEpoch(EpochMetric m) {
                now.addAndGet(EPOCH_END_NANOS); // the evaluation, insights and checkpoint that follow
            }
        });
        return t;
    }

    @Test
    void samplesPerSecondCountsTheEpochEndsAndEpochsRecordBothFigures(@TempDir Path runs) throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        Trainer t = fakeClocked(config(8), runs, now);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open().submit(new Command.Start());
            rec.awaitState(0, Report.State.FINISHED);
        }
        double truth = 320 / ((10 * STEP_NANOS + EPOCH_END_NANOS) / 1e9); // ≈ 627 samples/s
        List<Report.StepReport> steps = Recorder.only(rec.all(), Report.StepReport.class);
        Report.StepReport late = steps.get(steps.size() - 1);
        assertThat(late.samplesPerSecond()).isCloseTo(truth, within(truth * 0.1));
        assertThat(late.elapsedSeconds()).isCloseTo(8 * 0.51, within(0.02));

        Run run = RunReader.read(t.runDir());
        for (EpochMetric m : run.epochs()) {
            assertThat(m.seconds()).as("steps alone").isCloseTo(0.01, within(0.0015));
            if (m.epoch() > 0) { // the first epoch has no previous epoch end in it
                assertThat(m.wallSeconds()).as("steps, evaluation and the previous end").isCloseTo(0.51, within(0.002));
            }
            assertThat(m.elapsedSeconds()).isCloseTo(0.51 * m.epoch() + 0.01, within(0.005));
        }
    }

    @Test
    void elapsedSecondsLeavePausesOutAndGrowAcrossARewind() throws Exception {
        AtomicLong now = new AtomicLong(0);
        Trainer t = fakeClocked(config(6), null, now);
        Recorder rec = new Recorder();
        try (TrainingSession s = new TrainingSession(t)) {
            s.addListener(rec);
            s.open();
            for (int i = 0; i < 20; i++) {
                s.submit(new Command.Step()); // two epochs, done before the barrier's command
            }
            Recorder.Barrier b = rec.barrier(s);
            assertThat(t.step()).isEqualTo(20);
            now.addAndGet(3_600_000_000_000L); // an hour paused
            s.submit(new Command.Rewind("epoch-0001"));
            s.submit(new Command.Start());
            rec.awaitState(b.index(), Report.State.FINISHED);
        }
        List<Report.EpochReport> epochs = Recorder.only(rec.all(), Report.EpochReport.class);
        double previous = -1;
        for (Report.EpochReport e : epochs) {
            assertThat(e.elapsedSeconds()).as("monotone over the session, rewinds included").isGreaterThan(previous);
            previous = e.elapsedSeconds();
        }
        assertThat(previous).as("the hour paused is not in it").isLessThan(10);
    }
}
