package babysitter.session.training;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.RunConfig;
import babysitter.store.EpochMetric;
import babysitter.store.Event;
import babysitter.store.Run;
import babysitter.store.RunEvent;
import babysitter.store.StepMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-runs a recorded run from its configuration, applying every recorded hyperparameter change,
 * checkpoint taken by hand and rewind at the step and branch where it happened, so that a session
 * steered by hand becomes reproducible: on the same machine the replay's costs equal the
 * original's bit for bit, on every branch.
 */
public final class Replay {
    private Replay() {
    }

    /** How the replay compared with the original. */
    public record Result(Path dir, long steps, int comparedSteps, long firstMismatchStep, double originalCost,
                         double replayedCost) {
        public boolean identical() {
            return firstMismatchStep < 0;
        }
    }

    /**
     * Replays {@code original} into a new run under {@code outRoot} (or records nothing when null),
     * up to the last step the original recorded.
     */
    public static Result run(Run original, Path outRoot, Clock clock, Trainer.Listener listener)
            throws IOException, ConfigException {
        RunConfig config = Runs.configOf(original);
        Path init = original.init();
        List<RunEvent> actions = new ArrayList<>();
        int finalBranch = 0;
        for (RunEvent e : original.events()) {
            finalBranch = Math.max(finalBranch, e.branch());
            Event what = e.event();
            boolean manualCheckpoint = what instanceof Event.CheckpointTaken c && !c.atEpochEnd();
            if (what instanceof Event.HyperparametersChanged || what instanceof Event.Rewind || manualCheckpoint) {
                actions.add(e);
            } else if (what instanceof Event.Other o && o.problem() != null && STEERING.contains(o.kind())) {
                throw unreadable(original, e, o);
            }
        }
        long lastStep = -1;
        for (StepMetric m : original.steps()) {
            if (m.branch() == finalBranch) {
                lastStep = Math.max(lastStep, m.step());
            }
        }
        for (EpochMetric m : original.epochs()) {
            if (m.branch() == finalBranch) {
                lastStep = Math.max(lastStep, m.step() - 1);
            }
        }
        Map<String, StepMetric> recorded = new HashMap<>();
        original.steps().forEach(m -> recorded.put(m.branch() + ":" + m.step(), m));

        Trainer trainer = Runs.start(config.withName(config.name() + "-replay"), outRoot, init, clock);
        // a rewind may go back further than the ring of checkpoints in memory reaches
        trainer.checkpointing().pin(actions.stream().map(RunEvent::event).filter(a -> a instanceof Event.Rewind)
                .map(a -> ((Event.Rewind) a).to()).toList());
        long[] mismatch = {-1};
        double[] costs = {Double.NaN, Double.NaN};
        int[] compared = {0};
        trainer.addListener(new Trainer.Listener() {
            @Override
            public void onStep(StepMetric m) {
                StepMetric o = recorded.get(m.branch() + ":" + m.step());
                if (o != null) {
                    compared[0]++;
                    if (mismatch[0] < 0 && Double.doubleToLongBits(o.cost()) != Double.doubleToLongBits(m.cost())) {
                        mismatch[0] = m.step();
                        costs[0] = o.cost();
                        costs[1] = m.cost();
                    }
                }
            }
        });
        if (listener != null) {
            trainer.addListener(listener);
        }
        for (RunEvent a : actions) {
            // A rewind is recorded on the branch it makes, at the step it goes back to; it happened
            // where the branch it left was.
            Event.Rewind rewind = a.event() instanceof Event.Rewind r ? r : null;
            int atBranch = rewind != null ? rewind.fromBranch() : a.branch();
            long atStep = rewind != null ? rewind.fromStep() : a.step();
            advance(trainer, atBranch, atStep - 1);
            if (trainer.branch() != atBranch || trainer.step() != atStep) {
                throw new ConfigException("", original.dir().resolve("events.jsonl") + ": the replay reached step "
                        + trainer.step() + " of branch " + trainer.branch() + " but the recorded " + a.kind()
                        + " happened at step " + atStep + " of branch " + atBranch);
            }
            if (a.event() instanceof Event.HyperparametersChanged h) {
                trainer.setHyperparameters(h.to(), "replay");
            } else if (rewind != null) {
                trainer.rewind(rewind.to());
            } else {
                trainer.checkpoint(((Event.CheckpointTaken) a.event()).source());
            }
        }
        advance(trainer, finalBranch, lastStep);
        trainer.close();
        return new Result(trainer.runDir(), trainer.step(), compared[0], mismatch[0], costs[0], costs[1]);
    }

    /** Trains on branch {@code branch} until step {@code last} is done (or the run is finished). */
    private static void advance(Trainer trainer, int branch, long last) {
        while (trainer.branch() == branch && trainer.step() <= last && !trainer.finished()) {
            trainer.trainStep();
        }
    }

    /** The kinds of event that steer a run: one of them that cannot be read makes a replay impossible. */
    static final Set<String> STEERING = Set.of("hyperparameters", "rewind", "checkpoint");

    /** Why a run cannot be trained again: a steering event of it cannot be read. */
    static ConfigException unreadable(Run run, RunEvent e, Event.Other o) {
        return new ConfigException("", run.dir().resolve("events.jsonl") + ": the " + o.kind() + " event at step "
                + e.step() + " of branch " + e.branch() + " cannot be read: " + o.problem());
    }
}
