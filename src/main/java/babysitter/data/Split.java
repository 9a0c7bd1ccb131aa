package babysitter.data;

import java.util.Objects;

/**
 * A data set split into the part the network trains on, the part used to tune hyperparameters
 * (dev) and the part kept for the final estimate (test). Dev and test may have 0 rows; all three
 * have the same columns and classes.
 */
public record Split(Dataset train, Dataset dev, Dataset test) {
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(test, "test");
        for (Dataset d : new Dataset[] {dev, test}) {
            if (d.columns() != train.columns()) {
                throw new IllegalArgumentException("all parts of a split must have the same columns: train has "
                        + train.columns() + ", " + d.name() + " has " + d.columns());
            }
            if (!d.classNames().equals(train.classNames())) {
                throw new IllegalArgumentException("all parts of a split must have the same classes: train has "
                        + train.classNames() + ", " + d.name() + " has " + d.classNames());
            }
        }
    }
}
