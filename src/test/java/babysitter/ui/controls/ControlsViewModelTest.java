package babysitter.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.configuration.OptimizerBeta;
import babysitter.session.configuration.Rules;
import babysitter.session.live.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControlsViewModelTest {
    private final List<Command> sent = new ArrayList<>();
    private ControlsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ControlsViewModel(sent::add);
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.01), Rules.DEFAULTS);
    }

    private Hyperparameters lastSent() {
        return ((Command.SetHyperparameters) sent.get(sent.size() - 1)).hyperparameters();
    }

    @Test
    void showingTheSessionsValuesSendsNothing() {
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.003).withMomentum(0.95)
                .withOptimizer(OptimizerKind.MOMENTUM), Rules.DEFAULTS);
        assertThat(sent).isEmpty();
        assertThat(vm.logAlphaProperty().get()).isCloseTo(Math.log10(0.003), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(vm.alphaTextProperty().get()).isEqualTo("3.00e-03");
        assertThat(vm.betaReadoutProperty().get()).contains("0.95").contains("≈ 20 steps");
    }

    @Test
    void theAlphaSliderIsALogScaleAndSendsWhenItSettles() {
        vm.logAlphaProperty().set(-3);
        vm.alphaSliderMoved();
        vm.alphaSliderSettled();
        assertThat(sent).hasSize(1);
        assertThat(lastSent().learningRate()).isEqualTo(1e-3);
        vm.logAlphaProperty().set(-2.9);
        vm.alphaSliderMoved();
        vm.alphaSliderSettled();
        assertThat(lastSent().learningRate()).isEqualTo(1.26e-3);
    }

    @Test
    void aDragPreviewsInTheFieldAndSendsOneChangeWhenItSettles() {
        for (int i = 0; i < 100; i++) {
            vm.logAlphaProperty().set(-2 - i * 0.01);
            vm.alphaSliderMoved();
        }
        assertThat(sent).as("nothing while the slider moves").isEmpty();
        assertThat(vm.alphaTextProperty().get()).isEqualTo(ControlsViewModel.sci(Math.pow(10, -2.99)));
        vm.alphaSliderSettled();
        vm.alphaSliderSettled();
        assertThat(sent).singleElement();
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
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.01).withOptimizer(OptimizerKind.MOMENTUM), Rules.DEFAULTS);
        assertThat(vm.betaTitleProperty().get()).isEqualTo("Momentum β");
        vm.betaScaleProperty().set(2); // β = 0.99
        vm.betaSliderMoved();
        vm.betaSliderSettled();
        assertThat(lastSent().momentum()).isEqualTo(0.99);
        assertThat(vm.betaReadoutProperty().get()).isEqualTo("β 0.9900 · averages over ≈ 100 steps");
        vm.betaScaleProperty().set(ControlsViewModel.BETA_SCALE_MAX);
        vm.betaSliderMoved();
        vm.betaSliderSettled();
        assertThat(lastSent().momentum()).isEqualTo(0.9999);
    }

    @Test
    void withAdamTheBetaSliderSetsBeta1AndOnlyBeta1() {
        Hyperparameters before = vm.current();
        assertThat(before.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(vm.betaKindProperty().get()).isEqualTo(OptimizerBeta.BETA1);
        assertThat(vm.betaTitleProperty().get()).isEqualTo("Adam β1");
        assertThat(vm.betaDisabledProperty().get()).isFalse();
        assertThat(vm.betaReadoutProperty().get()).isEqualTo("β1 0.9000 · averages over ≈ 10 steps");
        assertThat(vm.betaScaleProperty().get()).isCloseTo(1, within(1e-9));

        vm.betaScaleProperty().set(-Math.log10(0.05)); // β1 = 0.95, a keyboard step or a release
        vm.betaSliderMoved();
        vm.betaSliderSettled();
        assertThat(sent).singleElement().isInstanceOf(Command.SetHyperparameters.class);
        assertThat(lastSent()).isEqualTo(before.withBetas(0.95, before.beta2()));
        assertThat(lastSent().momentum()).isEqualTo(before.momentum());
        assertThat(vm.betaReadoutProperty().get()).isEqualTo("β1 0.9500 · averages over ≈ 20 steps");
        // the Advanced field follows
        assertThat(vm.beta1Property().get()).isEqualTo("0.95");
        assertThat(vm.beta2Property().get()).isEqualTo("0.999");
    }

    @Test
    void withRmspropTheBetaSliderSetsBeta2() {
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.01).withOptimizer(OptimizerKind.RMSPROP), Rules.DEFAULTS);
        Hyperparameters before = vm.current();
        assertThat(vm.betaTitleProperty().get()).isEqualTo("RMSprop β2");
        assertThat(vm.betaReadoutProperty().get()).isEqualTo("β2 0.9990 · averages over ≈ 1,000 steps");
        assertThat(vm.betaScaleProperty().get()).isCloseTo(3, within(1e-9));
        vm.betaScaleProperty().set(2);
        vm.betaSliderMoved();
        vm.betaSliderSettled();
        assertThat(sent).hasSize(1);
        assertThat(lastSent()).isEqualTo(before.withBetas(before.beta1(), 0.99));
        assertThat(vm.beta2Property().get()).isEqualTo("0.99");
    }

    @Test
    void withSgdTheBetaSliderIsDisabledAndSendsNothing() {
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.01).withOptimizer(OptimizerKind.SGD), Rules.DEFAULTS);
        assertThat(vm.betaKindProperty().get()).isEqualTo(OptimizerBeta.NONE);
        assertThat(vm.betaDisabledProperty().get()).isTrue();
        assertThat(vm.betaReadoutProperty().get()).isEqualTo("SGD keeps no average");
        vm.betaScaleProperty().set(2);
        vm.betaSliderMoved();
        vm.betaSliderSettled();
        assertThat(sent).isEmpty();
    }

    @Test
    void switchingOptimiserRereadsTheSliderFromTheNewBeta() {
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(0.01).withMomentum(0.99), Rules.DEFAULTS);
        vm.optimizerProperty().set(OptimizerKind.MOMENTUM);
        assertThat(sent).hasSize(1);
        assertThat(lastSent().optimizer()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(vm.betaTitleProperty().get()).isEqualTo("Momentum β");
        assertThat(vm.betaReadoutProperty().get()).startsWith("β 0.9900");
        assertThat(vm.betaScaleProperty().get()).isCloseTo(2, within(1e-9));

        vm.optimizerProperty().set(OptimizerKind.RMSPROP);
        assertThat(vm.betaTitleProperty().get()).isEqualTo("RMSprop β2");
        assertThat(vm.betaScaleProperty().get()).isCloseTo(3, within(1e-9));

        vm.optimizerProperty().set(OptimizerKind.SGD);
        assertThat(vm.betaDisabledProperty().get()).isTrue();
        assertThat(vm.betaReadoutProperty().get()).isEqualTo("SGD keeps no average");

        vm.optimizerProperty().set(OptimizerKind.ADAM);
        assertThat(vm.betaDisabledProperty().get()).isFalse();
        assertThat(vm.betaTitleProperty().get()).isEqualTo("Adam β1");
        assertThat(vm.betaScaleProperty().get()).isCloseTo(1, within(1e-9));
        // only the optimiser changed each time: moving the slider programmatically sent nothing more
        assertThat(sent).hasSize(4);
        assertThat(sent).allSatisfy(c -> assertThat(((Command.SetHyperparameters) c).hyperparameters().withOptimizer(
                OptimizerKind.ADAM)).isEqualTo(Hyperparameters.DEFAULTS.withLearningRate(0.01).withMomentum(0.99)));

        // and the session switching optimiser (e.g. a sibling adopted) does the same, sending nothing
        vm.show(vm.current().withOptimizer(OptimizerKind.MOMENTUM), Rules.DEFAULTS);
        assertThat(vm.betaTitleProperty().get()).isEqualTo("Momentum β");
        assertThat(vm.betaScaleProperty().get()).isCloseTo(2, within(1e-9));
        assertThat(sent).hasSize(4);
    }

    @Test
    void aBetaTypedIntoTheAdvancedFieldsMovesTheSliderWhenItIsTheOptimisersBeta() {
        vm.beta1Property().set("0.99");
        assertThat(vm.commitFields()).isTrue();
        assertThat(lastSent().beta1()).isEqualTo(0.99);
        assertThat(vm.betaScaleProperty().get()).isCloseTo(2, within(1e-9));
        assertThat(vm.betaReadoutProperty().get()).startsWith("β1 0.9900");
        vm.beta2Property().set("0.99");
        assertThat(vm.commitFields()).isTrue();
        assertThat(vm.betaScaleProperty().get()).as("Adam's slider is β1").isCloseTo(2, within(1e-9));
        assertThat(sent).hasSize(2);
    }

    @Test
    void aDraggedBetaPreviewsInTheReadoutAndIsSentOnceAsOneChangeOfBeta1() {
        Hyperparameters before = vm.current();
        for (int i = 0; i < 100; i++) {
            vm.betaScaleProperty().set(1 + i * 0.01);
            vm.betaSliderMoved();
        }
        assertThat(sent).isEmpty();
        double last = Math.round((1 - Math.pow(10, -1.99)) * 10000) / 10000.0;
        assertThat(vm.betaReadoutProperty().get()).startsWith(String.format(java.util.Locale.ROOT, "β1 %.4g", last));
        vm.betaSliderSettled();
        assertThat(sent).singleElement();
        assertThat(lastSent()).isEqualTo(before.withBetas(last, before.beta2()));
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

    /** A typed value that breaks a hyperparameter's rule is refused in the window's language. */
    @Test
    void aFieldThatBreaksItsRuleIsRefusedInKorean() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREAN);
            vm.batchSizeProperty().set("0");
            assertThat(vm.commitFields()).isFalse();
            assertThat(vm.fieldErrorProperty().get()).isEqualTo("미니배치 크기은(는) 1 이상의 정수이어야 합니다. 입력값: 0");
            vm.batchSizeProperty().set("32");
            vm.beta2Property().set("1");
            assertThat(vm.commitFields()).isFalse();
            assertThat(vm.fieldErrorProperty().get()).isEqualTo("β2은(는) [0, 1) 범위의 수이어야 합니다. 입력값: 1.0");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(vm.commitFields()).isFalse();
            assertThat(vm.fieldErrorProperty().get()).isEqualTo("β2 must be in [0, 1), got 1.0");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** α's allowed range is said in the window's language too, not with an English "to". */
    @Test
    void anAlphaOutsideItsRangeIsRefusedInKorean() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREAN);
            vm.alphaTextProperty().set("-1");
            assertThat(vm.commitAlphaText()).isFalse();
            assertThat(vm.alphaErrorProperty().get()).isEqualTo("α는 1e-06에서 10까지 범위의 수여야 합니다. 입력값: '-1'");
            Locale.setDefault(Locale.ENGLISH);
            assertThat(vm.commitAlphaText()).isFalse();
            assertThat(vm.alphaErrorProperty().get()).contains("1e-06 to 10");
        } finally {
            Locale.setDefault(before);
        }
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

    @Test
    void theAlphaRuleIsTheOneOfLearningRateRangeAndTheSliderSpansIt() {
        vm.alphaTextProperty().set("11");
        assertThat(vm.commitAlphaText()).isFalse();
        assertThat(vm.alphaErrorProperty().get()).contains(babysitter.session.configuration.LearningRateRange.describe());
        vm.alphaTextProperty().set("10");
        assertThat(vm.commitAlphaText()).isTrue();
        assertThat(vm.logAlphaProperty().get()).as("10 sits at the slider's end, not past it")
                .isEqualTo(ControlsViewModel.LOG_ALPHA_MAX).isEqualTo(1.0);
        assertThat(ControlsViewModel.LOG_ALPHA_MIN).isEqualTo(Math.log10(babysitter.session.configuration.LearningRateRange.MIN));
    }

    @Test
    void aSessionAtAnExtremeAlphaLeavesTheSliderFreeToMoveBack() {
        vm.show(Hyperparameters.DEFAULTS.withLearningRate(babysitter.session.configuration.LearningRateRange.MIN), Rules.DEFAULTS);
        assertThat(vm.logAlphaProperty().get()).isCloseTo(ControlsViewModel.LOG_ALPHA_MIN, within(1e-12));
        vm.logAlphaProperty().set(ControlsViewModel.LOG_ALPHA_MIN + 0.1);
        vm.alphaSliderMoved();
        vm.alphaSliderSettled();
        assertThat(lastSent().learningRate()).isEqualTo(1.26e-6);
    }

    @Test
    void theBetaSliderTicksReadAsBetas() {
        assertThat(ControlsViewModel.BETA_SCALE_MIN).isZero();
        assertThat(ControlsViewModel.betaAt(0)).isEqualTo("0");
        assertThat(ControlsViewModel.betaAt(1)).isEqualTo("0.9");
        assertThat(ControlsViewModel.betaAt(2)).isEqualTo("0.99");
        assertThat(ControlsViewModel.betaAt(4)).isEqualTo("0.9999");
    }
}
