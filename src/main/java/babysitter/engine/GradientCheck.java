package babysitter.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares the hand-written backward pass with central differences of the cost, parameter by
 * parameter (course notes: d ≈ (J(θ+h) − J(θ−h)) / 2h). Batch statistics are used and the running
 * statistics are left alone. Meant for float64 networks.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * The relative error ‖d_num − d‖ / (‖d_num‖ + ‖d‖) of each parameter (keyed {@code W1},
     * {@code gamma1}, …); 0 where both are exactly zero.
     */
    public static Map<String, Double> relativeErrors(Network net, INDArray x, int[] labels, double l2, double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("finite-difference step must be > 0, got " + h);
        }
        net.computeGradients(x, labels, l2);
        return compare(net, x, labels, l2, h, net.gradients().dup());
    }

    /** Compares central differences of the cost with the given analytic gradient (flat layout). */
    static Map<String, Double> compare(Network net, INDArray x, int[] labels, double l2, double h,
                                       INDArray analytic) {
        INDArray params = net.parameters();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : net.layout().entries()) {
            double diff2 = 0;
            double num2 = 0;
            double ana2 = 0;
            for (long i = e.offset(); i < e.offset() + e.length(); i++) {
                double original = params.getDouble(i);
                params.putScalar(i, original + h);
                double plus = net.cost(x, labels, Network.Mode.TRAIN, l2);
                params.putScalar(i, original - h);
                double minus = net.cost(x, labels, Network.Mode.TRAIN, l2);
                params.putScalar(i, original);
                double numeric = (plus - minus) / (2 * h);
                double a = analytic.getDouble(i);
                diff2 += (numeric - a) * (numeric - a);
                num2 += numeric * numeric;
                ana2 += a * a;
            }
            double denominator = Math.sqrt(num2) + Math.sqrt(ana2);
            errors.put(e.name(), denominator == 0 ? 0.0 : Math.sqrt(diff2) / denominator);
        }
        return errors;
    }
}
