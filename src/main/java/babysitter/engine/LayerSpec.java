package babysitter.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One hidden layer: {@code units} neurons, Dense → (BatchNorm) → activation.
 *
 * @param units      number of units n_l, at least 1
 * @param activation the activation g
 * @param batchNorm  whether batch normalisation sits between z and g (then the layer has no bias b)
 *
 * <p>In a configuration file only {@code units} is required; {@code activation} defaults to
 * {@value #DEFAULT_ACTIVATION_NAME} and {@code batchNorm} to false.
 */
public record LayerSpec(int units, Activation activation, boolean batchNorm) {
    /** The activation of a layer that names none. */
    public static final Activation DEFAULT_ACTIVATION = Activation.RELU;
    static final String DEFAULT_ACTIVATION_NAME = "relu";

    /** The JSON form: units required, the rest optional. */
    @JsonCreator
    static LayerSpec fromJson(@JsonProperty("units") Integer units, @JsonProperty("activation") Activation activation,
                              @JsonProperty("batchNorm") Boolean batchNorm) {
        if (units == null) {
            throw new IllegalArgumentException("units is required: the number of units of the layer, at least 1");
        }
        return new LayerSpec(units, activation == null ? DEFAULT_ACTIVATION : activation,
                batchNorm != null && batchNorm);
    }

    public LayerSpec {
        if (units < 1) {
            throw new InvalidValue("units", "layer size", InvalidValue.Rule.AT_LEAST, String.valueOf(units), "1");
        }
        Objects.requireNonNull(activation, "activation");
    }
}
