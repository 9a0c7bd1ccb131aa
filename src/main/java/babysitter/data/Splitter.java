package babysitter.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a data set into train, dev and test parts by a seeded shuffle (Fisher–Yates with
 * {@link SeededRandom}). With n rows, the test part gets round(testFraction · n) rows, the dev part
 * round(devFraction · n) rows (rounding half up) and the train part the rest; the train part must
 * not be empty. Each part keeps the shuffled order. The split is not stratified.
 */
public final class Splitter {
    private Splitter() {
    }

    public static Split split(Dataset all, double devFraction, double testFraction, long seed) {
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
        new SeededRandom(seed).permutation(order);
        int[] test = Arrays.copyOfRange(order, 0, nTest);
        int[] dev = Arrays.copyOfRange(order, nTest, nTest + nDev);
        int[] train = Arrays.copyOfRange(order, nTest + nDev, n);
        return new Split(all.subset(train, all.name() + "/train"), all.subset(dev, all.name() + "/dev"),
                all.subset(test, all.name() + "/test"));
    }

    private static void checkFraction(String what, double f) {
        if (!(f >= 0 && f < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + f);
        }
    }
}
