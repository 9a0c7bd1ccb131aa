package babysitter.session.training;

import babysitter.session.configuration.CheckpointPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, as checkpoints are written, which epoch checkpoint folders are no longer needed under a
 * {@link CheckpointPolicy}. A folder is deleted once it is neither among the newest {@code keepLast}
 * epoch checkpoints, nor a {@code keepEvery}-th epoch, nor the best so far, nor kept for good (not
 * an epoch's, or the start of a branch).
 */
final class CheckpointRetention {
    private final CheckpointPolicy policy;
    /** Epoch checkpoints on disk that are not kept for good, oldest first. */
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    /** Epoch checkpoints that left {@link #recent} but are the best: deleted when a better one comes. */
    private final Set<String> keptForGood = new HashSet<>();
    private String best;
    private double bestCost = Double.POSITIVE_INFINITY;

    CheckpointRetention(CheckpointPolicy policy) {
        this.policy = policy;
    }

    /**
     * A checkpoint folder was written.
     *
     * @param source       "epoch" for an epoch's checkpoint, else who took it (kept for good)
     * @param epoch        the epochs finished at the checkpoint
     * @param watchedCost  for an epoch's checkpoint, the epoch's dev cost (or training cost); else NaN
     * @return the folders to delete now
     */
    List<String> written(String id, String source, int epoch, double watchedCost) {
        List<String> delete = new ArrayList<>();
        if (!source.equals("epoch") || (policy.keepEvery() > 0 && epoch % policy.keepEvery() == 0)) {
            keptForGood.add(id);
            return delete;
        }
        if (policy.keepBest() && watchedCost < bestCost) {
            String previous = best;
            best = id;
            bestCost = watchedCost;
            if (previous != null && !recent.contains(previous) && !keptForGood.contains(previous)) {
                delete.add(previous);
            }
        }
        recent.addLast(id);
        while (recent.size() > policy.keepLast()) {
            String old = recent.removeFirst();
            if (!old.equals(best) && !keptForGood.contains(old)) {
                delete.add(old);
            }
        }
        return delete;
    }

    /** A branch was started from checkpoint {@code id}: its folder stays. */
    void branchedFrom(String id) {
        keptForGood.add(id);
    }
}
