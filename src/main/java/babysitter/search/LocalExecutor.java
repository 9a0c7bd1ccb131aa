package babysitter.search;

import babysitter.engine.EngineThreads;
import babysitter.engine.Nd4jSetup;
import babysitter.session.configuration.CheckpointPolicy;
import babysitter.session.configuration.RunConfig;
import babysitter.session.insights.EpochInsights;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.store.EpochMetric;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials on a pool of {@code workers} threads in this process, each an ordinary recorded run
 * ({@link Runs#start}) with a disk checkpoint per epoch. OpenBLAS's thread count is process-global:
 * the constructor sets it to max(1, min(babysitter.blasThreads, cores / workers)) so that parallel trials do not oversubscribe
 * the cores (ND4J's own kernels stay on one thread, see {@link Nd4jSetup}).
 *
 * <p>A trial's network uses one engine thread ({@link EngineThreads}) whatever the pool's size:
 * the search gets its parallelism from running trials side by side, and a trial's numbers then do
 * not depend on how many workers ran beside it (float32 products split across threads round
 * differently).
 */
public final class LocalExecutor implements TrialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

    /**
     * System property: with {@code true}, every trial also records its epochs' insight reports
     * (confusion matrix, samples, decision regions for 2 features) in its insights.jsonl, as the
     * {@code train} command does. Off by default to keep trials cheap: measured, it adds about 1 ms
     * to a 17–27 ms digits epoch (4–5%) and 4–5 ms to a 36 ms spiral epoch (11–14%), see
     * docs/PERFORMANCE.md.
     */
    public static final String TRIAL_INSIGHTS = "babysitter.trialInsights";

    private final int workers;
    private final ExecutorService pool;
    private final Clock clock;
    private final int blasThreads;

    public LocalExecutor(int workers) {
        this(workers, Clock.systemUTC());
    }

    public LocalExecutor(int workers, Clock clock) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.workers = workers;
        this.clock = clock;
        this.blasThreads = configureThreads(workers);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "trial-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LOG.debug("{} trial worker(s), OpenBLAS threads {}", workers, blasThreads);
    }

    /**
     * OpenBLAS threads for that many workers on that many cores: the cores are divided among the
     * workers, and no worker gets more than the process's setting ({@code babysitter.blasThreads},
     * default 1) — on this engine's small products a second OpenBLAS thread mostly spins
     * (measured: one worker with 2 threads spent more time in the kernel than in Java, see
     * docs/PERFORMANCE.md).
     */
    static int blasThreadsFor(int workers, int cores, int configured) {
        return Math.max(1, Math.min(configured, cores / workers));
    }

    /**
     * Sets up ND4J for {@code workers} trials at once in this process and returns the OpenBLAS
     * thread count it set (see {@link #blasThreadsFor}); a cluster worker's slots use the same.
     */
    public static int configureThreads(int workers) {
        Nd4jSetup.configure();
        int threads = blasThreadsFor(workers, Runtime.getRuntime().availableProcessors(), Nd4jSetup.blasThreads());
        Nd4j.factory().blas().setMaxThreads(threads);
        return threads;
    }

    /** The OpenBLAS thread count this executor set. */
    public int blasThreads() {
        return blasThreads;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public void execute(TrialTask task, TrialTask.Callback callback) {
        pool.execute(() -> runTrial(task, callback, clock));
    }

    /**
     * Trains one trial on the calling thread, reporting through the callback. The trial ends
     * (onFinished / onFailed) only after its trainer is closed, so its run folder is complete by then.
     */
    public static void runTrial(TrialTask task, TrialTask.Callback cb, Clock clock) {
        int id = task.trialId();
        Trainer trainer = null;
        TrialNote failure = null;
        // One engine thread for every trial, on this pool or a cluster worker's slot (class comment).
        EngineThreads.setForThisThread(1);
        try {
            // every epoch's checkpoint stays: the trial's best by dev accuracy is where "Babysit this one" starts
            RunConfig config = task.config().withEpochs(task.epochs())
                    .withCheckpoints(CheckpointPolicy.KEEP_ALL);
            trainer = Runs.start(config, task.runsRoot(), null, clock);
            if (Boolean.getBoolean(TRIAL_INSIGHTS)) {
                EpochInsights.attach(trainer);
            }
            cb.onStarted(id, trainer.runDir());
            failure = train(id, trainer, cb);
        } catch (Throwable e) {
            LOG.warn("trial {} failed", id, e);
            String m = e.getMessage();
            failure = TrialNote.error(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
        } finally {
            if (trainer != null) {
                try {
                    trainer.close();
                } catch (RuntimeException e) {
                    LOG.warn("closing trial {}", id, e);
                }
            }
        }
        if (failure != null) {
            cb.onFailed(id, failure);
        } else {
            cb.onFinished(id);
        }
    }

    /** Trains until the end, a stop or a cancel (null), or a divergence (its note). */
    private static TrialNote train(int id, Trainer trainer, TrialTask.Callback cb) {
        double alpha = trainer.hyperparameters().learningRate();
        EpochMetric[] last = new EpochMetric[1];
        trainer.addListener(new Trainer.Listener() {
            @Override
            public void onEpoch(EpochMetric metric) {
                last[0] = metric;
            }
        });
        while (!trainer.finished()) {
            Trainer.StepResult r;
            do {
                if (cb.cancelled(id)) {
                    return null;
                }
                r = trainer.trainStep();
                if (!Double.isFinite(r.cost())) {
                    return TrialNote.diverged(r.epoch() + 1, r.cost(), alpha);
                }
            } while (!r.endOfEpoch());
            EpochMetric m = last[0];
            int epoch = trainer.epoch();
            if (!Double.isFinite(m.trainCost()) || Double.isInfinite(m.devCost())
                    || (Double.isNaN(m.devCost()) && !Double.isNaN(m.devAccuracy()))) {
                return Double.isFinite(m.trainCost()) ? TrialNote.divergedDev(epoch, m.devCost(), alpha)
                        : TrialNote.diverged(epoch, m.trainCost(), alpha);
            }
            EpochPoint p = new EpochPoint(epoch, m.trainCost(), m.devCost(), m.devAccuracy(), m.seconds());
            if (!cb.onEpoch(id, p, "epoch-%04d".formatted(epoch))) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
