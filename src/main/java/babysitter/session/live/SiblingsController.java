package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.reports.Report;
import babysitter.session.training.Snapshot;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerCopies;
import babysitter.store.Event;
import babysitter.store.SessionProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Try siblings" inside a session: starts them from a checkpoint of the current moment, and adopts
 * one (a rewind, its α and β, and the same epochs trained again, checked bit for bit against the
 * sibling) or discards them. While siblings wait, the main run does not move.
 */
final class SiblingsController {
    private static final Logger LOG = LoggerFactory.getLogger(SiblingsController.class);

    /** What the controller needs of the session, beyond what a rule may do. */
    interface Host extends RuleActions {
        void publish(Report r);

        void publishError(SessionProblem problem, String... values);

        void publishState();

        /** Forgets pending Step and Run epoch commands (the state stays). */
        void holdStill();

        /** Trains {@code epochs} epoch ends and then pauses (as Run epoch does for one). */
        void runEpochs(int epochs);
    }

    private final Host host;
    /** The siblings until they are adopted or discarded, or null. */
    private Siblings.Run siblings;
    /** While an adopted sibling's epochs are retrained: its parameters at the end, to check against. */
    private double[] adoptedParams;
    private int adoptedIndex = -1;

    SiblingsController(Host host) {
        this.host = host;
    }

    /** Whether siblings are waiting to be adopted or discarded. */
    boolean waiting() {
        return siblings != null;
    }

    /** The checkpoint the waiting siblings started from. */
    String from() {
        return siblings.from.id();
    }

    void start(Command.TrySiblings t) {
        Trainer trainer = host.trainer();
        if (trainer.finished()) {
            host.publishError(SessionProblem.SIBLINGS_FINISHED);
            return;
        }
        boolean wasRunning = host.running();
        host.holdStill();
        if (wasRunning) {
            host.event(new Event.Pause());
            host.halt(Report.State.PAUSED);
        }
        // The checkpoint to branch from: one of this lineage at this very step, or a new one.
        Snapshot.CheckpointSummary from = trainer.checkpointing().last();
        if (from == null || from.step() != trainer.step()) {
            from = trainer.checkpoint("siblings").summary();
        }
        List<Hyperparameters> hps = Siblings.draw(trainer.hyperparameters(), t.count(), t.alphaDecades(),
                t.betaDecades(), t.seed());
        List<Trainer> forks = new ArrayList<>();
        for (Hyperparameters hp : hps) {
            Trainer f = TrainerCopies.fork(trainer, from.id());
            f.setHyperparameters(hp, "siblings");
            forks.add(f);
        }
        host.event(started(t, from, hps));
        siblings = new Siblings.Run(from, t.epochs(), hps, forks, host::publish);
        siblings.start();
        host.publishState();
    }

    private static Event started(Command.TrySiblings t, Snapshot.CheckpointSummary from, List<Hyperparameters> hps) {
        OptimizerBeta varied = OptimizerBeta.of(hps.get(0).optimizer());
        return new Event.SiblingsStarted(from.id(), t.count(), t.epochs(), t.alphaDecades(), t.betaDecades(),
                t.seed(), Siblings.threadsFor(t.count()), varied == OptimizerBeta.NONE ? "none" : varied.key(),
                hps.stream().map(Hyperparameters::learningRate).toList(),
                varied == OptimizerBeta.NONE ? List.of() : hps.stream().map(varied::get).toList());
    }

    void discard(String reason) {
        if (siblings == null) {
            host.publishError(SessionProblem.NO_SIBLINGS_TO_DISCARD);
            return;
        }
        Siblings.Run run = siblings;
        siblings = null;
        run.cancelAndWait(60_000);
        host.event(new Event.SiblingsDiscarded(run.from.id(), reason));
        host.publish(run.report(Report.SiblingsReport.Phase.DISCARDED, -1));
        host.publishState();
    }

    void adopt(int index) {
        Siblings.Run run = siblings;
        Event.Failure refused = run == null ? new Event.Failure(SessionProblem.NO_SIBLINGS_TO_ADOPT)
                : whyNotAdoptable(run, index);
        if (refused != null) {
            host.publishError(refused.problem(), refused.values().toArray(String[]::new));
            return;
        }
        siblings = null;
        run.cancelAndWait(60_000);
        Hyperparameters hp = run.hps.get(index);
        int epochsDone = run.epochsDone(index);
        boolean varied = run.beta != OptimizerBeta.NONE;
        host.event(new Event.SiblingsAdopted(run.from.id(), index, hp.learningRate(),
                varied ? run.beta.get(hp) : Double.NaN, varied ? run.beta.key() : null, epochsDone));
        host.publish(run.report(Report.SiblingsReport.Phase.ADOPTED, index));
        // Recorded as a rewind, a change of α and β and the same epochs trained again: the replay
        // of the run does exactly this, and the result equals the sibling's state bit for bit.
        if (!host.rewind(run.from.id())) {
            return; // the rewind was refused and reported
        }
        host.setHyperparameters(hp, "siblings");
        adoptedParams = run.trainers.get(index).network().parameters().toDoubleVector();
        adoptedIndex = index;
        if (!host.trainer().finished() && epochsDone > 0) {
            host.runEpochs(epochsDone);
        }
        host.publishState();
    }

    private Event.Failure whyNotAdoptable(Siblings.Run run, int index) {
        String sibling = String.valueOf(index + 1);
        if (index >= run.hps.size()) {
            return new Event.Failure(SessionProblem.NO_SUCH_SIBLING, sibling, String.valueOf(run.hps.size()));
        }
        Report.SiblingsReport.SiblingState s = run.state(index);
        if (s != Report.SiblingsReport.SiblingState.DONE) {
            return new Event.Failure(SessionProblem.SIBLING_NOT_DONE, sibling, s.name());
        }
        if (!host.trainer().checkpointing().canRewindTo(run.from.id())) {
            return new Event.Failure(SessionProblem.SIBLING_CHECKPOINT_GONE, sibling, run.from.id());
        }
        return null;
    }

    /** Any rewind ends the check of an adopted sibling: what follows is not its retraining. */
    void forgetAdopted() {
        adoptedParams = null;
    }

    /** After an adopted sibling's epochs: whether the main run reached the sibling's parameters exactly. */
    void checkAdopted() {
        double[] expected = adoptedParams;
        adoptedParams = null;
        if (expected == null) {
            return;
        }
        double[] actual = host.trainer().network().parameters().toDoubleVector();
        if (!Arrays.equals(expected, actual)) {
            LOG.warn("the adopted branch differs from sibling {}", adoptedIndex + 1);
            host.publishError(SessionProblem.ADOPTED_DIFFERS, String.valueOf(adoptedIndex + 1));
        }
    }
}
