package babysitter.search;

/** Where trials run: today a local pool ({@link LocalExecutor}); a distributed engine can implement the same later. */
public interface TrialExecutor extends AutoCloseable {
    /** How many trials run at once. */
    int workers();

    /** Runs the task asynchronously, reporting through the callback (from any thread). */
    void execute(TrialTask task, TrialTask.Callback callback);

    @Override
    void close();
}
