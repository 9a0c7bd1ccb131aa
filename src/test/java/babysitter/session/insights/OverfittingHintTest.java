package babysitter.session.insights;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The course's high-variance case, as a recorded Fashion-MNIST history showed it: from epoch 5 the
 * dev cost rises while the training cost keeps falling.
 */
class OverfittingHintTest {
    // train and dev cost per epoch of a 30-epoch run (the first ten epochs)
    static final double[] TRAIN = {0.52, 0.38, 0.34, 0.31, 0.29, 0.27, 0.25, 0.24, 0.22, 0.21};
    static final double[] DEV = {0.43, 0.38, 0.36, 0.35, 0.34, 0.35, 0.36, 0.37, 0.39, 0.40};

    private static List<Report.EpochReport> history(double[] train, double[] dev, int n) {
        List<Report.EpochReport> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            out.add(new Report.EpochReport(e, 469L * (e + 1), 0, train[e], 0.9, dev[e], 0.88, dev[e], 0.88, 3.1,
                    List.of()));
        }
        return out;
    }

    @Test
    void aRisingDevCostUnderAFallingTrainingCostIsNamedWithTheEpochToGoBackTo() {
        List<Hint> hints = Hints.of(history(TRAIN, DEV, 10));
        assertThat(hints).containsExactly(new Hint.Overfitting(0.34, 5, 0.40, 0.29, 0.21));
    }

    @Test
    void aDevCostThatOnlyWobblesOrHasJustTurnedIsNotOverfitting() {
        assertThat(Hints.of(history(TRAIN, DEV, 7))).noneMatch(h -> h instanceof Hint.Overfitting);
        double[] wobble = {0.43, 0.38, 0.36, 0.35, 0.34, 0.345, 0.341, 0.343, 0.342, 0.344};
        double[] oneBadEpoch = {0.43, 0.38, 0.36, 0.35, 0.34, 0.345, 0.341, 0.343, 0.342, 0.39};
        assertThat(Hints.of(history(TRAIN, wobble, 10))).noneMatch(h -> h instanceof Hint.Overfitting);
        assertThat(Hints.of(history(TRAIN, oneBadEpoch, 10))).noneMatch(h -> h instanceof Hint.Overfitting);
        // spiral in the window: a tiny dev cost rising 0.034 → 0.042 under a training cost of 0.25
        double[] train = {0.8, 0.58, 0.5, 0.4, 0.33, 0.33, 0.3, 0.28, 0.26, 0.245};
        double[] dev = {0.5, 0.35, 0.25, 0.2, 0.034, 0.037, 0.04, 0.039, 0.041, 0.042};
        assertThat(Hints.of(history(train, dev, 10))).noneMatch(h -> h instanceof Hint.Overfitting);
    }
}
