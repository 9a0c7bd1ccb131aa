package babysitter.session.configuration;

import babysitter.engine.LayerSpec;
import babysitter.engine.NetworkConfig;
import babysitter.engine.Precision;
import babysitter.engine.RunningVariance;
import java.util.List;
import java.util.Locale;

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

    /**
     * Why a network of these layers on data of {@code inputs} features and {@code classes} classes,
     * trained in mini-batches of {@code batchSize}, would not fit in {@code availableBytes}; null when
     * it fits. The estimate counts the parameters four times (values, gradients, the optimiser's two
     * averages) and each unit's values in a mini-batch six times (z, z̃, the activation and their
     * gradients), at 4 or 8 bytes each. Checked before anything is allocated.
     */
    public TooLarge tooLarge(long inputs, long classes, long batchSize, long availableBytes) {
        int bytes = precision == Precision.FLOAT64 ? 8 : 4;
        double params = 0;
        double units = 0;
        long before = inputs;
        for (LayerSpec l : hidden) {
            params += (double) before * l.units() + 2.0 * l.units();
            units += l.units();
            before = l.units();
        }
        params += (double) before * classes + classes;
        units += classes + inputs;
        double need = (4 * params + 6 * (double) batchSize * units) * bytes;
        if (need <= availableBytes) {
            return null;
        }
        return new TooLarge(params, need / 1e9, availableBytes / 1e9, hidden.isEmpty() ? "" : widestPath());
    }

    /**
     * A network too large to train here, as its numbers, so that a window can say it in its language.
     *
     * @param parameters the parameters it would hold
     * @param gigabytes  the memory it would need to train, in GB
     * @param available  the memory this program may use, in GB
     * @param smaller    the path of the layer to make smaller ("" without hidden layers)
     */
    public record TooLarge(double parameters, double gigabytes, double available, String smaller) {
        /** The parameters as the sentence writes them: 3.14e+09. */
        public String parametersText() {
            return String.format(Locale.ROOT, "%.3g", parameters);
        }

        public String gigabytesText() {
            return String.format(Locale.ROOT, "%.1f", gigabytes);
        }

        public String availableText() {
            return String.format(Locale.ROOT, "%.1f", available);
        }

        /** The command line's sentence. */
        public String english() {
            return "the network would hold " + parametersText() + " parameters and need about " + gigabytesText()
                    + " GB to train, more than the " + availableText() + " GB this program may use (java -Xmx)"
                    + (smaller.isEmpty() ? "" : "; make " + smaller + " smaller");
        }
    }

    /** The path of the widest hidden layer's units, for messages ("network" without hidden layers). */
    public String widestPath() {
        int widest = -1;
        for (int i = 0; i < hidden.size(); i++) {
            if (widest < 0 || hidden.get(i).units() > hidden.get(widest).units()) {
                widest = i;
            }
        }
        return widest < 0 ? "network" : "network.hidden[" + widest + "].units";
    }

    /** The engine configuration for data of {@code inputs} features and {@code classes} classes. */
    public NetworkConfig toConfig(int inputs, int classes, long seed) {
        return new NetworkConfig(inputs, hidden, classes, precision == null ? Precision.FLOAT32 : precision,
                bnEpsilon == null ? NetworkConfig.DEFAULT_BN_EPSILON : bnEpsilon,
                bnMomentum == null ? NetworkConfig.DEFAULT_BN_MOMENTUM : bnMomentum, seed,
                bnRunningVariance == null ? RunningVariance.BIASED : bnRunningVariance);
    }
}
