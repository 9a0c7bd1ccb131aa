package babysitter.session.configuration;

/**
 * Which checkpoint folders a run keeps on disk (the configuration's {@code checkpoints} object).
 * Every epoch leaves a checkpoint; once newer ones follow, an epoch's folder is deleted unless one
 * of these keeps it. Checkpoints taken by hand, the automatic ones taken before a change (what Undo
 * goes back to), the siblings' and every checkpoint a branch was started from are always kept.
 *
 * @param keepLast  the newest epoch checkpoints kept, at least 1 (default {@value #DEFAULT_KEEP_LAST})
 * @param keepEvery also keep the checkpoint of every this-many-th epoch; 0 for none (default 0)
 * @param keepBest  also keep the epoch with the lowest dev cost (the training cost without a dev
 *                  part) so far (default true)
 */
public record CheckpointPolicy(Integer keepLast, Integer keepEvery, Boolean keepBest) {
    public static final int DEFAULT_KEEP_LAST = 5;
    /** Keeps the last five, the best, and every checkpoint that is not an epoch's. */
    public static final CheckpointPolicy DEFAULTS = new CheckpointPolicy(null, null, null);
    /** Keeps every checkpoint (a search trial: its best epoch by dev accuracy is where babysitting it starts). */
    public static final CheckpointPolicy KEEP_ALL = new CheckpointPolicy(Integer.MAX_VALUE, null, null);

    public CheckpointPolicy {
        keepLast = keepLast == null ? DEFAULT_KEEP_LAST : keepLast;
        keepEvery = keepEvery == null ? 0 : keepEvery;
        keepBest = keepBest == null || keepBest;
        if (keepLast < 1) {
            throw new IllegalArgumentException("checkpoints.keepLast must be at least 1, got " + keepLast);
        }
        if (keepEvery < 0) {
            throw new IllegalArgumentException("checkpoints.keepEvery must be 0 (none) or more, got " + keepEvery);
        }
    }
}
