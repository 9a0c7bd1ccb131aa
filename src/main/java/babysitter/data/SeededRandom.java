package babysitter.data;

/**
 * A small reproducible random generator (SplitMix64) whose whole state is one {@code long}, so a
 * run can save it in a checkpoint and continue with exactly the same numbers. Not thread-safe.
 *
 * <p>Every method is exact and platform independent: {@link #nextGaussian()} uses the Box–Muller
 * transform with {@link StrictMath} and consumes exactly two 64-bit outputs (no cached spare value).
 */
public final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** The current state; {@link #setState(long)} with it reproduces the following numbers. */
    public long state() {
        return state;
    }

    public void setState(long state) {
        this.state = state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform integer in [0, bound), without modulo bias (rejection sampling). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be at least 1, got " + bound);
        }
        while (true) {
            int bits = (int) (nextLong() >>> 33); // 31 uniform bits
            int value = bits % bound;
            if (bits - value + (bound - 1) >= 0) { // no overflow: bits lies in a complete block of bound values
                return value;
            }
        }
    }

    /** A uniform double in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A standard normal number (Box–Muller, cosine branch; two 64-bit outputs per call). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: the logarithm is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** A new generator seeded from this one's next output; this one advances by one step. */
    public SeededRandom split() {
        return new SeededRandom(mix(nextLong() ^ GOLDEN_GAMMA));
    }

    /** Fills {@code a} with a uniformly random permutation of 0..a.length-1 (Fisher–Yates). */
    public void permutation(int[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        shuffle(a);
    }

    /** Shuffles {@code a} in place (Fisher–Yates, from the last element down). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
