package babysitter.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a data set into train, dev and test parts. With n rows, the test part gets
 * round(testFraction · n) rows, the dev part round(devFraction · n) rows (rounding half up) and the
 * train part the rest; the train part must not be empty. The split is not stratified.
 *
 * <p>The order: with a shuffle, the rows are put in the order of a seeded permutation (Fisher–Yates
 * with {@link SeededRandom}); its first rows are the test part, the next the dev part, the rest the
 * train part, each in the permutation's order. Without a shuffle, the parts are consecutive rows of
 * the data set in their order: train first, then dev, then test (the held-out parts come from the
 * end of the file).
 */
public final class Splitter {
    private Splitter() {
    }

    /** A split by a seeded shuffle (even when nothing is held out). */
    public static Split split(Dataset all, double devFraction, double testFraction, long seed) {
        return split(all, devFraction, testFraction, seed, Boolean.TRUE);
    }

    /**
     * @param shuffle true: by a seeded shuffle; false: consecutive rows; null: by a seeded shuffle
     *                when a part is held out, else the train part is {@code all} in its own order
     */
    public static Split split(Dataset all, double devFraction, double testFraction, long seed, Boolean shuffle) {
        Objects.requireNonNull(all, "all");
        checkFraction("dev fraction", devFraction);
        checkFraction("test fraction", testFraction);
        if (!(devFraction + testFraction < 1)) {
            throw new IllegalArgumentException("dev fraction + test fraction must be < 1, got " + devFraction + " + "
                    + testFraction + " = " + (devFraction + testFraction));
        }
        int n = all.rows();
        int nTest = (int) Math.round(testFraction * n);
        int nDev = (int) Math.round(devFraction * n);
        int nTrain = n - nDev - nTest;
        if (nTrain < 1) {
            throw new IllegalArgumentException("the train part of " + all.name() + " would be empty: " + n
                    + " rows, " + nDev + " for dev and " + nTest + " for test");
        }
        int[] order = new int[n];
        if (shuffles(shuffle, nDev + nTest)) {
            new SeededRandom(seed).permutation(order);
        } else {
            // identity read backwards from the end: test is the last rows, dev the ones before
            for (int i = 0; i < nTest + nDev; i++) {
                order[i] = i < nTest ? n - nTest + i : nTrain + (i - nTest);
            }
            for (int i = nTest + nDev; i < n; i++) {
                order[i] = i - nTest - nDev;
            }
        }
        int[] test = Arrays.copyOfRange(order, 0, nTest);
        int[] dev = Arrays.copyOfRange(order, nTest, nTest + nDev);
        int[] train = Arrays.copyOfRange(order, nTest + nDev, n);
        return new Split(all.subset(train, all.name() + "/train"), all.subset(dev, all.name() + "/dev"),
                all.subset(test, all.name() + "/test"));
    }

    /** Whether a split shuffles, given the choice and the number of held-out rows. */
    static boolean shuffles(Boolean shuffle, int heldOut) {
        return shuffle != null ? shuffle : heldOut > 0;
    }

    private static void checkFraction(String what, double f) {
        if (!(f >= 0 && f < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + f);
        }
    }
}
