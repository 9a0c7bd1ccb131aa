package babysitter.data;

/** The order in which {@link MiniBatches} visits the rows in an epoch. */
public enum BatchOrder {
    /** A new random permutation each epoch (drawn from the injected {@link SeededRandom}). */
    SHUFFLED,
    /** The rows in the order of the data set, every epoch. */
    DATA
}
