package babysitter.ui.setup;

import babysitter.engine.LayerSpec;
import babysitter.engine.Precision;
import babysitter.session.configuration.NetworkSpec;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The network part of the setup panel: the hidden layers as typed ({@link LayerText}) and the precision. */
final class NetworkSection {
    private final Fields fields;
    private final ObjectProperty<Precision> precision;

    NetworkSection(Object bean, Fields fields) {
        this.fields = fields;
        this.precision = new SimpleObjectProperty<>(bean, "precision", Precision.FLOAT32);
        fields.text("layers").set(LayerText.EXAMPLE);
    }

    ObjectProperty<Precision> precision() {
        return precision;
    }

    void load(NetworkSpec network) {
        fields.text("layers").set(LayerText.format(network.hidden()));
        precision.set(network.precision() == null ? Precision.FLOAT32 : network.precision());
    }

    /**
     * Checks the layers into {@code v}; returns what makes the network they describe, with the
     * batch-norm constants of {@code base} (not shown here), to be called only when no field failed.
     */
    Supplier<NetworkSpec> check(Fields.Check v, NetworkSpec base, long seed) {
        List<LayerSpec> layers;
        try {
            layers = LayerText.parse(fields.text("layers").get());
        } catch (IllegalArgumentException e) {
            v.fail("layers", e.getMessage());
            layers = null;
        }
        List<LayerSpec> checked = layers;
        Precision p = precision.get();
        return () -> {
            NetworkSpec network = new NetworkSpec(checked, p, base == null ? null : base.bnEpsilon(),
                    base == null ? null : base.bnMomentum(), base == null ? null : base.bnRunningVariance());
            network.toConfig(1, 2, seed); // its own rules, e.g. the units of a layer
            return network;
        };
    }
}
