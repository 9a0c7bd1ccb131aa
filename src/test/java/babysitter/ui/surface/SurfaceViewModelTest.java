package babysitter.ui.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.optim.OptimizerKind;
import org.junit.jupiter.api.Test;

/** No toolkit needed: properties only. */
class SurfaceViewModelTest {

    @Test
    void slidersSetTheHyperparametersOfTheNextStep() {
        SurfaceViewModel vm = new SurfaceViewModel();
        assertThat(vm.hyperparameters().learningRate()).isCloseTo(0.05, within(1e-12));
        vm.logAlphaProperty().set(-2);
        vm.betaProperty().set(0.5);
        assertThat(vm.race().hyperparameters().learningRate()).isCloseTo(0.01, within(1e-15));
        assertThat(vm.race().hyperparameters().momentum()).isEqualTo(0.5);
        assertThat(vm.alphaTextProperty().get()).isEqualTo("α = 0.0100");
        assertThat(vm.betaTextProperty().get()).isEqualTo("β = 0.50");
        vm.betaProperty().set(1.0);
        assertThat(vm.betaProperty().get()).isEqualTo(SurfaceViewModel.BETA_MAX);
        vm.logAlphaProperty().set(3);
        assertThat(vm.logAlphaProperty().get()).isEqualTo(SurfaceViewModel.LOG_ALPHA_MAX);
    }

    @Test
    void tickStepsOnlyWhileRunningAndStepPauses() {
        SurfaceViewModel vm = new SurfaceViewModel();
        vm.stepsPerFrameProperty().set(3);
        vm.tick();
        assertThat(vm.stepsProperty().get()).isZero();
        vm.start();
        assertThat(vm.runningProperty().get()).isTrue();
        int rev = vm.revisionProperty().get();
        vm.tick();
        vm.tick();
        assertThat(vm.stepsProperty().get()).isEqualTo(6);
        assertThat(vm.revisionProperty().get()).isEqualTo(rev + 2);
        vm.step();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.stepsProperty().get()).isEqualTo(7);
        assertThat(vm.race().pointCount(OptimizerKind.ADAM)).isEqualTo(8);
        assertThat(vm.statusProperty(OptimizerKind.ADAM).get()).startsWith("Adam   f = ").endsWith(" 7 steps");
        vm.toggleRunning();
        assertThat(vm.runningProperty().get()).isTrue();
        vm.reset();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.stepsProperty().get()).isZero();
        assertThat(vm.race().pointCount(OptimizerKind.SGD)).isEqualTo(1);
    }

    @Test
    void theRaceStopsAtTheStepLimitUntilReset() {
        SurfaceViewModel vm = new SurfaceViewModel();
        vm.stepsPerFrameProperty().set(SurfaceViewModel.MAX_STEPS - 1);
        vm.start();
        vm.tick();
        assertThat(vm.finishedProperty().get()).isFalse();
        vm.tick();
        assertThat(vm.stepsProperty().get()).isEqualTo(SurfaceViewModel.MAX_STEPS);
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(vm.runningProperty().get()).isFalse();
        vm.start();
        assertThat(vm.runningProperty().get()).isFalse();
        vm.reset();
        vm.start();
        assertThat(vm.runningProperty().get()).isTrue();
    }

    @Test
    void aNewStartPointIsClampedToTheDomainAndResets() {
        SurfaceViewModel vm = new SurfaceViewModel();
        vm.step();
        vm.setStart(1, -1);
        assertThat(vm.startXProperty().get()).isEqualTo(1);
        assertThat(vm.startYProperty().get()).isEqualTo(-1);
        assertThat(vm.race().pointCount(OptimizerKind.MOMENTUM)).isEqualTo(1);
        assertThat(vm.race().currentX(OptimizerKind.MOMENTUM)).isEqualTo(1);
        vm.setStart(100, -100);
        assertThat(vm.startXProperty().get()).isEqualTo(8.5);
        assertThat(vm.startYProperty().get()).isEqualTo(-2.5);
    }
}
