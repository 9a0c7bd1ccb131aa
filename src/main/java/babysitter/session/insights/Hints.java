package babysitter.session.insights;

import babysitter.session.reports.Report;
import babysitter.session.training.LayerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Advice from the recent epochs, for a person to read next to the charts: it never acts by
 * itself. Each {@link Hint} holds what it saw; the window words it.
 * <ul>
 * <li>plateau: the training cost has moved by less than 1 % over the last {@value #PLATEAU_EPOCHS}
 *     epochs while the gradients are small;</li>
 * <li>large updates: some layer's ‖ΔW‖/‖W‖ is above {@value #RATIO_HIGH} (around 1e-3 is
 *     usual);</li>
 * <li>train/inference gap: the dev accuracy with batch statistics and with the running
 *     statistics differ by more than {@value #GAP} — batch norm's statistics from mini-batches
 *     this small are noisy;</li>
 * <li>dead units: more than half of a ReLU layer's units output nothing;</li>
 * <li>saturation: more than half of a tanh or sigmoid layer's units are saturated;</li>
 * <li>over-fitting (high variance, course notes): at least {@value #OVERFIT_EPOCHS} epochs after
 *     its lowest, the dev cost is above {@value #OVERFIT_RISE} × that lowest, and so is the mean of
 *     the last {@value #OVERFIT_EPOCHS} epochs' (a sustained rise, not one noisy epoch), while the
 *     training cost went on falling and stays below the dev cost (the gap of high variance; a dev
 *     cost under the training cost is noise on a problem already solved).</li>
 * </ul>
 */
public final class Hints {
    static final int PLATEAU_EPOCHS = 4;
    static final double RATIO_HIGH = 1e-2;
    static final double GAP = 0.05;
    static final double SMALL_GRADIENT = 1e-3;
    static final int OVERFIT_EPOCHS = 3;
    static final double OVERFIT_RISE = 1.1;

    private Hints() {
    }

    /** The over-fitting hint, when the dev cost rises from its lowest while the training cost falls. */
    private static Optional<Hint> overfitting(List<Report.EpochReport> epochs) {
        int best = -1;
        for (int i = 0; i < epochs.size(); i++) {
            double dev = epochs.get(i).devCost();
            if (Double.isFinite(dev) && (best < 0 || dev < epochs.get(best).devCost())) {
                best = i;
            }
        }
        Report.EpochReport last = epochs.get(epochs.size() - 1);
        if (best < 0 || epochs.size() - 1 - best < OVERFIT_EPOCHS) {
            return Optional.empty();
        }
        Report.EpochReport low = epochs.get(best);
        double recent = epochs.subList(epochs.size() - OVERFIT_EPOCHS, epochs.size()).stream()
                .mapToDouble(Report.EpochReport::devCost).average().orElse(Double.NaN);
        if (!(last.devCost() > OVERFIT_RISE * low.devCost()) || !(recent > OVERFIT_RISE * low.devCost())
                || !(last.trainCost() < low.trainCost()) || !(last.trainCost() < last.devCost())) {
            return Optional.empty();
        }
        return Optional.of(new Hint.Overfitting(low.devCost(), low.epoch() + 1, last.devCost(), low.trainCost(),
                last.trainCost()));
    }

    /** Hints for the epochs so far (oldest first); empty when there is nothing to say. */
    public static List<Hint> of(List<Report.EpochReport> epochs) {
        List<Hint> out = new ArrayList<>();
        if (epochs.isEmpty()) {
            return out;
        }
        Report.EpochReport last = epochs.get(epochs.size() - 1);
        if (epochs.size() > PLATEAU_EPOCHS) {
            Report.EpochReport before = epochs.get(epochs.size() - 1 - PLATEAU_EPOCHS);
            double change = Math.abs(last.trainCost() - before.trainCost()) / Math.max(1e-12, Math.abs(before.trainCost()));
            double grad = last.layers().stream().mapToDouble(LayerStats::gradNorm).max().orElse(Double.NaN);
            if (change < 0.01 && grad < SMALL_GRADIENT) {
                out.add(new Hint.Plateau(change, PLATEAU_EPOCHS, grad));
            }
        }
        for (LayerStats l : last.layers()) {
            if (l.updateRatio() > RATIO_HIGH) {
                out.add(new Hint.LargeUpdates(l.layer(), l.updateRatio()));
            }
            if (l.deadShare() > 0.5) {
                out.add(new Hint.DeadUnits(l.layer(), l.deadShare()));
            }
            if (l.saturatedShare() > 0.5) {
                out.add(new Hint.Saturated(l.layer(), l.saturatedShare()));
            }
        }
        overfitting(epochs).ifPresent(out::add);
        double gap = Math.abs(last.devAccuracy() - last.devAccuracyTrainMode());
        if (gap > GAP) {
            out.add(new Hint.BatchNormGap(last.devAccuracy(), last.devAccuracyTrainMode()));
        }
        return out;
    }
}
