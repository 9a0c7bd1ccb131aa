package babysitter.data;

/**
 * What every kind of data description shares: how the rows are split and stored.
 *
 * @param devFraction  share of the rows for dev, in [0, 1)
 * @param testFraction share of the rows for test, in [0, 1); devFraction + testFraction &lt; 1
 * @param standardize  whether to standardise all parts with training statistics
 * @param seed         seed of generation and split; null means the run's seed
 * @param shuffleSplit whether dev and test are drawn by a seeded shuffle (true) or taken from the end of
 *                     the file (false); null: shuffled when a part is held out, the file's order when none is
 * @param precision    how the features are stored; null: in the network's precision
 */
public record SplitSettings(double devFraction, double testFraction, boolean standardize, Long seed,
                            Boolean shuffleSplit, DataPrecision precision) {
    /** The defaults: dev 0.2, no test part, standardised, the run's seed, the default order and precision. */
    public static final SplitSettings DEFAULTS = new SplitSettings(DataSpec.DEFAULT_DEV_FRACTION,
            DataSpec.DEFAULT_TEST_FRACTION, DataSpec.DEFAULT_STANDARDIZE, null, null, null);

    public SplitSettings withSeed(Long s) {
        return new SplitSettings(devFraction, testFraction, standardize, s, shuffleSplit, precision);
    }

    public SplitSettings withShuffleSplit(Boolean s) {
        return new SplitSettings(devFraction, testFraction, standardize, seed, s, precision);
    }

    public SplitSettings withPrecision(DataPrecision p) {
        return new SplitSettings(devFraction, testFraction, standardize, seed, shuffleSplit, p);
    }
}
