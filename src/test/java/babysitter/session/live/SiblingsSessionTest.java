package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.report.EventLabels;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report.SiblingsReport;
import babysitter.session.reports.Report;
import babysitter.session.training.Replay;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import babysitter.store.EpochMetric;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.RunReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** "Try siblings" in a live session: parallel copies, determinism, adoption, cancelling, replay. */
class SiblingsSessionTest {

    /** Momentum, so that β matters; 180 training rows in batches of 32: 6 steps an epoch. */
    static RunConfig momentum(int epochs) throws ConfigException {
        return TrainingSessionTest.config(TrainingSessionTest.SPIRAL, TrainingSessionTest.RELU16_BN,
                "{ \"kind\": \"momentum\", \"learningRate\": 0.05, \"momentum\": 0.9, \"batchSize\": 32 }", epochs);
    }

    /** The same run with each optimiser, so that every kind's β (or none) is drawn and adopted. */
    static RunConfig withOptimizer(OptimizerKind kind, int epochs) throws ConfigException {
        String o = switch (kind) {
            case SGD -> "{ \"kind\": \"sgd\", \"learningRate\": 0.05, \"batchSize\": 32 }";
            case MOMENTUM -> "{ \"kind\": \"momentum\", \"learningRate\": 0.05, \"momentum\": 0.9, \"batchSize\": 32 }";
            case RMSPROP -> "{ \"kind\": \"rmsprop\", \"learningRate\": 0.005, \"momentum\": 0.5, \"beta1\": 0.8, "
                    + "\"beta2\": 0.99, \"batchSize\": 32 }";
            case ADAM -> "{ \"kind\": \"adam\", \"learningRate\": 0.01, \"momentum\": 0.5, \"beta1\": 0.9, "
                    + "\"beta2\": 0.999, \"batchSize\": 32 }";
        };
        return TrainingSessionTest.config(TrainingSessionTest.SPIRAL, TrainingSessionTest.RELU16_BN, o, epochs);
    }

    private final List<TrainingSession> open = new ArrayList<>();

    private TrainingSession session(Trainer t, Recorder rec) {
        TrainingSession s = new TrainingSession(t);
        s.addListener(rec);
        open.add(s);
        return s.open();
    }

    @AfterEach
    void closeSessions() {
        open.forEach(s -> s.close(20_000));
    }

    private static SiblingsReport awaitPhase(Recorder rec, int from, SiblingsReport.Phase phase) {
        return rec.await(from, SiblingsReport.class, r -> r.phase() == phase, "siblings " + phase);
    }

    /** A trainer without a session: {@code steps} steps, then {@code hp}, then {@code epochs} epoch ends. */
    private static List<EpochMetric> twin(int steps, Hyperparameters hp, int epochs, Trainer[] out) throws Exception {
        return twin(momentum(10), steps, hp, epochs, out);
    }

    private static List<EpochMetric> twin(RunConfig config, int steps, Hyperparameters hp, int epochs, Trainer[] out)
            throws Exception {
        Trainer t = Runs.start(config, null, null, TrainerTest.CLOCK);
        for (int i = 0; i < steps; i++) {
            t.trainStep();
        }
        t.setHyperparameters(hp, "user");
        List<EpochMetric> ms = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            ms.add(t.trainEpoch());
        }
        if (out != null) {
            out[0] = t;
        }
        return ms;
    }

    @Test
    void everySiblingReproducesTheMainRunWithItsAlphaAndBetaBitForBit(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(momentum(10), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int i = 0; i < 3; i++) {
            s.submit(new Command.Step()); // mid-epoch: the batch order of the epoch must carry over too
        }
        float[] before = rec.barrier(s) == null ? null : t.network().parameters().toFloatVector();
        s.submit(new Command.TrySiblings(3, 2, 0.5, 0.5, 5));
        SiblingsReport done = awaitPhase(rec, 0, SiblingsReport.Phase.DONE);

        assertThat(done.checkpoint()).isEqualTo("step-3");
        assertThat(done.fromStep()).isEqualTo(3);
        assertThat(done.threads()).isEqualTo(Math.min(3, Runtime.getRuntime().availableProcessors()));
        if (done.threads() > 1) {
            assertThat(done.siblings().stream().map(SiblingsReport.Sibling::thread).distinct().count())
                    .as("siblings ran on several threads").isGreaterThan(1);
        }
        assertThat(done.epochsDone()).isEqualTo(done.epochsTotal()).isEqualTo(6);
        assertThat(done.siblings().get(0).control()).isTrue();
        assertThat(done.siblings().get(0).alpha()).isEqualTo(0.05);
        List<Hyperparameters> drawn = Siblings.draw(t.hyperparameters(), 3, 0.5, 0.5, 5);
        for (SiblingsReport.Sibling sib : done.siblings()) {
            assertThat(sib.state()).isEqualTo(SiblingsReport.SiblingState.DONE);
            Hyperparameters hp = drawn.get(sib.index());
            assertThat(sib.alpha()).isEqualTo(hp.learningRate());
            assertThat(sib.beta()).isEqualTo(hp.momentum());
            assertThat(done.varied()).isEqualTo(OptimizerBeta.MOMENTUM);
            List<EpochMetric> expected = twin(3, hp, 2, null);
            assertThat(sib.trainCost()).as("sibling %d train cost", sib.index())
                    .containsExactlyElementsOf(expected.stream().map(EpochMetric::trainCost).toList());
            assertThat(sib.devCost()).containsExactlyElementsOf(expected.stream().map(EpochMetric::devCost).toList());
            assertThat(sib.devAccuracy())
                    .containsExactlyElementsOf(expected.stream().map(EpochMetric::devAccuracy).toList());
        }
        // the siblings differ from each other (the comparison can fail)
        assertThat(done.siblings().get(1).trainCost()).isNotEqualTo(done.siblings().get(0).trainCost());
        // the main run did not move
        rec.barrier(s);
        assertThat(t.step()).isEqualTo(3);
        assertThat(t.network().parameters().toFloatVector()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void adoptingEqualsRewindingSettingAlphaAndBetaAndTrainingTheSameEpochs(OptimizerKind kind, @TempDir Path runs)
            throws Exception {
        Trainer t = Runs.start(withOptimizer(kind, 10), runs, null, TrainerTest.CLOCK);
        Hyperparameters start = t.hyperparameters();
        assertThat(start.optimizer()).isEqualTo(kind);
        OptimizerBeta varied = OptimizerBeta.of(kind);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        for (int i = 0; i < 3; i++) {
            s.submit(new Command.Step());
        }
        s.submit(new Command.TrySiblings(3, 2, 0.5, 0.5, 9));
        SiblingsReport done = awaitPhase(rec, 0, SiblingsReport.Phase.DONE);
        // while siblings wait, the main run refuses to move
        int mark = rec.size();
        s.submit(new Command.Step());
        assertThat(((babysitter.store.Event.Failure) rec.awaitEvent(mark, "error").event()).message())
                .contains("adopt one or discard");

        int pick = 2;
        mark = rec.size();
        s.submit(new Command.AdoptSibling(pick));
        SiblingsReport adopted = awaitPhase(rec, mark, SiblingsReport.Phase.ADOPTED);
        assertThat(adopted.adopted()).isEqualTo(pick);
        // the retraining ends paused after two epochs on the new branch
        rec.await(mark, Report.EpochReport.class, e -> e.branch() == 1 && e.epoch() == 1, "the second epoch of branch 1");
        Report.StateReport st = rec.awaitState(mark, Report.State.PAUSED);
        rec.barrier(s);
        assertThat(t.branch()).isEqualTo(1);
        assertThat(t.step()).isEqualTo(12); // from step 3, the epochs end at steps 6 and 12 (6 steps an epoch)
        assertThat(done.varied()).isEqualTo(varied);
        Hyperparameters picked = Siblings.draw(start, 3, 0.5, 0.5, 9).get(pick);
        assertThat(t.hyperparameters()).as("the sibling's hyperparameters, its β included").isEqualTo(picked);
        assertThat(t.hyperparameters().learningRate()).isEqualTo(done.siblings().get(pick).alpha());
        if (varied == OptimizerBeta.NONE) {
            assertThat(done.siblings().get(pick).beta()).isNaN();
            assertThat(t.hyperparameters().momentum()).isEqualTo(start.momentum());
            assertThat(t.hyperparameters().beta1()).isEqualTo(start.beta1());
            assertThat(t.hyperparameters().beta2()).isEqualTo(start.beta2());
        } else {
            assertThat(varied.get(t.hyperparameters())).isEqualTo(done.siblings().get(pick).beta())
                    .isNotEqualTo(varied.get(start));
            // the βs the optimiser does not use for this stay
            for (OptimizerBeta other : OptimizerBeta.values()) {
                if (other != varied && other != OptimizerBeta.NONE) {
                    assertThat(other.get(t.hyperparameters())).as("%s", other).isEqualTo(other.get(start));
                }
            }
        }
        assertThat(st.state()).isEqualTo(Report.State.PAUSED);
        assertThat(Recorder.only(rec.all(), Report.EventReport.class))
                .noneMatch(e -> e.event() instanceof babysitter.store.Event.Failure f && f.message().contains("differs"));

        // by hand: the same steps, a rewind to the checkpoint, the sibling's α and β, two epochs
        Trainer[] twin = new Trainer[1];
        Trainer m = Runs.start(withOptimizer(kind, 10), null, null, TrainerTest.CLOCK);
        for (int i = 0; i < 3; i++) {
            m.trainStep();
        }
        m.checkpoint("user");
        m.rewind("step-3");
        m.setHyperparameters(Siblings.draw(m.hyperparameters(), 3, 0.5, 0.5, 9).get(pick), "user");
        m.trainEpoch();
        m.trainEpoch();
        assertThat(t.network().parameters().toDoubleVector()).as("adopted vs. by hand")
                .isEqualTo(m.network().parameters().toDoubleVector());
        assertThat(t.network().optimizerState().t()).isEqualTo(m.network().optimizerState().t());
        // and a different sibling's α would have given other parameters
        twin(withOptimizer(kind, 10), 3, Siblings.draw(start, 3, 0.5, 0.5, 9).get(1), 2, twin);
        assertThat(twin[0].network().parameters().toDoubleVector())
                .isNotEqualTo(t.network().parameters().toDoubleVector());
        // the sibling's β alone (its α kept) would have given other parameters too: the β is used
        if (varied != OptimizerBeta.NONE) {
            twin(withOptimizer(kind, 10), 3, start.withLearningRate(picked.learningRate()), 2, twin);
            assertThat(twin[0].network().parameters().toDoubleVector()).as("the β makes a difference")
                    .isNotEqualTo(t.network().parameters().toDoubleVector());
        }

        // the run store holds one start and one adopt event and no sibling metrics; the run replays
        s.submit(new Command.Step());
        s.submit(new Command.Step());
        rec.barrier(s);
        s.close(20_000);
        Run run = RunReader.read(t.runDir());
        assertThat(run.events()).filteredOn(e -> e.kind().startsWith("siblings")).extracting(RunEvent::kind)
                .containsExactly("siblings", "siblings-adopted");
        RunEvent adoptedEvent = run.events().stream().filter(e -> e.kind().equals("siblings-adopted")).findFirst()
                .orElseThrow();
        String label = EventLabels.label(adoptedEvent);
        if (varied == OptimizerBeta.NONE) {
            assertThat(label).doesNotContain("β");
            assertThat(((babysitter.store.Event.SiblingsAdopted) adoptedEvent.event()).beta()).isNaN();
        } else {
            assertThat(label).contains(", " + varied.symbol() + " ");
            assertThat(((babysitter.store.Event.SiblingsAdopted) adoptedEvent.event()).betaName()).isEqualTo(varied.key());
        }
        assertThat(run.steps()).allMatch(x -> x.branch() == 1 || x.step() < 3);
        assertThat(run.epochs()).allMatch(x -> x.branch() == 1);
        Replay.Result r = Replay.run(run, null, TrainerTest.CLOCK, null);
        assertThat(r.identical()).as("first mismatch at %d", r.firstMismatchStep()).isTrue();
        assertThat(r.comparedSteps()).isEqualTo(run.steps().size()).isEqualTo(3 + 9 + 2);
    }

    @Test
    void cancellingLeavesTheMainRunWhereItWas(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(momentum(50), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        s.submit(new Command.RunEpoch());
        rec.await(0, Report.EpochReport.class, e -> true, "the first epoch");
        rec.barrier(s);
        double[] before = t.network().parameters().toDoubleVector();
        Hyperparameters hpBefore = t.hyperparameters();
        int mark = rec.size();
        s.submit(new Command.TrySiblings(4, 40, 1, 1, 1));
        rec.await(mark, SiblingsReport.class, r -> r.epochsDone() >= 1, "a sibling epoch");
        s.submit(new Command.CancelSiblings());
        SiblingsReport gone = awaitPhase(rec, mark, SiblingsReport.Phase.DISCARDED);
        assertThat(gone.checkpoint()).as("an epoch boundary reuses the epoch's checkpoint").isEqualTo("epoch-0001");
        assertThat(gone.epochsDone()).isLessThan(gone.epochsTotal());
        assertThat(gone.siblings()).allMatch(x -> x.state() == SiblingsReport.SiblingState.CANCELLED
                || x.state() == SiblingsReport.SiblingState.DONE);
        rec.barrier(s);
        assertThat(t.step()).isEqualTo(6);
        assertThat(t.branch()).isZero();
        assertThat(t.hyperparameters()).isEqualTo(hpBefore);
        assertThat(t.network().parameters().toDoubleVector()).isEqualTo(before);
        // and it trains on as it would have
        s.submit(new Command.Step());
        rec.barrier(s);
        assertThat(t.step()).isEqualTo(7);
        s.close(20_000);
        Run run = RunReader.read(t.runDir());
        assertThat(run.events()).filteredOn(e -> e.kind().startsWith("siblings")).extracting(RunEvent::kind)
                .containsExactly("siblings", "siblings-discarded");
        assertThat(run.epochs()).hasSize(1);
        assertThat(Replay.run(run, null, TrainerTest.CLOCK, null).identical()).isTrue();
    }

    @Test
    void stopEndsTheSiblings(@TempDir Path runs) throws Exception {
        Trainer t = Runs.start(momentum(50), runs, null, TrainerTest.CLOCK);
        Recorder rec = new Recorder();
        TrainingSession s = session(t, rec);
        s.submit(new Command.Step());
        s.submit(new Command.TrySiblings(2, 40, 0.5, 0.5, 1));
        rec.await(0, SiblingsReport.class, r -> r.phase() == SiblingsReport.Phase.RUNNING, "siblings running");
        assertThat(s.close(20_000)).isTrue();
        assertThat(Recorder.only(rec.all(), SiblingsReport.class)).last()
                .extracting(SiblingsReport::phase).isEqualTo(SiblingsReport.Phase.DISCARDED);
        // the pool has terminated; its last worker thread may still be returning from its run loop
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(th -> th.getName().startsWith("sibling-") && th.isAlive())
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().startsWith("sibling-") && th.isAlive());
    }
}
