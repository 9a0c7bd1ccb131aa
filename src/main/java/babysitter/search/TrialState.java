package babysitter.search;

/** Where a trial is: waiting, training, or finished one of three ways. */
public enum TrialState {
    PENDING, RUNNING, DONE, /** early-stopped as a poor trial */ STOPPED, FAILED;

    /** Whether the trial will not train again. */
    public boolean finished() {
        return this == DONE || this == STOPPED || this == FAILED;
    }
}
