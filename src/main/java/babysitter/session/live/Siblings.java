package babysitter.session.live;

import babysitter.data.SeededRandom;
import babysitter.engine.Hyperparameters;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.reports.Report.SiblingsReport.SiblingState;
import babysitter.session.reports.Report.SiblingsReport;
import babysitter.session.reports.Report;
import babysitter.session.training.Snapshot;
import babysitter.session.training.Trainer;
import babysitter.store.EpochMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Try siblings" (the course's "caviar" way inside a babysitting session): copies of the run from
 * one checkpoint, each with α and the optimiser's β (see {@link OptimizerBeta}) drawn around the current
 * values on their scales, trained in parallel for a few epochs. Nothing of the siblings goes to the run store; the session records
 * one event when they start and one when they are adopted or discarded.
 */
public final class Siblings {
    private static final Logger LOG = LoggerFactory.getLogger(Siblings.class);

    /** The highest β a sibling gets (as on the β slider). */
    public static final double MAX_BETA = 0.9999;

    private Siblings() {
    }

    /**
     * The siblings' hyperparameters: sibling 0 is {@code hp} itself (the control); sibling i ≥ 1 has
     * α = α0 · 10^r with r uniform in [−alphaDecades, alphaDecades] (log scale) and, for the β of
     * {@code hp}'s optimiser ({@link OptimizerBeta#of}), 1 − β = (1 − β0) · 10^r' with r' uniform in
     * [−betaDecades, betaDecades] (the one-minus-log scale), β clipped to [0, {@value #MAX_BETA}].
     * The other βs stay; with SGD only α varies. The same seed gives the same draws (and the same α
     * whatever the optimiser).
     */
    public static List<Hyperparameters> draw(Hyperparameters hp, int count, double alphaDecades, double betaDecades,
                                             long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("siblings: the count must be at least 1, got " + count);
        }
        OptimizerBeta varied = OptimizerBeta.of(hp.optimizer());
        SeededRandom random = new SeededRandom(seed);
        List<Hyperparameters> out = new ArrayList<>(count);
        out.add(hp);
        for (int i = 1; i < count; i++) {
            double r = (2 * random.nextDouble() - 1) * alphaDecades;
            double rb = (2 * random.nextDouble() - 1) * betaDecades; // drawn for SGD too: α stays the same
            Hyperparameters h = hp.withLearningRate(hp.learningRate() * Math.pow(10, r));
            if (varied != OptimizerBeta.NONE) {
                double beta = 1 - (1 - varied.get(hp)) * Math.pow(10, rb);
                h = varied.with(h, Math.max(0, Math.min(MAX_BETA, beta)));
            }
            out.add(h);
        }
        return out;
    }

    /**
     * Worker threads for {@code count} siblings: one each, at most one per core (or at most the
     * system property {@code babysitter.siblingThreads}, for measuring).
     */
    public static int threadsFor(int count) {
        int cap = Integer.getInteger("babysitter.siblingThreads", Runtime.getRuntime().availableProcessors());
        return Math.max(1, Math.min(count, cap));
    }

    /** Siblings training on a pool of their own; the session's thread starts, cancels and reads them. */
    static final class Run {
        final Snapshot.CheckpointSummary from;
        final int epochs;
        final List<Hyperparameters> hps;
        final OptimizerBeta beta;
        final List<Trainer> trainers;
        final int threads;
        private final Consumer<Report> publish;
        private final SiblingState[] states;
        private final List<List<Double>> trainCost = new ArrayList<>();
        private final List<List<Double>> devCost = new ArrayList<>();
        private final List<List<Double>> devAcc = new ArrayList<>();
        private final String[] threadNames;
        private volatile boolean cancelled;
        private ExecutorService pool;

        Run(Snapshot.CheckpointSummary from, int epochs, List<Hyperparameters> hps, List<Trainer> trainers,
            Consumer<Report> publish) {
            this.from = from;
            this.epochs = epochs;
            this.hps = List.copyOf(hps);
            this.beta = OptimizerBeta.of(this.hps.get(0).optimizer());
            this.trainers = List.copyOf(trainers);
            this.threads = threadsFor(hps.size());
            this.publish = publish;
            this.states = new SiblingState[hps.size()];
            this.threadNames = new String[hps.size()];
            for (int i = 0; i < hps.size(); i++) {
                states[i] = SiblingState.WAITING;
                threadNames[i] = "";
                trainCost.add(new ArrayList<>());
                devCost.add(new ArrayList<>());
                devAcc.add(new ArrayList<>());
            }
        }

        void start() {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sibling-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            for (int i = 0; i < trainers.size(); i++) {
                int index = i;
                pool.execute(() -> train(index));
            }
            pool.shutdown();
            publish.accept(report(null, -1));
        }

        private void train(int i) {
            Trainer t = trainers.get(i);
            synchronized (this) {
                if (cancelled) {
                    states[i] = SiblingState.CANCELLED;
                    return;
                }
                states[i] = SiblingState.RUNNING;
                threadNames[i] = Thread.currentThread().getName();
            }
            EpochMetric[] last = new EpochMetric[1];
            t.addListener(new Trainer.Listener() {
                @Override
                public void onEpoch(EpochMetric m) {
                    last[0] = m;
                }
            });
            SiblingState end;
            try {
                int done = 0;
                end = SiblingState.DONE;
                while (done < epochs && !t.finished()) {
                    if (cancelled) {
                        end = SiblingState.CANCELLED;
                        break;
                    }
                    Trainer.StepResult r = t.trainStep();
                    if (!Double.isFinite(r.cost())) {
                        end = SiblingState.DIVERGED;
                        break;
                    }
                    if (r.endOfEpoch()) {
                        done++;
                        synchronized (this) {
                            trainCost.get(i).add(last[0].trainCost());
                            devCost.get(i).add(last[0].devCost());
                            devAcc.get(i).add(last[0].devAccuracy());
                        }
                        publish.accept(report(null, -1));
                    }
                }
            } catch (RuntimeException | Error e) {
                LOG.warn("sibling {} failed: {}", i + 1, e.toString());
                end = SiblingState.FAILED;
            }
            synchronized (this) {
                states[i] = end;
            }
            publish.accept(report(null, -1));
        }

        /** Asks the siblings to stop at their next step. */
        void cancel() {
            cancelled = true;
        }

        /** Cancels and waits for the workers (at most {@code millis}). */
        void cancelAndWait(long millis) {
            cancel();
            awaitEnd(millis);
        }

        /** Waits for the workers to end (at most {@code millis}); whether they did. */
        boolean awaitEnd(long millis) {
            if (pool == null) {
                return true;
            }
            try {
                return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        synchronized SiblingState state(int i) {
            return states[i];
        }

        synchronized int epochsDone(int i) {
            return trainCost.get(i).size();
        }

        /** The report as things are; {@code phase} null for RUNNING or DONE as the states say. */
        synchronized SiblingsReport report(SiblingsReport.Phase phase, int adopted) {
            List<SiblingsReport.Sibling> list = new ArrayList<>();
            boolean running = false;
            for (int i = 0; i < hps.size(); i++) {
                SiblingState s = states[i];
                if (phase != null && (s == SiblingState.WAITING || s == SiblingState.RUNNING)) {
                    s = SiblingState.CANCELLED;
                }
                running |= s == SiblingState.WAITING || s == SiblingState.RUNNING;
                Hyperparameters hp = hps.get(i);
                list.add(new SiblingsReport.Sibling(i, hp.learningRate(), beta.get(hp), i == 0, s, trainCost.get(i),
                        devCost.get(i), devAcc.get(i), threadNames[i]));
            }
            SiblingsReport.Phase p = phase != null ? phase
                    : running ? SiblingsReport.Phase.RUNNING : SiblingsReport.Phase.DONE;
            return new SiblingsReport(from.id(), from.step(), from.epoch(), from.branch(), epochs, threads, p, list,
                    adopted, beta);
        }
    }
}
