package babysitter.session.live;

import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.Rules;
import babysitter.session.reports.Report;
import babysitter.session.training.Trainer;
import babysitter.store.Event;

/** What an automatic rule may do to the session it watches; called on the training thread. */
interface RuleActions {

    Trainer trainer();

    Rules rules();

    /** Goes back to a checkpoint as a new branch, as a person's rewind does (every rule is told). */
    boolean rewind(String checkpointId);

    /** Changes the hyperparameters from the next step, recorded with {@code source} as who changed them. */
    void setHyperparameters(Hyperparameters next, String source);

    /** Stops stepping and puts the session into {@code state} (paused, guard tripped, finished). */
    void halt(Report.State state);

    /** Whether the session is running (not paused, stepping or halted). */
    boolean running();

    /** Records an event at the current step. */
    void event(Event e);

    /** Records an event about an earlier step of this branch. */
    void event(Event e, long step, int epoch);
}
