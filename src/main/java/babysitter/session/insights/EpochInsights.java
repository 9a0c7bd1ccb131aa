package babysitter.session.insights;

import babysitter.data.Dataset;
import babysitter.session.live.TrainingSession;
import babysitter.session.reports.Report;
import babysitter.session.training.Evaluator;
import babysitter.session.training.Trainer;
import babysitter.store.EpochMetric;
import babysitter.store.InsightRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The insight reports of each finished epoch of a {@link Trainer}: the dev confusion matrix
 * ({@link Report.ConfusionReport}, if the dev part has rows), the first dev rows with their
 * probabilities ({@link Report.SamplesReport}, train rows without a dev part) and, for data with
 * exactly two features, the decision regions ({@link Report.RegionsReport}), in that order. Each
 * is handed to a consumer (the live session publishes them) and, when the trainer records a run,
 * appended to its {@code insights.jsonl} ({@link Insights}).
 *
 * <p>Decision regions are the large part (about 5 KB an epoch): they are recorded for each of the
 * first {@value #EVERY_REGIONS_UNTIL} epochs and then every {@value #REGIONS_EVERY}th, so a long
 * run's folder stays small; the live session still shows every epoch's.
 *
 * <p>The one place that computes and records them: the live {@link TrainingSession} calls
 * {@link #onEpoch} right after its epoch report; the {@code train} command and search trials add
 * one as a trainer listener ({@link #attach}). Called on the trainer's thread.
 */
public final class EpochInsights implements Trainer.Listener {
    /** Epochs whose decision regions are all recorded. */
    static final int EVERY_REGIONS_UNTIL = 100;
    /** After those, the decision regions of every this-many-th epoch are recorded. */
    static final int REGIONS_EVERY = 10;

    private final Trainer trainer;
    private final Consumer<Report> out;
    private final boolean regions;
    private final Insights.Encoder encoder = new Insights.Encoder();
    /** Nanoseconds spent on the last epoch's confusion matrix (0 without dev rows). */
    private volatile long lastConfusionNanos;

    /**
     * @param out receives each report as it is made (before it is recorded)
     */
    public EpochInsights(Trainer trainer, Consumer<Report> out) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.out = Objects.requireNonNull(out, "out");
        this.regions = DecisionRegions.applies(trainer.data().split().train());
    }

    /**
     * Makes the trainer record each epoch's insight reports in its run store, as a live session
     * does; nothing happens for a trainer that records no run.
     *
     * @return the listener added
     */
    public static EpochInsights attach(Trainer trainer) {
        EpochInsights e = new EpochInsights(trainer, r -> { });
        trainer.addListener(e);
        return e;
    }

    /** Computes, hands out and records the epoch's insight reports. */
    @Override
    public void onEpoch(EpochMetric m) {
        confusion(m);
        samples(m);
        if (regions) {
            Report.RegionsReport r = DecisionRegions.compute(trainer.network(), trainer.data().split().train(),
                    DecisionRegions.DEFAULT_SIZE, DecisionRegions.DEFAULT_SIZE, m.epoch(), m.branch());
            emit(r, recordsRegions(m.epoch()));
        }
    }

    /** Whether the decision regions after epoch {@code epoch} (from 0) go to the run's file. */
    static boolean recordsRegions(int epoch) {
        return epoch < EVERY_REGIONS_UNTIL || (epoch + 1) % REGIONS_EVERY == 0;
    }

    /** Nanoseconds the last epoch's confusion matrix took (for measuring its cost). */
    long lastConfusionNanos() {
        return lastConfusionNanos;
    }

    /**
     * The dev set's confusion matrix in inference mode (if the dev set has rows): counted during the
     * epoch's dev evaluation, so it costs no second forward pass.
     */
    private void confusion(EpochMetric m) {
        Dataset dev = trainer.data().split().dev();
        if (dev.rows() == 0) {
            lastConfusionNanos = 0;
            return;
        }
        long t0 = System.nanoTime();
        // counted by the epoch's dev evaluation (the same forward pass); computed anew only if missing
        long[][] counts = trainer.devConfusion(m.epoch(), m.branch());
        if (counts == null) {
            counts = Evaluator.confusion(trainer.network(), dev, Trainer.EVAL_CHUNK);
        }
        List<String> names = trainer.data().split().train().classNames();
        if (names.size() != counts.length) {
            names = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                names.add(Integer.toString(i));
            }
        }
        Report.ConfusionReport r = Report.ConfusionReport.of(m.epoch(), m.branch(), names, counts);
        lastConfusionNanos = System.nanoTime() - t0;
        emit(r);
    }

    /** The first dev rows (train rows without a dev set) with their probabilities. */
    private void samples(EpochMetric m) {
        Dataset d = trainer.data().split().dev();
        if (d.rows() == 0) {
            d = trainer.data().split().train();
        }
        emit(Samples.compute(trainer.network(), d, trainer.data().standardizer(),
                trainer.data().split().train().classNames(), Samples.MAX_ROWS, m.epoch(), m.branch()));
    }

    private void emit(Report r) {
        emit(r, true);
    }

    private void emit(Report r, boolean record) {
        if (r == null) {
            return;
        }
        out.accept(r);
        if (trainer.runDir() == null || !record) {
            return;
        }
        InsightRecord rec = encoder.encode(r, trainer.clock().millis());
        if (rec != null) {
            trainer.recordInsight(rec);
        }
    }
}
