package babysitter.ui.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;

class PathRaceTest {
    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withLearningRate(0.05).withMomentum(0.9);

    private static PathRace race() {
        return new PathRace(Surface.standard(), HP, 0.05, 1.5);
    }

    @Test
    void fromTheSaddleMomentumRmsPropAndAdamGetLowerThanSgdWhichIsStillOnThePlateau() {
        PathRace race = race();
        for (int n = 0; n < 300; n++) {
            race.step();
        }
        double sgd = race.value(OptimizerKind.SGD);
        // measured: SGD at x ≈ 2.66, f ≈ 0.025, on the plateau
        assertThat(race.currentX(OptimizerKind.SGD)).isBetween(2.3, 3.2);
        assertThat(sgd).isBetween(0.0, 0.05);
        // momentum (β = 0.9, v an average of dP) carries speed from the descent off the saddle:
        // a little ahead (x ≈ 2.68, f ≈ 0.0238)
        assertThat(race.currentX(OptimizerKind.MOMENTUM)).isGreaterThan(race.currentX(OptimizerKind.SGD));
        assertThat(race.value(OptimizerKind.MOMENTUM)).isLessThan(sgd);
        // RMSprop and Adam take steps of about α whatever the slope: through the plateau and down the ravine
        assertThat(race.value(OptimizerKind.RMSPROP)).isLessThan(-1.4);
        assertThat(race.value(OptimizerKind.ADAM)).isLessThan(-1.4);
        for (OptimizerKind k : PathRace.KINDS) {
            assertThat(race.steps(k)).isEqualTo(300);
            assertThat(race.pointCount(k)).isEqualTo(301);
            assertThat(race.diverged(k)).isFalse();
        }
    }

    @Test
    void sgdsFirstStepIsExactlyPMinusAlphaG() {
        PathRace race = race();
        double[] g = new double[2];
        Surface.standard().gradient(0.05, 1.5, g);
        race.step();
        assertThat(race.x(OptimizerKind.SGD, 0)).isEqualTo(0.05);
        assertThat(race.y(OptimizerKind.SGD, 0)).isEqualTo(1.5);
        assertThat(race.x(OptimizerKind.SGD, 1)).isEqualTo(0.05 - 0.05 * g[0]);
        assertThat(race.y(OptimizerKind.SGD, 1)).isEqualTo(1.5 - 0.05 * g[1]);
        assertThat(race.currentX(OptimizerKind.SGD)).isEqualTo(0.05 - 0.05 * g[0]);
        // and momentum's first step is (1 − β)·α·g
        assertThat(race.x(OptimizerKind.MOMENTUM, 1)).isEqualTo(0.05 - 0.05 * (0.1 * g[0]));
    }

    @Test
    void pathsAreDeterministicAndResetStartsOver() {
        PathRace a = race();
        PathRace b = race();
        for (int n = 0; n < 200; n++) {
            a.step();
            b.step();
        }
        for (OptimizerKind k : PathRace.KINDS) {
            for (int i = 0; i < a.pointCount(k); i++) {
                assertThat(a.x(k, i)).isEqualTo(b.x(k, i));
                assertThat(a.y(k, i)).isEqualTo(b.y(k, i));
            }
        }
        double adamAt50 = a.x(OptimizerKind.ADAM, 50);
        a.reset();
        for (OptimizerKind k : PathRace.KINDS) {
            assertThat(a.pointCount(k)).isEqualTo(1);
            assertThat(a.steps(k)).isZero();
            assertThat(a.currentX(k)).isEqualTo(0.05);
        }
        for (int n = 0; n < 50; n++) {
            a.step();
        }
        // v, s and t were reset too: the replay is identical
        assertThat(a.x(OptimizerKind.ADAM, 50)).isEqualTo(adamAt50);
        assertThatThrownBy(() -> a.x(OptimizerKind.ADAM, 51)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void newHyperparametersApplyFromTheNextStepAndAMovedStartResets() {
        PathRace race = race();
        race.step();
        race.setHyperparameters(HP.withLearningRate(0.01));
        double x1 = race.currentX(OptimizerKind.SGD);
        double y1 = race.currentY(OptimizerKind.SGD);
        double[] g = new double[2];
        Surface.standard().gradient(x1, y1, g);
        race.step();
        assertThat(race.currentX(OptimizerKind.SGD)).isEqualTo(x1 - 0.01 * g[0]);
        race.setStart(-1, 2);
        assertThat(race.pointCount(OptimizerKind.RMSPROP)).isEqualTo(1);
        assertThat(race.currentY(OptimizerKind.RMSPROP)).isEqualTo(2);
        assertThatThrownBy(() -> race.setStart(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRacerThatBlowsUpStopsAtItsLastFinitePoint() {
        // α = 1e3: SGD across the ravine (curvature ≈ 10) multiplies y by about −1e4 per step
        PathRace race = new PathRace(Surface.standard(), HP.withLearningRate(1e3), 6.5, 1);
        for (int n = 0; n < 200; n++) {
            race.step();
        }
        assertThat(race.diverged(OptimizerKind.SGD)).isTrue();
        assertThat(race.steps(OptimizerKind.SGD)).isEqualTo(race.pointCount(OptimizerKind.SGD) - 1).isLessThan(200);
        assertThat(Double.isFinite(race.currentY(OptimizerKind.SGD))).isTrue();
    }
}
