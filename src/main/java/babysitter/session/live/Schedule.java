package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.ScheduleEntry;
import babysitter.session.training.Trainer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a run's {@code schedule} (see {@link ScheduleEntry}): each entry whose point the run
 * reaches by training is applied before the next step, in the order of the list, as a person's
 * change is ({@link HyperparameterChange}: an automatic checkpoint first for α or a β, a
 * "hyperparameters" event with {@code "source": "schedule"}). The headless {@code train} calls
 * {@link #applyDue()} before each step; a live {@link TrainingSession} has it as a rule.
 *
 * <p>A point reached by going back to a checkpoint is not applied again there (going back to the
 * automatic checkpoint before an entry undoes it); a new branch that trains past the point gets it
 * again. A replay applies none: it repeats the recorded events instead.
 */
public final class Schedule implements SessionRule {
    /** The source of the events a schedule records. */
    public static final String SOURCE = "schedule";

    private final Trainer trainer;
    private final List<ScheduleEntry> entries;
    /** The step a rewind arrived at, where nothing is applied; -1 for none. */
    private long arrivedByRewind = -1;

    public Schedule(Trainer trainer) {
        this.trainer = trainer;
        this.entries = trainer.config().schedule();
    }

    /** Applies the entries due before the trainer's next step (headless training). */
    public void applyDue() {
        applyDue(next -> HyperparameterChange.apply(trainer, next, SOURCE));
    }

    @Override
    public void beforeStep(RuleActions act) {
        applyDue(next -> act.setHyperparameters(next, SOURCE));
    }

    private void applyDue(Consumer<Hyperparameters> change) {
        boolean rewoundHere = arrivedByRewind == trainer.step();
        arrivedByRewind = -1;
        if (rewoundHere) {
            return;
        }
        for (ScheduleEntry e : entries) {
            if (e.at().reached(trainer.step(), trainer.epoch(), trainer.inEpoch())) {
                change.accept(e.set().applyTo(trainer.hyperparameters()));
            }
        }
    }

    @Override
    public void onRewind(String id) {
        arrivedByRewind = trainer.step();
    }
}
