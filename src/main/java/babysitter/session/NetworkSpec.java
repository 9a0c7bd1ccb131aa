package babysitter.session;

import babysitter.engine.LayerSpec;
import babysitter.engine.NetworkConfig;
import babysitter.engine.Precision;
import babysitter.engine.RunningVariance;
import java.util.List;

/**
 * The network part of a run configuration: hidden layers (input size and classes come from the
 * data). Absent fields take the engine's defaults.
 *
 * @param hidden     hidden layers, input side first
 * @param precision  float32 (default) or float64
 * @param bnEpsilon  ε of batch norm (default 1e-5)
 * @param bnMomentum momentum of the running statistics (default 0.9)
 * @param bnRunningVariance which batch variance the running variance averages (default biased)
 */
public record NetworkSpec(List<LayerSpec> hidden, Precision precision, Double bnEpsilon, Double bnMomentum,
                          RunningVariance bnRunningVariance) {
    public NetworkSpec {
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
    }

    /** A specification with the default (biased) running variance. */
    public NetworkSpec(List<LayerSpec> hidden, Precision precision, Double bnEpsilon, Double bnMomentum) {
        this(hidden, precision, bnEpsilon, bnMomentum, null);
    }

    /** The engine configuration for data of {@code inputs} features and {@code classes} classes. */
    public NetworkConfig toConfig(int inputs, int classes, long seed) {
        return new NetworkConfig(inputs, hidden, classes, precision == null ? Precision.FLOAT32 : precision,
                bnEpsilon == null ? NetworkConfig.DEFAULT_BN_EPSILON : bnEpsilon,
                bnMomentum == null ? NetworkConfig.DEFAULT_BN_MOMENTUM : bnMomentum, seed,
                bnRunningVariance == null ? RunningVariance.BIASED : bnRunningVariance);
    }
}
