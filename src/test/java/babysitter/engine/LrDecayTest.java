package babysitter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each decay form against its formula, worked out by hand, at epochs 0, 1 and 10. */
class LrDecayTest {
    private static final double A0 = 0.1;
    private static final double TOL = 1e-15;

    private static double at(LrDecay form, double rate, int every, int epoch) {
        return new Hyperparameters(A0, 0.9, 0.9, 0.999, 1e-8, form, rate, 0, 32,
                babysitter.engine.optim.OptimizerKind.SGD, every).learningRateAt(epoch);
    }

    @Test
    void exponentialDecayUsesItsRate() {
        // 0.8^10 = 0.1073741824
        assertThat(at(LrDecay.EXPONENTIAL, 0.8, 1, 0)).isCloseTo(0.1, within(TOL));
        assertThat(at(LrDecay.EXPONENTIAL, 0.8, 1, 1)).isCloseTo(0.08, within(TOL));
        assertThat(at(LrDecay.EXPONENTIAL, 0.8, 1, 10)).isCloseTo(0.01073741824, within(TOL));
    }

    @Test
    void exponentialDecayWithTheCoursesBaseIsBitForBitTheFormerFixedForm() {
        for (int e = 0; e < 30; e++) {
            assertThat(at(LrDecay.EXPONENTIAL, 0.95, 1, e)).isEqualTo(Math.pow(0.95, e) * A0);
        }
        assertThat(LrDecay.EXPONENTIAL.defaultRate()).isEqualTo(0.95);
    }

    @Test
    void inverseTimeDecay() {
        assertThat(at(LrDecay.INVERSE_TIME, 0.5, 1, 0)).isCloseTo(0.1, within(TOL));
        assertThat(at(LrDecay.INVERSE_TIME, 0.5, 1, 1)).isCloseTo(0.1 / 1.5, within(TOL));
        assertThat(at(LrDecay.INVERSE_TIME, 0.5, 1, 10)).isCloseTo(0.1 / 6, within(TOL));
    }

    @Test
    void inverseSquareRootDecayCountsTheEpochsFromOne() {
        // k = 2: 2·α0/√1, 2·α0/√2 = √2·α0, 2·α0/√11
        assertThat(at(LrDecay.INVERSE_SQRT, 2, 1, 0)).isCloseTo(0.2, within(TOL));
        assertThat(at(LrDecay.INVERSE_SQRT, 2, 1, 1)).isCloseTo(0.14142135623730950, within(TOL));
        assertThat(at(LrDecay.INVERSE_SQRT, 2, 1, 10)).isCloseTo(0.060302268915552724, within(TOL));
    }

    @Test
    void staircaseMultipliesByTheFactorEveryNEpochs() {
        // factor 0.5 every 4 epochs: epochs 0–3 α0, 4–7 α0/2, 8–11 α0/4
        assertThat(at(LrDecay.STAIRCASE, 0.5, 4, 0)).isEqualTo(0.1);
        assertThat(at(LrDecay.STAIRCASE, 0.5, 4, 1)).isEqualTo(0.1);
        assertThat(at(LrDecay.STAIRCASE, 0.5, 4, 3)).isEqualTo(0.1);
        assertThat(at(LrDecay.STAIRCASE, 0.5, 4, 4)).isEqualTo(0.05);
        assertThat(at(LrDecay.STAIRCASE, 0.5, 4, 10)).isEqualTo(0.025);
    }

    @Test
    void aParameterOutsideItsRangeIsRefusedAndNamed() {
        assertThatThrownBy(() -> at(LrDecay.EXPONENTIAL, 1.5, 1, 0)).isInstanceOf(LrDecay.InvalidParameter.class)
                .hasMessageContaining("(0, 1]").hasMessageContaining("1.5")
                .satisfies(e -> assertThat(((LrDecay.InvalidParameter) e).parameter()).isEqualTo("decayRate"));
        assertThatThrownBy(() -> at(LrDecay.EXPONENTIAL, 0, 1, 0)).isInstanceOf(LrDecay.InvalidParameter.class);
        assertThatThrownBy(() -> at(LrDecay.STAIRCASE, 0.5, 0, 0)).isInstanceOf(LrDecay.InvalidParameter.class)
                .satisfies(e -> assertThat(((LrDecay.InvalidParameter) e).parameter()).isEqualTo("decayEvery"));
        assertThatThrownBy(() -> at(LrDecay.INVERSE_SQRT, 0, 1, 0)).isInstanceOf(LrDecay.InvalidParameter.class);
        assertThatThrownBy(() -> at(LrDecay.INVERSE_TIME, -0.1, 1, 0)).isInstanceOf(LrDecay.InvalidParameter.class);
    }
}
