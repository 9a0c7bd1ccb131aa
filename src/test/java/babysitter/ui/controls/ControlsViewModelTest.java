package babysitter.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.Command;
import babysitter.session.Rules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlsViewModelTest {
    private final List<Command> sent = new ArrayList<>();
    private long now;
    private ControlsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ControlsViewModel(sent::add, () -> now);
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.01), Rules.DEFAULTS);
    }

    private Hyperparameters lastSent() {
        return ((Command.SetHyperparameters) sent.get(sent.size() - 1)).hyperparameters();
    }

    @Test
    void showingTheSessionsValuesSendsNothing() {
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.003).withMomentum(0.95), Rules.DEFAULTS);
        assertThat(sent).isEmpty();
        assertThat(vm.logAlphaProperty().get()).isCloseTo(Math.log10(0.003), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(vm.alphaTextProperty().get()).isEqualTo("3.00e-03");
        assertThat(vm.betaReadoutProperty().get()).contains("0.95").contains("≈ 20 steps");
    }

    @Test
    void theAlphaSliderIsALogScaleAndAKeyboardStepSendsAtOnce() {
        vm.logAlphaProperty().set(-3);
        vm.alphaSliderMoved(false);
        assertThat(sent).hasSize(1);
        assertThat(lastSent().learningRate()).isEqualTo(1e-3);
        vm.logAlphaProperty().set(-2.9);
        vm.alphaSliderMoved(false);
        assertThat(lastSent().learningRate()).isEqualTo(1.26e-3);
    }

    @Test
    void aDragSendsAtMostEveryQuarterSecondAndOnceOnRelease() {
        for (int i = 0; i < 100; i++) {
            now += 10_000_000L; // 10 ms between pixels
            vm.logAlphaProperty().set(-2 - i * 0.01);
            vm.alphaSliderMoved(true);
        }
        // one second of dragging: at most one command per 250 ms
        assertThat(sent).hasSizeBetween(3, 5);
        vm.alphaSliderMoved(false);
        assertThat(lastSent().learningRate()).isEqualTo(ControlsViewModel.round3(Math.pow(10, -2.99)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1e9", "", "NaN"})
    void aBadAlphaIsRefusedWithAMessageAndNothingIsSent(String text) {
        vm.alphaTextProperty().set(text);
        assertThat(vm.commitAlphaText()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(vm.alphaErrorProperty().get()).contains("'" + text + "'").contains("α must be a number from");
        assertThat(vm.current().learningRate()).isEqualTo(0.01);
        vm.revertAlphaText();
        assertThat(vm.alphaTextProperty().get()).isEqualTo("1.00e-02");
        assertThat(vm.alphaErrorProperty().get()).isEmpty();
    }

    @Test
    void aGoodAlphaTypedInIsSentAndMovesTheSlider() {
        vm.alphaTextProperty().set("3e-4");
        assertThat(vm.commitAlphaText()).isTrue();
        assertThat(lastSent().learningRate()).isEqualTo(3e-4);
        assertThat(vm.logAlphaProperty().get()).isCloseTo(Math.log10(3e-4), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void betaSliderUsesTheLogOfOneMinusBeta() {
        vm.betaScaleProperty().set(2); // β = 0.99
        vm.betaSliderMoved(false);
        assertThat(lastSent().momentum()).isEqualTo(0.99);
        assertThat(vm.betaReadoutProperty().get()).contains("0.99").contains("≈ 100 steps");
        vm.betaScaleProperty().set(ControlsViewModel.BETA_SCALE_MAX);
        vm.betaSliderMoved(false);
        assertThat(lastSent().momentum()).isEqualTo(0.9999);
    }

    @Test
    void optimiserAndFieldsBecomeCommands() {
        vm.optimizerProperty().set(OptimizerKind.RMSPROP);
        assertThat(lastSent().optimizer()).isEqualTo(OptimizerKind.RMSPROP);
        vm.batchSizeProperty().set("64");
        vm.l2Property().set("0.001");
        assertThat(vm.commitFields()).isTrue();
        assertThat(lastSent().batchSize()).isEqualTo(64);
        assertThat(lastSent().l2()).isEqualTo(0.001);
        int before = sent.size();
        vm.batchSizeProperty().set("0");
        assertThat(vm.commitFields()).isFalse();
        assertThat(vm.fieldErrorProperty().get()).contains("mini-batch size").contains("0");
        vm.batchSizeProperty().set("abc");
        assertThat(vm.commitFields()).isFalse();
        assertThat(vm.fieldErrorProperty().get()).contains("'abc'");
        assertThat(sent).hasSize(before);
    }

    @Test
    void ruleSwitchesSendTheRules() {
        vm.earlyStopProperty().set(true);
        Command.SetRules r = (Command.SetRules) sent.get(sent.size() - 1);
        assertThat(r.rules().earlyStop()).isTrue();
        assertThat(r.rules().guard()).isTrue();
        vm.guardProperty().set(false);
        r = (Command.SetRules) sent.get(sent.size() - 1);
        assertThat(r.rules().guard()).isFalse();
    }
}
