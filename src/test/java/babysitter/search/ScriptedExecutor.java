package babysitter.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * A trial executor without training: the dev accuracy of epoch e is a scripted function of the
 * trial's configuration. Makes a (empty) run folder so that the search's bookkeeping is the same.
 */
public final class ScriptedExecutor implements TrialExecutor {
    private final int workers;
    private final ExecutorService pool;
    private final BiFunction<TrialTask, Integer, Double> accuracy;

    public ScriptedExecutor(int workers, BiFunction<TrialTask, Integer, Double> accuracy) {
        this.workers = workers;
        this.pool = Executors.newFixedThreadPool(workers);
        this.accuracy = accuracy;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void execute(TrialTask task, TrialTask.Callback cb) {
        pool.execute(() -> {
            try {
                Path dir = task.runsRoot().resolve(task.config().name() + "-" + System.nanoTime());
                Files.createDirectories(dir);
                cb.onStarted(task.trialId(), dir);
                for (int e = 1; e <= task.epochs(); e++) {
                    if (cb.cancelled(task.trialId())) {
                        cb.onFinished(task.trialId());
                        return;
                    }
                    double acc = accuracy.apply(task, e);
                    if (Double.isNaN(acc)) {
                        cb.onFailed(task.trialId(), TrialNote.diverged(e, Double.NaN, 0.1));
                        return;
                    }
                    if (!cb.onEpoch(task.trialId(), new EpochPoint(e, 1 - acc, 1 - acc, acc, 0.01), "epoch-%04d".formatted(e))) {
                        cb.onFinished(task.trialId());
                        return;
                    }
                }
                cb.onFinished(task.trialId());
            } catch (Exception ex) {
                cb.onFailed(task.trialId(), TrialNote.error(String.valueOf(ex)));
            }
        });
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
