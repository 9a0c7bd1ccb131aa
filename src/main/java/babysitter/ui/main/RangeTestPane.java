package babysitter.ui.main;

import babysitter.session.live.Command;
import babysitter.ui.controls.RangeTestView;
import babysitter.ui.controls.RangeTestViewModel;
import babysitter.ui.setup.SetupViewModel;
import java.math.BigDecimal;
import javafx.application.Platform;

/**
 * The learning-rate range test panel of the right column: it runs on a throw-away copy of the setup's
 * network at any time, and its suggestion goes to the setup's α or to the running session's.
 */
final class RangeTestPane {
    private RangeTestPane() {
    }

    static RangeTestView create(MainViewModel vm, SetupViewModel setup) {
        RangeTestViewModel model = RangeTestViewModel.of(setup.configProperty(),
                alpha -> setup.learningRateProperty().set(new BigDecimal(Double.toString(alpha))
                        .stripTrailingZeros().toPlainString()),
                alpha -> vm.submit(new Command.SetHyperparameters(vm.controls().current().withLearningRate(alpha))),
                Platform::runLater);
        model.liveRunProperty().bind(vm.hasSession());
        return new RangeTestView(model);
    }
}
