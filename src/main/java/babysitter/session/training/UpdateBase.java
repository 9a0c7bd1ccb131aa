package babysitter.session.training;

import babysitter.engine.Network;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters before the last step of an epoch, kept once an epoch for the update-to-parameter
 * ratios ‖ΔW‖/‖W‖ of the layer statistics; one copy reused for the whole run.
 */
final class UpdateBase {
    private INDArray before;
    private boolean measured;

    /** Called before every step; {@code lastOfEpoch} says whether this step ends its epoch. */
    void beforeStep(Network net, boolean lastOfEpoch) {
        measured = lastOfEpoch;
        if (lastOfEpoch) {
            if (before == null) {
                before = net.parameters().dup();
            } else {
                before.assign(net.parameters());
            }
        }
    }

    /** Per-layer statistics of the last step, with the update ratios when it ended an epoch. */
    List<LayerStats> layerStats(Network net, int bins) {
        List<LayerStats> out = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            out.add(LayerStats.of(net, l, bins, measured ? before : null));
        }
        return out;
    }
}
