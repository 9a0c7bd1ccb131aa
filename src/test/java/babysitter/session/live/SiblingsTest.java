package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.reports.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The siblings' α and β: drawn on their scales, in their windows, reproducibly. */
class SiblingsTest {

    static final Hyperparameters HP = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.MOMENTUM)
            .withLearningRate(0.01).withMomentum(0.9);

    @Test
    void alphaIsDrawnUniformlyInLog10WithinTheWindow() {
        List<Hyperparameters> hps = Siblings.draw(HP, 4001, 0.5, 0.5, 11);
        assertThat(hps.get(0)).as("sibling 1 is the control").isEqualTo(HP);
        double lo = 0.01 / Math.sqrt(10);
        double hi = 0.01 * Math.sqrt(10);
        int[] quarter = new int[4];
        double sum = 0;
        for (Hyperparameters h : hps.subList(1, hps.size())) {
            assertThat(h.learningRate()).isBetween(lo * (1 - 1e-12), hi * (1 + 1e-12));
            double r = Math.log10(h.learningRate() / 0.01); // in [-0.5, 0.5]
            quarter[Math.min(3, (int) ((r + 0.5) * 4))]++;
            sum += r;
        }
        // uniform in log10: each quarter of the window has about a quarter of the draws (±4 σ)
        for (int q : quarter) {
            assertThat(q).isBetween(1000 - 110, 1000 + 110);
        }
        assertThat(sum / 4000).isCloseTo(0, within(0.02));
        // on a linear scale the draws would put half of them above α0 + (hi−lo)/2; the log scale puts ~29 % there
        long aboveLinearMiddle = hps.stream().skip(1).filter(h -> h.learningRate() > (lo + hi) / 2).count();
        assertThat(aboveLinearMiddle).isBetween(1000L, 1400L);
    }

    @Test
    void oneMinusBetaIsDrawnUniformlyInLog10WithinTheWindow() {
        List<Hyperparameters> hps = Siblings.draw(HP, 4001, 0.5, 0.5, 12);
        int[] quarter = new int[4];
        for (Hyperparameters h : hps.subList(1, hps.size())) {
            double oneMinus = 1 - h.momentum();
            assertThat(oneMinus).isBetween(0.1 / Math.sqrt(10) * (1 - 1e-9), 0.1 * Math.sqrt(10) * (1 + 1e-9));
            double r = Math.log10(oneMinus / 0.1);
            quarter[Math.min(3, (int) ((r + 0.5) * 4))]++;
        }
        for (int q : quarter) {
            assertThat(q).isBetween(1000 - 110, 1000 + 110);
        }
    }

    @Test
    void betaIsClippedAndOtherHyperparametersStay() {
        Hyperparameters near = HP.withMomentum(0.9995).withL2(0.01).withBatchSize(16);
        for (Hyperparameters h : Siblings.draw(near, 500, 0, 1, 3)) {
            assertThat(h.momentum()).isBetween(0.0, Siblings.MAX_BETA);
            assertThat(h.learningRate()).as("a window of 0 decades keeps α").isEqualTo(0.01);
            assertThat(h.l2()).isEqualTo(0.01);
            assertThat(h.batchSize()).isEqualTo(16);
        }
        assertThat(Siblings.draw(near, 500, 0, 1, 3)).anyMatch(h -> h.momentum() == Siblings.MAX_BETA);
        // 1−β0 = 0.5 with a window of 1 decade: 1−β up to 5 would make β negative; it is clipped to 0
        assertThat(Siblings.draw(HP.withMomentum(0.5), 500, 0, 1, 3)).anyMatch(h -> h.momentum() == 0.0);
    }

    @Test
    void withAdamTheDrawsMoveBeta1InItsWindowAndLeaveMomentumAndBeta2() {
        // momentum 0.5 and β1 0.95 differ, so a draw around the wrong one would show
        Hyperparameters adam = Hyperparameters.DEFAULTS.withLearningRate(0.01).withMomentum(0.5).withBetas(0.95, 0.999);
        List<Hyperparameters> hps = Siblings.draw(adam, 2001, 0.5, 0.5, 21);
        assertThat(hps.get(0)).isEqualTo(adam);
        int[] quarter = new int[4];
        for (Hyperparameters h : hps.subList(1, hps.size())) {
            assertThat(h.momentum()).as("momentum is not Adam's").isEqualTo(0.5);
            assertThat(h.beta2()).isEqualTo(0.999);
            assertThat(h.optimizer()).isEqualTo(OptimizerKind.ADAM);
            double oneMinus = 1 - h.beta1();
            assertThat(oneMinus).isBetween(0.05 / Math.sqrt(10) * (1 - 1e-9), 0.05 * Math.sqrt(10) * (1 + 1e-9));
            double r = Math.log10(oneMinus / 0.05);
            quarter[Math.min(3, (int) ((r + 0.5) * 4))]++;
        }
        for (int q : quarter) {
            assertThat(q).isBetween(500 - 80, 500 + 80);
        }
        // clipped as for momentum
        assertThat(Siblings.draw(adam.withBetas(0.9995, 0.999), 300, 0, 1, 3))
                .allMatch(h -> h.beta1() <= Siblings.MAX_BETA).anyMatch(h -> h.beta1() == Siblings.MAX_BETA);
        assertThat(OptimizerBeta.of(OptimizerKind.ADAM).symbol()).isEqualTo("β1");
    }

    @Test
    void withRmspropTheDrawsMoveBeta2TheDecayOfItsAverageOfTheSquares() {
        Hyperparameters rms = Hyperparameters.DEFAULTS.withOptimizer(OptimizerKind.RMSPROP).withMomentum(0.5)
                .withBetas(0.8, 0.99);
        List<Hyperparameters> hps = Siblings.draw(rms, 501, 0.5, 0.5, 22);
        for (Hyperparameters h : hps.subList(1, hps.size())) {
            assertThat(h.momentum()).isEqualTo(0.5);
            assertThat(h.beta1()).isEqualTo(0.8);
            assertThat(1 - h.beta2()).isBetween(0.01 / Math.sqrt(10) * (1 - 1e-9), 0.01 * Math.sqrt(10) * (1 + 1e-9));
        }
        assertThat(hps.stream().map(Hyperparameters::beta2).distinct().count()).isGreaterThan(400);
        assertThat(OptimizerBeta.of(OptimizerKind.RMSPROP).symbol()).isEqualTo("β2");
    }

    @Test
    void withSgdOnlyAlphaVariesAndItsDrawsAreThoseOfTheOtherOptimisers() {
        Hyperparameters sgd = HP.withOptimizer(OptimizerKind.SGD).withBetas(0.95, 0.999);
        List<Hyperparameters> hps = Siblings.draw(sgd, 200, 0.5, 1, 23);
        assertThat(hps).allMatch(h -> h.momentum() == 0.9 && h.beta1() == 0.95 && h.beta2() == 0.999);
        assertThat(hps.stream().map(Hyperparameters::learningRate).distinct().count()).isEqualTo(200);
        // the same seed gives the same α whatever the optimiser
        assertThat(hps).extracting(Hyperparameters::learningRate)
                .containsExactlyElementsOf(Siblings.draw(HP, 200, 0.5, 1, 23).stream()
                        .map(Hyperparameters::learningRate).toList());
        assertThat(OptimizerBeta.of(OptimizerKind.SGD)).isEqualTo(OptimizerBeta.NONE);
        assertThat(OptimizerBeta.NONE.get(sgd)).isNaN();
    }

    @Test
    void theSameSeedGivesTheSameSiblings() {
        assertThat(Siblings.draw(HP, 6, 0.5, 0.5, 42)).isEqualTo(Siblings.draw(HP, 6, 0.5, 0.5, 42));
        assertThat(Siblings.draw(HP, 6, 0.5, 0.5, 42)).isNotEqualTo(Siblings.draw(HP, 6, 0.5, 0.5, 43));
    }

    @Test
    void theCommandNamesTheValueAndTheRule() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Command.TrySiblings(1, 2, 0.5, 0.5, 1))
                .hasMessageContaining("from 2 to 16").hasMessageContaining("got 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Command.TrySiblings(4, 0, 0.5, 0.5, 1))
                .hasMessageContaining("epochs").hasMessageContaining("got 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Command.TrySiblings(4, 2, Double.NaN, 0.5, 1))
                .hasMessageContaining("α window");
    }

    @Test
    void theWinnerHasTheBestDevAccuracyThenTheLowerDevCost() {
        var s = Report.SiblingsReport.SiblingState.DONE;
        Report.SiblingsReport r = new Report.SiblingsReport("epoch-0001", 6, 1, 0, 1, 2,
                Report.SiblingsReport.Phase.DONE, List.of(
                        new Report.SiblingsReport.Sibling(0, 0.01, 0.9, true, s, List.of(0.5), List.of(0.6), List.of(0.8), ""),
                        new Report.SiblingsReport.Sibling(1, 0.02, 0.9, false, s, List.of(0.4), List.of(0.5), List.of(0.8), ""),
                        new Report.SiblingsReport.Sibling(2, 0.03, 0.9, false, Report.SiblingsReport.SiblingState.DIVERGED,
                                List.of(0.1), List.of(0.1), List.of(0.99), "")), -1, OptimizerBeta.MOMENTUM);
        assertThat(r.winner()).isEqualTo(1);
        Report.SiblingsReport noDev = new Report.SiblingsReport("epoch-0001", 6, 1, 0, 1, 2,
                Report.SiblingsReport.Phase.DONE, List.of(
                        new Report.SiblingsReport.Sibling(0, 0.01, 0.9, true, s, List.of(0.3), List.of(Double.NaN),
                                List.of(Double.NaN), ""),
                        new Report.SiblingsReport.Sibling(1, 0.02, 0.9, false, s, List.of(0.4), List.of(Double.NaN),
                                List.of(Double.NaN), "")), -1, OptimizerBeta.MOMENTUM);
        assertThat(noDev.winner()).isEqualTo(0);
    }
}
