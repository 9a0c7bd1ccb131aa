package babysitter.session;

import static babysitter.session.Recorder.only;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.engine.Network;
import babysitter.session.Report.EpochReport;
import babysitter.session.Report.EventReport;
import babysitter.session.Report.State;
import babysitter.session.Report.StateReport;
import babysitter.session.Report.StepReport;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import babysitter.store.EpochMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSessionTest {

    static final String SPIRAL = "{ \"kind\": \"spiral\", \"n\": 240, \"arms\": 3, \"noise\": 0.1, \"devFraction\": 0.25 }";
    static final String RELU16 = "[ { \"units\": 16, \"activation\": \"relu\", \"batchNorm\": false } ]";
    static final String RELU16_BN = "[ { \"units\": 16, \"activation\": \"relu\", \"batchNorm\": true } ]";

    /** A configuration from JSON pieces; seed 3, every step logged. */
    static RunConfig config(String data, String hidden, String optimizer, int epochs) throws ConfigException {
        return ConfigFiles.parse("""
                { "data": %s, "network": { "hidden": %s }, "optimizer": %s, "epochs": %d, "seed": 3, "logEvery": 1 }
                """.formatted(data, hidden, optimizer, epochs), "test");
    }

    static RunConfig sgd(double alpha, int epochs) throws ConfigException {
        return config(SPIRAL, RELU16, "{ \"kind\": \"sgd\", \"learningRate\": " + alpha + ", \"batchSize\": 32 }",
                epochs);
    }

    private final List<TrainingSession> open = new ArrayList<>();

    TrainingSession session(Trainer t, Recorder rec) {
        TrainingSession s = new TrainingSession(t);
        s.addListener(rec);
        open.add(s);
        return s.open();
    }

    @AfterEach
    void closeSessions() {
        for (TrainingSession s : open) {
            s.close(10_000);
        }
    }

    static List<StepReport> steps(List<Report> rs) {
        return only(rs, StepReport.class);
    }

    static void assertContiguous(List<StepReport> steps, long first) {
        assertThat(steps).extracting(StepReport::step)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(first, first + steps.size()).boxed()
                        .toList());
    }

    static long[] bits(List<StepReport> steps) {
        return steps.stream().mapToLong(r -> Double.doubleToLongBits(r.cost())).toArray();
    }

    // ------------------------------------------------------------------ 1. a new α is used from the next step

    @Test
    void aNewLearningRateUpdatesTheParametersOfTheVeryNextStep(@TempDir Path runs) throws Exception {
        double alpha0 = 0.1;
        double alpha1 = 0.37;
        RunConfig c = sgd(alpha0, 5);
        Trainer t = Runs.start(c, runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int i = 0; i < 3; i++) {
            s.submit(new Command.Step());
        }
        rec.barrier(s);
        // Paused with no step pending: the training thread waits on its queue, the network is still.
        float[] before = t.network().parameters().toFloatVector();
        Hyperparameters next = c.optimizer().toHyperparameters().withLearningRate(alpha1);
        s.submit(new Command.SetHyperparameters(next));
        s.submit(new Command.Step());
        rec.barrier(s);
        float[] after = t.network().parameters().toFloatVector();
        float[] grad = t.network().gradients().toFloatVector();

        // SGD: P ← P − α·dP, in float32 exactly as the optimiser computes it.
        int differsFromOldAlpha = 0;
        for (int i = 0; i < before.length; i++) {
            float expected = before[i] - (float) alpha1 * grad[i];
            assertThat(Float.floatToIntBits(after[i])).as("parameter %d", i).isEqualTo(Float.floatToIntBits(expected));
            if (after[i] != before[i] - (float) alpha0 * grad[i]) {
                differsFromOldAlpha++;
            }
        }
        assertThat(differsFromOldAlpha).as("parameters an update with the old α would have given differently")
                .isGreaterThan(before.length / 2);

        List<StepReport> stepReports = steps(rec.all());
        assertContiguous(stepReports, 0);
        assertThat(stepReports).extracting(StepReport::learningRate).containsExactly(alpha0, alpha0, alpha0, alpha1);
        EventReport change = only(rec.all(), EventReport.class).stream()
                .filter(e -> e.kind().equals("hyperparameters")).findFirst().orElseThrow();
        assertThat(change.step()).isEqualTo(3);
        assertThat(change.details()).containsEntry("source", "user");
        assertThat(ConfigFiles.MAPPER.readTree(change.details().get("to")).get("learningRate").asDouble())
                .isEqualTo(alpha1);

        // A twin trainer without a session, α changed between the same steps: the same parameters bit for bit;
        // one that keeps α0 ends elsewhere.
        Trainer twin = Runs.start(c, null, null, TrainerTest.CLOCK);
        Trainer unchanged = Runs.start(c, null, null, TrainerTest.CLOCK);
        for (int i = 0; i < 3; i++) {
            twin.trainStep();
            unchanged.trainStep();
        }
        twin.setHyperparameters(next, "user");
        twin.trainStep();
        unchanged.trainStep();
        assertThat(twin.network().parameters().toFloatVector()).containsExactly(after);
        assertThat(unchanged.network().parameters().toFloatVector()).isNotEqualTo(after);

        assertThat(s.close(10_000)).isTrue();
        Run run = RunReader.read(t.runDir());
        RunEvent recorded = run.events().stream().filter(e -> e.kind().equals("hyperparameters")).findFirst()
                .orElseThrow();
        assertThat(recorded.step()).isEqualTo(3);
        assertThat(recorded.details().get("to").get("learningRate").asDouble()).isEqualTo(alpha1);
        assertThat(run.steps()).extracting(StepMetric::learningRate).containsExactly(alpha0, alpha0, alpha0, alpha1);
    }

    // ------------------------------------------------------------------ 2. pause, resume, step, run epoch, stop

    @Test
    void pauseResumeStepRunEpochAndStopAreExact() throws Exception {
        RunConfig c = sgd(0.05, 1000);
        Trainer t = Runs.start(c, null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession[] holder = new TrainingSession[1];
        // Commands submitted from the training thread itself, right after a given step: exact boundaries.
        t.addListener(new Trainer.Listener() {
            @Override
            public void onStep(StepMetric m) {
                if (m.branch() == 0 && m.step() == 30) {
                    holder[0].submit(new Command.Pause());
                }
                if (m.branch() == 0 && m.step() == 200) {
                    holder[0].submit(new Command.Stop());
                }
            }
        });
        TrainingSession s = session(t, rec);
        holder[0] = s;
        s.submit(new Command.Start());
        StateReport paused = rec.awaitState(0, State.PAUSED);
        int pausedAt = rec.all().indexOf(paused);
        assertThat(paused.step()).isEqualTo(31);
        assertContiguous(steps(rec.all().subList(0, pausedAt)), 0);
        assertThat(steps(rec.all().subList(0, pausedAt))).last().extracting(StepReport::step).isEqualTo(30L);
        Recorder.Barrier b = rec.barrier(s);
        assertThat(steps(rec.all().subList(pausedAt, b.index()))).as("steps while paused").isEmpty();
        assertThat(b.state().step()).isEqualTo(31);

        // Step: exactly one mini-batch, still paused.
        int mark = rec.size();
        s.submit(new Command.Step());
        b = rec.barrier(s);
        List<StepReport> one = steps(rec.all().subList(mark, b.index()));
        assertThat(one).extracting(StepReport::step).containsExactly(31L);
        assertThat(b.state().state()).isEqualTo(State.PAUSED);
        assertThat(b.state().step()).isEqualTo(32);

        // RunEpoch: to the end of the epoch (180 training rows, batch 32: 6 steps an epoch), then paused.
        mark = rec.size();
        s.submit(new Command.RunEpoch());
        EpochReport epoch = rec.await(mark, EpochReport.class, e -> true, "epoch report");
        b = rec.barrier(s);
        List<StepReport> epochSteps = steps(rec.all().subList(mark, b.index()));
        assertContiguous(epochSteps, 32);
        assertThat(epochSteps).last().extracting(StepReport::step).isEqualTo(35L);
        assertThat(epoch.step()).isEqualTo(36);
        assertThat(epoch.epoch()).isEqualTo(5);
        assertThat(b.state().state()).isEqualTo(State.PAUSED);
        assertThat(b.state().step()).isEqualTo(36);

        // Resume: on from the same step. Stop (submitted on the training thread after step 200): no further step.
        mark = rec.size();
        s.submit(new Command.Resume());
        StateReport stopped = rec.awaitState(mark, State.STOPPED);
        List<StepReport> resumed = steps(rec.all().subList(mark, rec.all().indexOf(stopped)));
        assertContiguous(resumed, 36);
        assertThat(resumed).last().extracting(StepReport::step).isEqualTo(200L);
        assertThat(stopped.step()).isEqualTo(201);
        long t0 = System.nanoTime();
        assertThat(s.close(5_000)).isTrue();
        assertThat((System.nanoTime() - t0) / 1e6).as("ms to close a stopped session").isLessThan(2_000);
        assertThat(steps(rec.all())).extracting(StepReport::step).last().isEqualTo(200L);
    }

    @Test
    void closeStopsARunningSessionWithinAStep() throws Exception {
        // A bigger network, so that a step takes measurable time.
        RunConfig c = config(SPIRAL, "[ { \"units\": 256, \"activation\": \"relu\", \"batchNorm\": false }, { \"units\": 256, \"activation\": \"relu\", \"batchNorm\": false } ]",
                "{ \"kind\": \"adam\", \"learningRate\": 0.001, \"batchSize\": 32 }", 100_000);
        Trainer t = Runs.start(c, null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        s.submit(new Command.Start());
        rec.await(0, StepReport.class, r -> r.step() >= 50, "50 steps");
        long t0 = System.nanoTime();
        boolean ended = s.close(5_000);
        double ms = (System.nanoTime() - t0) / 1e6;
        List<StepReport> all = steps(rec.all());
        double msPerStep = ms; // replaced below by the measured mean
        if (all.size() > 10) {
            msPerStep = 1000.0 * t.config().optimizer().batchSize() / all.get(all.size() - 1).samplesPerSecond();
        }
        System.out.printf("close of a running session: %.1f ms (a step: ~%.2f ms)%n", ms, msPerStep);
        assertThat(ended).isTrue();
        assertThat(s.ended()).isTrue();
        assertThat(ms).isLessThan(2_000);
        StateReport last = only(rec.all(), StateReport.class).get(only(rec.all(), StateReport.class).size() - 1);
        assertThat(last.state()).isEqualTo(State.STOPPED);
        assertThat(last.step()).isEqualTo(all.get(all.size() - 1).step() + 1);
    }
}
