package babysitter.engine;

/**
 * Which batch variance the running variance of batch norm averages (the running mean is the same
 * either way). Inference uses the running variance as it is, so weights trained elsewhere give the
 * same inference only under the convention they were trained with.
 */
public enum RunningVariance {
    /** The batch's own σ² = (1/m) Σ (z − μ)², as in the course notes (the default). */
    BIASED,
    /** m/(m − 1) · σ², the unbiased estimate, as PyTorch's BatchNorm1d keeps it. */
    UNBIASED;

    /**
     * The value averaged into the running variance for a batch of {@code m} rows with biased
     * variance {@code var}. A one-row batch has no unbiased estimate; its biased variance (0) is used.
     */
    public double ofBatch(double var, int m) {
        return this == UNBIASED && m > 1 ? var * m / (m - 1) : var;
    }
}
