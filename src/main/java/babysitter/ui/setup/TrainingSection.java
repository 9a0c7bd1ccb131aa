package babysitter.ui.setup;

import babysitter.engine.Hyperparameters;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.session.configuration.LearningRateRange;
import babysitter.session.configuration.OptimizerSpec;
import babysitter.session.configuration.RunConfig;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The optimiser and training part of the setup panel: optimiser, α, momentum β (with momentum only),
 * mini-batch size, L2, epochs and seed.
 */
final class TrainingSection {
    private final Fields fields;
    private final ObjectProperty<OptimizerKind> optimizer;

    TrainingSection(Object bean, Fields fields) {
        this.fields = fields;
        this.optimizer = new SimpleObjectProperty<>(bean, "optimizer", OptimizerKind.ADAM);
        fields.text("learningRate").set("0.01");
        fields.text("momentum").set(Fields.fmt(Hyperparameters.DEFAULTS.momentum()));
        fields.text("batchSize").set("32");
        fields.text("l2").set("0");
        fields.text("epochs").set("40");
        fields.text("seed").set("1");
    }

    ObjectProperty<OptimizerKind> optimizer() {
        return optimizer;
    }

    /** The optimiser fields that apply now: momentum β with momentum only. */
    List<String> applicable() {
        return optimizer.get() == OptimizerKind.MOMENTUM ? List.of("momentum") : List.of();
    }

    void load(RunConfig config) {
        Hyperparameters hp = config.optimizer().toHyperparameters();
        optimizer.set(hp.optimizer());
        fields.text("learningRate").set(Fields.fmt(hp.learningRate()));
        fields.text("momentum").set(Fields.fmt(hp.momentum()));
        fields.text("batchSize").set(Fields.fmt(hp.batchSize()));
        fields.text("l2").set(Fields.fmt(hp.l2()));
        fields.text("epochs").set(Fields.fmt(config.epochs()));
        fields.text("seed").set(Long.toString(config.seed()));
    }

    /** What the epochs and seed fields hold once checked. */
    record Run(Integer epochs, Long seed) {
    }

    /** Checks epochs and seed into {@code v}. */
    Run checkRun(Fields.Check v) {
        Integer epochs = v.whole("epochs", Texts.get("setup.field.epochs"), 1, Texts.get("setup.rule.wholeAtLeast", 1));
        Long seed = v.anyWhole("seed", Texts.get("setup.field.seed"), Texts.get("setup.rule.whole"));
        return new Run(epochs, seed);
    }

    /**
     * Checks the optimiser fields into {@code v}; returns what makes the optimiser they describe,
     * with β1, β2, ε and decay of {@code base} (not shown here), to be called only when no field failed.
     */
    Supplier<OptimizerSpec> check(Fields.Check v, OptimizerSpec base) {
        Double lr = v.number("learningRate", Texts.get("setup.field.learningRate"),
                x -> LearningRateRange.problem(x).isEmpty(), Texts.get("setup.rule.lrRange", Names.alphaRange()));
        OptimizerSpec o = base != null ? base : OptimizerSpec.of(Hyperparameters.DEFAULTS);
        double baseMomentum = o.toHyperparameters().momentum();
        Double momentum = fields.applies("momentum")
                ? v.number("momentum", Texts.get("setup.field.momentum"), x -> x >= 0 && x < 1,
                        Texts.get("setup.rule.fraction"))
                : Double.valueOf(fields.quiet("momentum", x -> x >= 0 && x < 1, baseMomentum));
        Integer batch = v.whole("batchSize", Texts.get("setup.field.batchSize"), 1, Texts.get("setup.rule.wholeAtLeast", 1));
        Double l2 = v.number("l2", Texts.get("setup.field.l2"), x -> x >= 0, Texts.get("setup.rule.finiteAtLeastZero"));
        OptimizerKind kind = optimizer.get();
        return () -> {
            OptimizerSpec opt = new OptimizerSpec(kind, lr, momentum, o.beta1(), o.beta2(), o.epsilon(), l2, batch,
                    o.decay(), o.decayRate(), o.decayEvery());
            opt.toHyperparameters(); // its own rules
            return opt;
        };
    }
}
