package babysitter.session.live;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report;
import babysitter.session.training.TrainerTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LrRangeTestTest {

    private static double[] alphas(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1e-5 * Math.pow(1e5, i / (double) (n - 1));
        }
        return a;
    }

    @Test
    void theSuggestionIsWhereTheCostFallsFastestBeforeItsMinimum() {
        double[] a = alphas(100);
        double[] c = new double[100];
        for (int i = 0; i < 100; i++) {
            double x = Math.log10(a[i]);
            // flat at 2 until 1e-3, falls steepest around 1e-2, bottoms out near 1e-1, then blows up
            c[i] = x < -1 ? 1 + 1 / (1 + Math.exp(4 * (x + 2))) : 1 + 5 * (x + 1) * (x + 1) * (x > -1 ? 10 : 0);
        }
        double s = LrRangeTest.suggest(a, c);
        assertThat(Math.log10(s)).isBetween(-2.6, -1.4);
    }

    @Test
    void aCostThatNeverFallsGivesNoSuggestion() {
        double[] a = alphas(50);
        double[] c = new double[50];
        for (int i = 0; i < 50; i++) {
            c[i] = 1 + i * 0.1;
        }
        assertThat(LrRangeTest.suggest(a, c)).isNaN();
        assertThat(LrRangeTest.suggest(new double[] {1e-3, 1e-2}, new double[] {1, 0.5})).isNaN();
    }

    @Test
    void aRangeTestOnAFreshNetworkNeedsNoSessionAndRunsPastTheConfiguredEpochs() throws Exception {
        // one epoch of 6 steps (180 training rows, mini-batches of 32): the test takes 60 steps all the same
        RunConfig config = TrainerTest.spiral(1);
        Report.LrRangeReport r = LrRangeTest.onFreshNetwork(config, new Command.LrRangeTest(1e-4, 1, 60), () -> false);
        double[] alphas = r.learningRates();
        assertThat(alphas).hasSize(r.costs().length);
        assertThat(alphas.length).isGreaterThan(20);
        assertThat(alphas[0]).isEqualTo(1e-4);
        for (int i = 1; i < alphas.length; i++) {
            assertThat(alphas[i]).isGreaterThan(alphas[i - 1]);
        }
        assertThat(r.suggested()).isBetween(1e-4, 1.0);
        // the same configuration gives the same network: the test is repeatable
        Report.LrRangeReport again = LrRangeTest.onFreshNetwork(config, new Command.LrRangeTest(1e-4, 1, 60), () -> false);
        assertThat(again.costs()).containsExactly(r.costs());
    }

    @Test
    void aRangeTestStopsWhenAsked() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Report.LrRangeReport r = LrRangeTest.onFreshNetwork(TrainerTest.spiral(1), new Command.LrRangeTest(1e-4, 1, 60),
                () -> asked.incrementAndGet() > 7);
        assertThat(r.learningRates()).hasSize(7);
    }
}
