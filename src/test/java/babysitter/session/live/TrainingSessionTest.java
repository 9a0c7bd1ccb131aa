package babysitter.session.live;

import static babysitter.session.live.Recorder.only;
import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.engine.Network;
import babysitter.report.EventLabels;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.configuration.OptimizerSpec;
import babysitter.session.configuration.Rules;
import babysitter.session.configuration.RunConfig;
import babysitter.session.insights.DecisionRegions;
import babysitter.session.insights.Insights;
import babysitter.session.reports.Report.EpochReport;
import babysitter.session.reports.Report.EventReport;
import babysitter.session.reports.Report.State;
import babysitter.session.reports.Report.StateReport;
import babysitter.session.reports.Report.StepReport;
import babysitter.session.reports.Report;
import babysitter.session.training.Replay;
import babysitter.session.training.Runs;
import babysitter.session.training.Snapshot;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import babysitter.store.EpochMetric;
import babysitter.store.Event;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TrainingSessionTest {

    static final String SPIRAL = "{ \"kind\": \"spiral\", \"n\": 240, \"arms\": 3, \"noise\": 0.1, \"devFraction\": 0.25 }";
    static final String RELU16 = "[ { \"units\": 16, \"activation\": \"relu\", \"batchNorm\": false } ]";
    public static final String RELU16_BN = "[ { \"units\": 16, \"activation\": \"relu\", \"batchNorm\": true } ]";
    /** How long a close may wait for the threads: a liveness bound, not a speed budget (benchmarks time things). */
    static final long CLOSE_TIMEOUT_MS = 5_000;

    /** A configuration from JSON pieces; seed 3, every step logged. */
    public static RunConfig config(String data, String hidden, String optimizer, int epochs) throws ConfigException {
        return ConfigFiles.parse("""
                { "data": %s, "network": { "hidden": %s }, "optimizer": %s, "epochs": %d, "seed": 3, "logEvery": 1 }
                """.formatted(data, hidden, optimizer, epochs), "test");
    }

    /** SGD at any α: code may train outside the range a person may write in a configuration file. */
    public static RunConfig sgd(double alpha, int epochs) throws ConfigException {
        RunConfig c = config(SPIRAL, RELU16, "{ \"kind\": \"sgd\", \"learningRate\": 0.1, \"batchSize\": 32 }", epochs);
        return c.withOptimizer(OptimizerSpec.of(c.optimizer().toHyperparameters().withLearningRate(alpha)));
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
        assertThat(change(change).source()).isEqualTo("user");
        assertThat(change(change).to().learningRate()).isEqualTo(alpha1);

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
        assertThat(((Event.HyperparametersChanged) recorded.event()).to().learningRate()).isEqualTo(alpha1);
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
        assertThat(s.close(CLOSE_TIMEOUT_MS)).isTrue();
        // a listener thread or a join that waits out the timeout would take all of it
        assertThat((System.nanoTime() - t0) / 1e6).as("ms to close a stopped session").isLessThan(CLOSE_TIMEOUT_MS);
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
        boolean ended = s.close(CLOSE_TIMEOUT_MS);
        double ms = (System.nanoTime() - t0) / 1e6;
        List<StepReport> all = steps(rec.all());
        double msPerStep = ms; // replaced below by the measured mean
        if (all.size() > 10) {
            msPerStep = 1000.0 * t.config().optimizer().batchSize() / all.get(all.size() - 1).samplesPerSecond();
        }
        System.out.printf("close of a running session: %.1f ms (a step: ~%.2f ms)%n", ms, msPerStep);
        // 100,000 epochs to go: a close that did not stop training between two steps would time out
        assertThat(ended).isTrue();
        assertThat(s.ended()).isTrue();
        assertThat(ms).isLessThan(CLOSE_TIMEOUT_MS);
        StateReport last = only(rec.all(), StateReport.class).get(only(rec.all(), StateReport.class).size() - 1);
        assertThat(last.state()).isEqualTo(State.STOPPED);
        assertThat(last.step()).isEqualTo(all.get(all.size() - 1).step() + 1);
    }

    // ------------------------------------------------------------------ 3. rewind is exact, as a new branch

    /** Everything a rewind must restore, copied while the session is paused. */
    record NetState(float[] params, float[] v, float[] s, long t, List<float[]> running) {
        static NetState of(Network net) {
            List<float[]> running = new ArrayList<>();
            for (int l = 1; l <= net.depth(); l++) {
                if (net.runningMean(l) != null) {
                    running.add(net.runningMean(l).toFloatVector());
                    running.add(net.runningVar(l).toFloatVector());
                }
            }
            return new NetState(net.parameters().toFloatVector(), net.optimizerState().v().toFloatVector(),
                    net.optimizerState().s().toFloatVector(), net.optimizerState().t(), running);
        }

        void assertSameBits(NetState o) {
            assertThat(o.params).as("parameters").containsExactly(params);
            assertThat(o.v).as("optimiser v").containsExactly(v);
            assertThat(o.s).as("optimiser s").containsExactly(s);
            assertThat(o.t).as("optimiser t").isEqualTo(t);
            assertThat(o.running).as("running statistics").hasSameSizeAs(running);
            for (int i = 0; i < running.size(); i++) {
                assertThat(o.running.get(i)).as("running statistics %d", i).containsExactly(running.get(i));
            }
        }
    }

    @Test
    void aRewindRestoresEverythingAndTheNewBranchRepeatsTheOldBitForBit(@TempDir Path runs) throws Exception {
        // Batch norm and Adam: running statistics and optimiser state matter; 6 steps an epoch, reshuffled.
        Trainer t = Runs.start(TrainerTest.spiral(20), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int i = 0; i < 3; i++) {
            s.submit(new Command.Step());
        }
        s.submit(new Command.TakeCheckpoint());
        Recorder.Barrier b = rec.barrier(s);
        assertThat(b.state().checkpoints()).extracting(Snapshot.CheckpointSummary::id).contains("step-3");
        NetState atCheckpoint = NetState.of(t.network());
        assertThat(atCheckpoint.running()).isNotEmpty();

        int mark = rec.size();
        for (int i = 0; i < 10; i++) {
            s.submit(new Command.Step());
        }
        b = rec.barrier(s);
        List<StepReport> first = steps(rec.all().subList(mark, b.index()));
        List<EpochReport> firstEpochs = only(rec.all().subList(mark, b.index()), EpochReport.class);
        assertContiguous(first, 3);
        assertThat(first).hasSize(10).allMatch(r -> r.branch() == 0);
        assertThat(firstEpochs).hasSize(2); // steps 5 and 11 end epochs: the batch order was drawn again
        assertThat(NetState.of(t.network()).params()).isNotEqualTo(atCheckpoint.params());

        mark = rec.size();
        s.submit(new Command.Rewind("step-3"));
        b = rec.barrier(s);
        NetState.of(t.network()).assertSameBits(atCheckpoint);
        assertThat(b.state().branch()).isEqualTo(1);
        assertThat(b.state().step()).isEqualTo(3);

        for (int i = 0; i < 10; i++) {
            s.submit(new Command.Step());
        }
        b = rec.barrier(s);
        List<Report> afterRewind = rec.all().subList(mark, b.index() + 1);
        List<StepReport> second = steps(afterRewind);
        assertContiguous(second, 3);
        assertThat(bits(second)).containsExactly(bits(first));
        List<EpochReport> secondEpochs = only(afterRewind, EpochReport.class);
        assertThat(secondEpochs).hasSize(2);
        for (int i = 0; i < 2; i++) {
            EpochReport x = firstEpochs.get(i);
            EpochReport y = secondEpochs.get(i);
            assertThat(Double.doubleToLongBits(y.trainCost())).isEqualTo(Double.doubleToLongBits(x.trainCost()));
            // the dev cost in inference mode uses the running statistics
            assertThat(Double.doubleToLongBits(y.devCost())).isEqualTo(Double.doubleToLongBits(x.devCost()));
        }
        // Every report after the rewind carries the new branch.
        for (Report r : afterRewind) {
            assertThat(branchOf(r)).as("%s", r).isEqualTo(1);
        }
        EventReport rewind = only(afterRewind, EventReport.class).get(0);
        assertThat(rewind.kind()).isEqualTo("rewind");
        assertThat(rewind.event()).isInstanceOfSatisfying(Event.Rewind.class, r -> {
            assertThat(r.to()).isEqualTo("step-3");
            assertThat(r.fromStep()).isEqualTo(13);
            assertThat(r.fromBranch()).isZero();
        });

        assertThat(s.close(10_000)).isTrue();
        Run run = RunReader.read(t.runDir());
        List<Long> branch0 = run.steps().stream().filter(m -> m.branch() == 0).map(StepMetric::step).toList();
        List<Long> branch1 = run.steps().stream().filter(m -> m.branch() == 1).map(StepMetric::step).toList();
        assertThat(branch0).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(branch1).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(run.epochs()).extracting(EpochMetric::branch).containsExactly(0, 0, 1, 1);
    }

    static int branchOf(Report r) {
        if (r instanceof StepReport x) {
            return x.branch();
        } else if (r instanceof EpochReport x) {
            return x.branch();
        } else if (r instanceof EventReport x) {
            return x.branch();
        } else if (r instanceof StateReport x) {
            return x.branch();
        } else if (r instanceof Report.RegionsReport x) {
            return x.branch();
        } else if (r instanceof Report.ConfusionReport x) {
            return x.branch();
        } else if (r instanceof Report.SamplesReport x) {
            return x.branch();
        } else if (r instanceof Report.CheckpointsReport x) {
            return x.branch();
        }
        throw new AssertionError("a report without a branch: " + r);
    }

    // ------------------------------------------------------------------ 4. an automatic checkpoint before α changes

    @Test
    void changingAlphaTakesAnAutomaticCheckpointAndRewindingToItUndoesTheChange() throws Exception {
        RunConfig c = sgd(0.1, 50);
        Trainer t = Runs.start(c, null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int i = 0; i < 4; i++) {
            s.submit(new Command.Step());
        }
        Hyperparameters old = c.optimizer().toHyperparameters();
        s.submit(new Command.SetHyperparameters(old.withLearningRate(0.9)));
        Recorder.Barrier b = rec.barrier(s);
        assertThat(b.state().hyperparameters().learningRate()).isEqualTo(0.9);
        assertThat(b.state().checkpoints()).extracting(Snapshot.CheckpointSummary::id).containsExactly("auto-4");
        assertThat(b.state().checkpoints().get(0).step()).isEqualTo(4);

        // Train on with the new α, then undo.
        for (int i = 0; i < 3; i++) {
            s.submit(new Command.Step());
        }
        Recorder.Barrier beforeUndo = rec.barrier(s);
        int mark = beforeUndo.index();
        s.submit(new Command.Rewind("auto-4"));
        s.submit(new Command.Step());
        b = rec.barrier(s);
        assertThat(b.state().hyperparameters()).isEqualTo(old);
        assertThat(b.state().step()).isEqualTo(5);
        List<StepReport> after = steps(rec.all().subList(mark, b.index()));
        assertThat(after).singleElement().satisfies(r -> {
            assertThat(r.step()).isEqualTo(4);
            assertThat(r.learningRate()).isEqualTo(0.1);
            assertThat(r.branch()).isEqualTo(1);
        });
        // Changing only the batch size takes no checkpoint.
        s.submit(new Command.SetHyperparameters(old.withBatchSize(16)));
        b = rec.barrier(s);
        assertThat(b.state().checkpoints()).isEqualTo(beforeUndo.state().checkpoints());
    }

    @Test
    void changingAdamsBeta1AloneTakesAnAutomaticCheckpointAndTheMarkerNamesBeta1() throws Exception {
        RunConfig c = config(SPIRAL, RELU16, "{ \"kind\": \"adam\", \"learningRate\": 0.01, \"batchSize\": 32 }", 50);
        Trainer t = Runs.start(c, null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int i = 0; i < 3; i++) {
            s.submit(new Command.Step());
        }
        Hyperparameters old = c.optimizer().toHyperparameters();
        // what the live β slider sends with Adam: only β1 changes
        Hyperparameters next = OptimizerBeta.BETA1.with(old, 0.95);
        s.submit(new Command.SetHyperparameters(next));
        Recorder.Barrier b = rec.barrier(s);
        assertThat(b.state().hyperparameters().beta1()).isEqualTo(0.95);
        assertThat(b.state().hyperparameters().momentum()).isEqualTo(old.momentum());
        assertThat(b.state().checkpoints()).extracting(Snapshot.CheckpointSummary::id).containsExactly("auto-3");
        List<EventReport> changes = only(rec.all(), EventReport.class).stream()
                .filter(e -> e.kind().equals("hyperparameters")).toList();
        assertThat(changes).extracting(EventLabels::label).containsExactly("β1 0.9→0.95");
        // and RMSprop's β2 likewise
        s.submit(new Command.Step());
        s.submit(new Command.SetHyperparameters(OptimizerBeta.BETA2.with(next, 0.99)));
        b = rec.barrier(s);
        assertThat(b.state().checkpoints()).extracting(Snapshot.CheckpointSummary::id).containsExactly("auto-3", "auto-4");
        assertThat(only(rec.all(), EventReport.class)).extracting(EventLabels::label).contains("β2 0.999→0.99");
    }

    // ------------------------------------------------------------------ 6. the divergence guard

    static RunConfig diverging() throws ConfigException {
        return sgd(1e3, 1000);
    }

    @Test
    void aDivergingRunTripsTheGuardAndNoNonFiniteCostReachesAStepReport() throws Exception {
        Trainer t = Runs.start(diverging(), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        s.submit(new Command.TakeCheckpoint());
        s.submit(new Command.Start());
        StateReport tripped = rec.awaitState(0, State.GUARD_TRIPPED);
        EventReport guard = rec.awaitEvent(0, "guard");
        List<StepReport> stepReports = steps(rec.all());
        System.out.println("guard with α 1e3: " + ((babysitter.store.Event.GuardTripped) guard.event()).reason() + " after " + stepReports.size() + " step reports, costs "
                + stepReports.stream().map(r -> String.format("%.3g", r.cost())).collect(Collectors.joining(" ")));
        assertThat(stepReports).allMatch(r -> Double.isFinite(r.cost()), "finite costs only");
        // The epoch's checkpoint was taken after costs had exploded: not offered as good.
        assertThat(tripped.checkpoints()).extracting(Snapshot.CheckpointSummary::id).contains("step-0", "epoch-0001");
        assertThat(guard(guard).lastGood()).isEqualTo("step-0");
        assertThat(guard(guard).autoRewind()).isFalse();
        // The guard names the step that went wrong: the one after the last step reported.
        long bad = stepReports.isEmpty() ? 0 : stepReports.get(stepReports.size() - 1).step()
                + (Double.isFinite(costAt(t, guard)) ? 0 : 1);
        assertThat(guard(guard).reason()).contains("at step " + bad);
        // the event itself is at the bad step (where its cost is on the chart), not at the next one
        assertThat(guard.step()).isEqualTo(bad);
        stepReports.stream().filter(r -> r.step() == bad).findFirst()
                .ifPresent(r -> assertThat(guard.epoch()).isEqualTo(r.epoch()));
        assertThat(tripped.step()).isEqualTo(bad + 1);
        Recorder.Barrier b = rec.barrier(s);
        assertThat(steps(rec.all().subList(rec.all().indexOf(tripped), b.index()))).as("steps after the guard").isEmpty();
        assertThat(b.state().state()).isEqualTo(State.GUARD_TRIPPED);
    }

    static Event.GuardTripped guard(EventReport e) {
        return (Event.GuardTripped) e.event();
    }

    static Event.HyperparametersChanged change(EventReport e) {
        return (Event.HyperparametersChanged) e.event();
    }

    /** The cost the guard saw, from its reason ("cost NaN at step 7", "cost 123.4 at step 7, above…"). */
    static double costAt(Trainer t, EventReport guard) {
        String reason = guard(guard).reason();
        String v = reason.substring("cost ".length(), reason.indexOf(" at step"));
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+∞" -> Double.POSITIVE_INFINITY;
            case "−∞" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    @Test
    void withAutomaticRewindTheGuardGoesBackHalvesAlphaAndGoesOn() throws Exception {
        Trainer t = Runs.start(diverging(), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        rec.setRules(s, Rules.DEFAULTS.withGuard(true, true));
        s.submit(new Command.TakeCheckpoint());
        s.submit(new Command.Start());
        // Trip after trip α halves until training goes on; wait for epoch 10.
        rec.await(0, EpochReport.class, e -> e.epoch() >= 10, "ten epochs");
        s.submit(new Command.Pause());
        Recorder.Barrier end = rec.barrier(s);
        List<Report> all = rec.all();
        List<EventReport> events = only(all, EventReport.class);
        List<EventReport> guards = events.stream().filter(e -> e.kind().equals("guard")).toList();
        System.out.println("auto-rewind: " + guards.size() + " guard trips before training went on; α now "
                + end.state().hyperparameters().learningRate() + "; guards: "
                + guards.stream().map(g -> guard(g).reason() + " → " + guard(g).lastGood()).toList());
        assertThat(guards).isNotEmpty();
        assertThat(guard(guards.get(0)).lastGood()).isEqualTo("step-0");
        double alpha = 1e3;
        for (int g = 0; g < guards.size(); g++) {
            int i = events.indexOf(guards.get(g));
            String target = guard(guards.get(g)).lastGood();
            assertThat(guard(guards.get(g)).autoRewind()).isTrue();
            EventReport rewind = events.get(i + 1);
            assertThat(rewind.kind()).isEqualTo("rewind");
            assertThat(((Event.Rewind) rewind.event()).to()).isEqualTo(target);
            assertThat(((Event.Rewind) rewind.event()).branch()).isEqualTo(g + 1);
            EventReport change = events.get(i + 2);
            assertThat(change.kind()).isEqualTo("hyperparameters");
            assertThat(change(change).source()).isEqualTo("guard");
            alpha /= 2;
            assertThat(change(change).to().learningRate()).isEqualTo(alpha);
            // The new branch starts at the checkpoint's step with the halved α.
            int branch = g + 1;
            StepReport first = steps(all).stream().filter(r -> r.branch() == branch).findFirst().orElseThrow();
            assertThat(first.step()).isEqualTo(rewind.step());
            assertThat(first.learningRate()).isEqualTo(alpha);
        }
        assertThat(end.state().branch()).isEqualTo(guards.size());
        assertThat(end.state().hyperparameters().learningRate()).isEqualTo(alpha);
        assertThat(steps(all)).allMatch(r -> Double.isFinite(r.cost()), "finite costs only");
        assertThat(only(all, StateReport.class)).noneMatch(r -> r.state() == State.GUARD_TRIPPED);
        assertThat(events).noneMatch(e -> e.kind().equals("error"));
    }

    @Test
    void eachEpochOfTwoDimensionalDataPublishesItsDecisionRegionsRightAfterTheEpochReport() throws Exception {
        Trainer t = Runs.start(sgd(0.1, 3), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        runEpoch(s, rec);
        runEpoch(s, rec);
        int end = rec.barrier(s).index();
        List<Report> all = rec.all().subList(0, end);
        List<Report.RegionsReport> regions = only(all, Report.RegionsReport.class);
        assertThat(regions).extracting(Report.RegionsReport::epoch).containsExactly(0, 1);
        for (Report.RegionsReport r : regions) {
            int i = all.indexOf(r);
            // the epoch report, then its dev confusion matrix, then its samples, then the regions
            assertThat(all.get(i - 1)).isInstanceOfSatisfying(Report.SamplesReport.class,
                    c -> assertThat(c.epoch()).isEqualTo(r.epoch()));
            assertThat(all.get(i - 2)).isInstanceOfSatisfying(Report.ConfusionReport.class,
                    c -> assertThat(c.epoch()).isEqualTo(r.epoch()));
            assertThat(all.get(i - 3)).isInstanceOfSatisfying(EpochReport.class,
                    e -> assertThat(e.epoch()).isEqualTo(r.epoch()));
            assertThat(r.width()).isEqualTo(DecisionRegions.DEFAULT_SIZE);
            assertThat(r.points()).isEqualTo(t.data().split().train().rows());
        }
    }

    @Test
    void eachEpochPublishesTheFirstDevSamplesWithTheirProbabilitiesRightAfterItsConfusionMatrix() throws Exception {
        Trainer t = Runs.start(sgd(0.1, 3), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        runEpoch(s, rec);
        runEpoch(s, rec);
        int end = rec.barrier(s).index();
        List<Report> all = rec.all().subList(0, end);
        List<Report.SamplesReport> samples = only(all, Report.SamplesReport.class);
        assertThat(samples).extracting(Report.SamplesReport::epoch).containsExactly(0, 1);
        babysitter.data.Dataset dev = t.data().split().dev();
        for (Report.SamplesReport r : samples) {
            int i = all.indexOf(r);
            assertThat(all.get(i - 1)).isInstanceOfSatisfying(Report.ConfusionReport.class,
                    c -> assertThat(c.epoch()).isEqualTo(r.epoch()));
            assertThat(r.size()).isEqualTo(Math.min(32, dev.rows())).isPositive();
            assertThat(r.features()).isEqualTo(2);
            assertThat(r.imageSide()).isZero();
            assertThat(r.classNames()).isEqualTo(t.data().split().train().classNames());
            for (int k = 0; k < r.size(); k++) {
                assertThat(r.label(k)).isEqualTo(dev.label(k));
                // as loaded: the run's standardisation undone
                babysitter.data.Standardizer st = t.data().standardizer();
                for (int j = 0; j < 2; j++) {
                    assertThat(r.value(k, j)).isEqualTo((float) ((float) dev.feature(k, j) * st.std()[j] + st.mean()[j]));
                }
                double sum = 0;
                for (int c = 0; c < r.classes(); c++) {
                    assertThat(r.probability(k, c)).isBetween(0f, 1f);
                    sum += r.probability(k, c);
                }
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        // the network learns between the epochs: the probabilities change
        assertThat(samples.get(0).probabilities()).isNotEqualTo(samples.get(1).probabilities());
    }

    @Test
    void digitSamplesAreEightByEightImages() throws Exception {
        Trainer t = Runs.start(config("{ \"kind\": \"digits\", \"devFraction\": 0.2 }", RELU16,
                "{ \"kind\": \"sgd\", \"learningRate\": 0.1, \"batchSize\": 128 }", 1), null, null,
                TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        runEpoch(s, rec);
        int end = rec.barrier(s).index();
        List<Report.SamplesReport> samples = only(rec.all().subList(0, end), Report.SamplesReport.class);
        assertThat(samples).hasSize(1);
        Report.SamplesReport r = samples.get(0);
        assertThat(r.features()).isEqualTo(64);
        assertThat(r.imageSide()).isEqualTo(8);
        assertThat(r.size()).isEqualTo(32);
        assertThat(r.classes()).isEqualTo(10);
        for (int k = 0; k < r.size(); k++) {
            assertThat(r.label(k)).isEqualTo(t.data().split().dev().label(k));
        }
    }

    @Test
    void eachEpochPublishesTheDevConfusionMatrixRightAfterItsEpochReport() throws Exception {
        Trainer t = Runs.start(sgd(0.1, 5), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int e = 0; e < 3; e++) {
            runEpoch(s, rec);
        }
        int end = rec.barrier(s).index();
        List<Report> all = rec.all().subList(0, end);
        List<Report.ConfusionReport> confusion = only(all, Report.ConfusionReport.class);
        assertThat(confusion).extracting(Report.ConfusionReport::epoch).containsExactly(0, 1, 2);
        int devRows = t.data().split().dev().rows();
        assertThat(devRows).isPositive();
        for (Report.ConfusionReport r : confusion) {
            int i = all.indexOf(r);
            EpochReport epoch = (EpochReport) all.get(i - 1);
            assertThat(epoch.epoch()).isEqualTo(r.epoch());
            assertThat(r.classNames()).isEqualTo(t.data().split().train().classNames()).hasSize(3);
            assertThat(r.total()).isEqualTo(devRows);
            assertThat(java.util.Arrays.stream(r.counts()).sum()).isEqualTo(devRows);
            assertThat((double) r.correct() / r.total()).isCloseTo(epoch.devAccuracy(),
                    org.assertj.core.data.Offset.offset(1e-12));
        }
        // the network learns: the matrices are not all the same
        assertThat(confusion.get(0)).isNotEqualTo(confusion.get(2));
    }

    /**
     * A recorded run keeps each epoch's insight reports in insights.jsonl, and they decode to what
     * the session published; measured: the file's size per epoch (the first epoch also holds the
     * rows and points that later epochs refer to).
     */
    @Test
    void eachEpochsInsightReportsAreRecordedAndReadBackAsPublished(@org.junit.jupiter.api.io.TempDir Path runs)
            throws Exception {
        String[][] cases = {
            {"spiral, 1000 drawn points", "{ \"kind\": \"spiral\", \"n\": 1500, \"arms\": 3, \"noise\": 0.1,"
                + " \"devFraction\": 0.25 }", "20000"},
            {"digits", "{ \"kind\": \"digits\", \"devFraction\": 0.2 }", "4000"},
        };
        for (String[] c : cases) {
            Trainer t = Runs.start(config(c[1], RELU16, "{ \"kind\": \"adam\", \"learningRate\": 0.01,"
                    + " \"batchSize\": 128 }", 4), runs, null, TrainerTest.CLOCK);
            Path file = t.runDir().resolve(babysitter.store.RunWriter.INSIGHTS);
            Recorder rec = new Recorder();
            TrainingSession s = session(t, rec);
            runEpoch(s, rec);
            int mark = rec.barrier(s).index();
            long first = java.nio.file.Files.size(file);
            for (int e = 1; e < 4; e++) {
                runEpoch(s, rec);
            }
            int end = rec.barrier(s).index();
            long later = (java.nio.file.Files.size(file) - first) / 3;
            System.out.printf(java.util.Locale.ROOT, "insights.jsonl, %s: first epoch %,d bytes, later epochs %,d"
                    + " bytes each%n", c[0], first, later);
            assertThat(mark).isPositive();
            assertThat(later).as("bytes per epoch, " + c[0]).isLessThan(Long.parseLong(c[2]));

            List<String> warnings = new ArrayList<>();
            List<Report> stored = Insights.decode(babysitter.store.RunReader.read(t.runDir()).insights(), warnings);
            assertThat(warnings).isEmpty();
            List<Report> published = rec.all().subList(0, end);
            assertThat(only(stored, Report.ConfusionReport.class))
                    .isEqualTo(only(published, Report.ConfusionReport.class)).hasSize(4);
            assertThat(only(stored, Report.SamplesReport.class))
                    .isEqualTo(only(published, Report.SamplesReport.class)).hasSize(4);
            assertThat(only(stored, Report.RegionsReport.class))
                    .hasSize(only(published, Report.RegionsReport.class).size());
        }
    }

    /** RunEpoch, waiting for its epoch report (later commands would apply at the next mini-batch boundary). */
    static EpochReport runEpoch(TrainingSession s, Recorder rec) {
        int mark = rec.barrier(s).index();
        s.submit(new Command.RunEpoch());
        return rec.await(mark, EpochReport.class, e -> true, "the end of the epoch");
    }

    // ------------------------------------------------------------------ 8. rules

    @Test
    void reduceOnPlateauMultipliesAlphaAfterPatienceEpochsWithoutImprovement() throws Exception {
        // α so small that the dev cost does not move: no epoch improves on the first.
        Trainer t = Runs.start(sgd(1e-30, 100), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        rec.setRules(s, Rules.DEFAULTS.withGuard(false, false).withReduceOnPlateau(true, 2, 0.5));
        for (int e = 0; e < 5; e++) {
            runEpoch(s, rec);
        }
        Recorder.Barrier b = rec.barrier(s);
        List<Report> all = rec.all();
        List<EpochReport> epochs = only(all, EpochReport.class);
        assertThat(epochs).hasSize(5);
        assertThat(epochs).extracting(EpochReport::devCost).containsOnly(epochs.get(0).devCost());
        List<EventReport> plateau = only(all, EventReport.class).stream()
                .filter(e -> e.event() instanceof Event.HyperparametersChanged h && h.source().equals("plateau"))
                .toList();
        // epoch 0 sets the best; epochs 1, 2 do not improve: × 0.5 after epoch 2; again after epoch 4
        assertThat(plateau).extracting(EventReport::step).containsExactly(18L, 30L);
        assertThat(plateau).extracting(e -> change(e).to().learningRate()).containsExactly(0.5e-30, 0.25e-30);
        assertThat(b.state().hyperparameters().learningRate()).isEqualTo(0.25e-30);
        // the step reports show the new α from the step the event names
        assertThat(steps(all)).filteredOn(r -> r.step() == 17 || r.step() == 18 || r.step() == 29)
                .extracting(StepReport::learningRate).containsExactly(1e-30, 0.5e-30, 0.5e-30);
        // no automatic checkpoint for a rule's change
        assertThat(b.state().checkpoints()).extracting(Snapshot.CheckpointSummary::id).noneMatch(id -> id.startsWith("auto"));
    }

    @Test
    void earlyStopFinishesAfterPatienceEpochsWithoutImprovementAndGoesBackToTheBest() throws Exception {
        // A big network on few noisy points overfits: the dev cost falls, then rises.
        RunConfig c = config("{ \"kind\": \"spiral\", \"n\": 120, \"arms\": 3, \"noise\": 0.4, \"devFraction\": 0.3 }",
                "[ { \"units\": 64, \"activation\": \"relu\", \"batchNorm\": false } ]",
                "{ \"kind\": \"adam\", \"learningRate\": 0.03, \"batchSize\": 16 }", 500);
        Trainer t = Runs.start(c, null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        int patience = 3;
        rec.setRules(s, Rules.DEFAULTS.withGuard(false, false).withEarlyStop(true, patience));
        s.submit(new Command.Start());
        StateReport finished = rec.awaitState(0, State.FINISHED);
        List<Report> all = rec.all();
        List<EpochReport> epochs = only(all, EpochReport.class);
        // The rule, computed from the reports: the first epoch that is `patience` epochs after the best.
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int stopEpoch = -1;
        for (EpochReport e : epochs) {
            if (e.devCost() < best - 1e-12) {
                best = e.devCost();
                bestEpoch = e.epoch();
            } else if (e.epoch() - bestEpoch >= patience) {
                stopEpoch = e.epoch();
                break;
            }
        }
        System.out.printf("early stop: best dev cost %.4f at epoch %d, stopped after epoch %d of 500%n", best,
                bestEpoch, stopEpoch);
        assertThat(stopEpoch).as("the run overfits and stops early").isBetween(patience, 498);
        assertThat(epochs).last().extracting(EpochReport::epoch).isEqualTo(stopEpoch);
        String bestId = "epoch-%04d".formatted(bestEpoch + 1);
        List<EventReport> events = only(all, EventReport.class);
        EventReport stop = events.stream().filter(e -> e.kind().equals("early-stop")).findFirst().orElseThrow();
        assertThat(((Event.EarlyStop) stop.event()).best()).isEqualTo(bestId);
        assertThat(((Event.EarlyStop) stop.event()).patience()).isEqualTo(3);
        EventReport rewind = events.get(events.indexOf(stop) + 1);
        assertThat(rewind.kind()).isEqualTo("rewind");
        assertThat(((Event.Rewind) rewind.event()).to()).isEqualTo(bestId);
        long bestStep = epochs.get(bestEpoch).step();
        assertThat(finished.step()).isEqualTo(bestStep);
        assertThat(finished.epoch()).isEqualTo(bestEpoch + 1);
        assertThat(finished.branch()).isEqualTo(1);
        Recorder.Barrier b = rec.barrier(s);
        assertThat(steps(rec.all().subList(rec.all().indexOf(finished), b.index()))).isEmpty();
    }

    /** The overfitting run of the early-stop test. */
    static RunConfig overfitting() throws ConfigException {
        return config("{ \"kind\": \"spiral\", \"n\": 120, \"arms\": 3, \"noise\": 0.4, \"devFraction\": 0.3 }",
                "[ { \"units\": 64, \"activation\": \"relu\", \"batchNorm\": false } ]",
                "{ \"kind\": \"adam\", \"learningRate\": 0.03, \"batchSize\": 16 }", 500);
    }

    @Test
    void earlyStopsRewindStartsTheGuardAfreshOnTheNewBranch() throws Exception {
        Trainer t = Runs.start(overfitting(), null, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        // the guard watches (it never trips at × 1e9) while early stop ends the run
        rec.setRules(s, new Rules(true, 1e9, 0, false, false, 3, 0.5, true, 3));
        s.submit(new Command.Start());
        StateReport finished = rec.awaitState(0, State.FINISHED);
        assertThat(finished.branch()).isEqualTo(1);
        // Now a guard as strict as can be, with a warm-up of 10 steps: on a fresh branch it may
        // not compare before 10 steps, and it must not compare with the old branch's best (the
        // overfitting steps after the best epoch had lower costs than the best epoch's state).
        Recorder.Barrier b = rec.barrier(s);
        rec.setRules(s, new Rules(true, 1.0001, 10, false, false, 3, 0.5, false, 3));
        for (int i = 0; i < 10; i++) {
            s.submit(new Command.Step());
        }
        Recorder.Barrier end = rec.barrier(s);
        List<Report> after = rec.all().subList(b.index(), end.index());
        assertThat(only(after, EventReport.class)).noneMatch(e -> e.kind().equals("guard"));
        assertThat(steps(after)).hasSize(10).allMatch(r -> r.branch() == 1);
        assertThat(end.state().state()).isEqualTo(State.PAUSED);
        assertThat(end.state().step()).isEqualTo(finished.step() + 10);
    }

    @Test
    void aRewindToAnEarlierCheckpointTakesBackEarlyStopsBestSoItDoesNotStopAtOnce() throws Exception {
        Trainer t = Runs.start(config(SPIRAL, RELU16,
                "{ \"kind\": \"adam\", \"learningRate\": 0.01, \"batchSize\": 32 }", 100), null, null,
                TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        rec.setRules(s, Rules.DEFAULTS.withGuard(false, false).withEarlyStop(true, 1));
        List<EpochReport> first = new ArrayList<>();
        for (int e = 0; e < 5; e++) {
            first.add(runEpoch(s, rec));
        }
        System.out.println("dev costs of the first 5 epochs: " + first.stream().map(EpochReport::devCost).toList());
        for (int e = 1; e < 5; e++) {
            assertThat(first.get(e).devCost()).as("epoch %d improves", e).isLessThan(first.get(e - 1).devCost());
        }
        Recorder.Barrier b = rec.barrier(s);
        s.submit(new Command.Rewind("epoch-0002"));
        // epoch 2 again, the same as the first time: better than epochs 0 and 1, so no early stop
        EpochReport again = runEpoch(s, rec);
        assertThat(again.branch()).isEqualTo(1);
        assertThat(again.epoch()).isEqualTo(2);
        assertThat(again.devCost()).isEqualTo(first.get(2).devCost());
        EpochReport next = runEpoch(s, rec);
        assertThat(next.devCost()).isEqualTo(first.get(3).devCost());
        Recorder.Barrier end = rec.barrier(s);
        List<Report> after = rec.all().subList(b.index(), end.index());
        assertThat(only(after, EventReport.class)).noneMatch(e -> e.kind().equals("early-stop"));
        assertThat(end.state().state()).isEqualTo(State.PAUSED);
        assertThat(end.state().epoch()).isEqualTo(4);
        assertThat(end.state().branch()).isEqualTo(1);
        // a worse epoch on the new branch still stops it, going back to the best of this lineage
        s.submit(new Command.SetHyperparameters(end.state().hyperparameters().withLearningRate(5)));
        int mark = rec.barrier(s).index();
        s.submit(new Command.RunEpoch());
        EventReport stop = rec.awaitEvent(mark, "early-stop");
        assertThat(((Event.EarlyStop) stop.event()).best()).isEqualTo("epoch-0004.b1");
        EventReport rewind = rec.awaitEvent(rec.all().indexOf(stop), "rewind");
        assertThat(((Event.Rewind) rewind.event()).to()).isEqualTo("epoch-0004.b1");
    }

    // ------------------------------------------------------------------ 9. learning-rate range test

    @Test
    void theRangeTestReportsCostsAgainstAlphaAndLeavesTheSessionExactlyAsItWas() throws Exception {
        Recorder rec = new Recorder();
        Recorder twinRec = new Recorder();
        TrainingSession s = session(Runs.start(TrainerTest.spiral(100), null, null, TrainerTest.CLOCK), rec);
        TrainingSession twin = session(Runs.start(TrainerTest.spiral(100), null, null, TrainerTest.CLOCK), twinRec);
        for (TrainingSession x : List.of(s, twin)) {
            for (int i = 0; i < 4; i++) {
                x.submit(new Command.Step());
            }
        }
        Recorder.Barrier before = rec.barrier(s);
        s.submit(new Command.LrRangeTest(1e-5, 10, 40));
        Report.LrRangeReport range = rec.await(before.index(), Report.LrRangeReport.class, r -> true, "range test");
        Recorder.Barrier after = rec.barrier(s);
        double[] alphas = range.learningRates();
        double[] costs = range.costs();
        System.out.printf("range test: %d steps, α %.3g…%.3g, suggested %.4g%n", alphas.length, alphas[0],
                alphas[alphas.length - 1], range.suggested());
        assertThat(alphas.length).isBetween(5, 40).isEqualTo(costs.length);
        assertThat(alphas[0]).isEqualTo(1e-5);
        for (int i = 1; i < alphas.length; i++) {
            assertThat(alphas[i]).isGreaterThan(alphas[i - 1]);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(costs[i]).isFinite();
        }
        assertThat(range.suggested()).isFinite().isBetween(1e-5, 10.0);
        // The session is where it was: same state report, same hyperparameters, checkpoints and branch.
        StateReport a = after.state();
        StateReport bState = before.state();
        assertThat(a.step()).isEqualTo(bState.step()).isEqualTo(4);
        assertThat(a.epoch()).isEqualTo(bState.epoch());
        assertThat(a.branch()).isEqualTo(bState.branch());
        assertThat(a.hyperparameters()).isEqualTo(bState.hyperparameters());
        assertThat(a.checkpoints()).isEqualTo(bState.checkpoints());
        assertThat(steps(rec.all().subList(before.index(), after.index()))).as("range steps are not reported").isEmpty();
        // …and goes on exactly as a twin that did not run the test, across epoch ends (new batch orders).
        int mark = rec.size();
        int twinMark = twinRec.barrier(twin).index();
        for (TrainingSession x : List.of(s, twin)) {
            for (int i = 0; i < 10; i++) {
                x.submit(new Command.Step());
            }
        }
        int end = rec.barrier(s).index();
        int twinEnd = twinRec.barrier(twin).index();
        List<StepReport> mine = steps(rec.all().subList(mark, end));
        List<StepReport> theirs = steps(twinRec.all().subList(twinMark, twinEnd));
        assertContiguous(mine, 4);
        assertThat(bits(mine)).containsExactly(bits(theirs));
        assertThat(only(rec.all().subList(mark, rec.size()), EpochReport.class))
                .extracting(e -> Double.doubleToLongBits(e.devCost()))
                .containsExactlyElementsOf(only(twinRec.all().subList(twinMark, twinRec.size()), EpochReport.class)
                        .stream().map(e -> Double.doubleToLongBits(e.devCost())).toList());
    }

    // ------------------------------------------------------------------ 10. replay of a steered session

    @Test
    void aSessionWithAChangeACheckpointAndARewindIsReplayedBitForBit(@TempDir Path runs, @TempDir Path out)
            throws Exception {
        Trainer t = Runs.start(TrainerTest.spiral(6), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int i = 0; i < 4; i++) {
            s.submit(new Command.Step());
        }
        s.submit(new Command.SetHyperparameters(t.config().optimizer().toHyperparameters().withLearningRate(0.005)));
        for (int i = 0; i < 5; i++) {
            s.submit(new Command.Step());
        }
        s.submit(new Command.TakeCheckpoint());
        runEpoch(s, rec);
        s.submit(new Command.Step());
        s.submit(new Command.Rewind("step-9"));
        s.submit(new Command.SetHyperparameters(t.config().optimizer().toHyperparameters().withLearningRate(0.05)));
        runEpoch(s, rec);
        runEpoch(s, rec);
        Recorder.Barrier b = rec.barrier(s);
        assertThat(b.state().branch()).isEqualTo(1);
        assertThat(b.state().step()).isEqualTo(18);
        assertThat(s.close(10_000)).isTrue();
        Run original = RunReader.read(t.runDir());
        assertThat(original.warnings()).isEmpty();
        assertThat(original.steps()).filteredOn(m -> m.branch() == 0).hasSize(13);
        assertThat(original.steps()).filteredOn(m -> m.branch() == 1).hasSize(9);

        Replay.Result r = Replay.run(original, out, TrainerTest.CLOCK, null);

        assertThat(r.identical()).as("first mismatch at step %d: %s vs %s", r.firstMismatchStep(), r.originalCost(),
                r.replayedCost()).isTrue();
        assertThat(r.comparedSteps()).isEqualTo(original.steps().size());
        Run replayed = RunReader.read(r.dir());
        assertThat(replayed.steps()).extracting(StepMetric::branch, StepMetric::step)
                .containsExactlyElementsOf(original.steps().stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.branch(), m.step())).toList());
    }
}
