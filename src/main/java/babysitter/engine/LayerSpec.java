package babysitter.engine;

import java.util.Objects;

/**
 * One hidden layer: {@code units} neurons, Dense → (BatchNorm) → activation.
 *
 * @param units      number of units n_l, at least 1
 * @param activation the activation g
 * @param batchNorm  whether batch normalisation sits between z and g (then the layer has no bias b)
 */
public record LayerSpec(int units, Activation activation, boolean batchNorm) {
    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("layer size must be at least 1, got " + units);
        }
        Objects.requireNonNull(activation, "activation");
    }
}
