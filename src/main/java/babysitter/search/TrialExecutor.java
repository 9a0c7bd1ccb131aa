package babysitter.search;

/** Where trials run: a local pool ({@link LocalExecutor}, the default) or the members of a cluster ({@code search.cluster}). */
public interface TrialExecutor extends AutoCloseable {
    /** How many trials run at once. */
    int workers();

    /** Runs the task asynchronously, reporting through the callback (from any thread). */
    void execute(TrialTask task, TrialTask.Callback callback);

    @Override
    void close();
}
