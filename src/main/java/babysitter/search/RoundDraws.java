package babysitter.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A round's trial values: seeded random draws or the grid, and whether a round of that size may be made. */
final class RoundDraws {
    private RoundDraws() {
    }

    /**
     * Why a round of {@code trials} random trials, or a grid of {@code gridValuesPerAxis} values per
     * axis, cannot be made ({@link Search#MAX_TRIALS}); null when it can. Checked before anything is built.
     */
    static String tooLarge(SearchSpace space, Method method, int trials, int gridValuesPerAxis) {
        if (method == Method.RANDOM) {
            return trials > Search.MAX_TRIALS ? trials + " trials are too many: a round has at most " + Search.MAX_TRIALS : null;
        }
        if (gridValuesPerAxis > Search.MAX_TRIALS) {
            return gridValuesPerAxis + " values per axis are too many: a grid has at most " + Search.MAX_TRIALS + " trials";
        }
        long n = space.gridSize(gridValuesPerAxis);
        if (n <= Search.MAX_TRIALS) {
            return null;
        }
        int fits = 1;
        while (fits < gridValuesPerAxis && space.gridSize(fits + 1) <= Search.MAX_TRIALS) {
            fits++;
        }
        return "a grid of " + gridValuesPerAxis + " values per axis on " + space.params().size() + " axes has "
                + (n == Long.MAX_VALUE ? "too many" : String.valueOf(n)) + " trials, more than the " + Search.MAX_TRIALS
                + " a round may have; " + fits + " values per axis fit";
    }

    /** The seed of round {@code index}'s draws. */
    static long roundSeed(long seed, int index) {
        return seed * 0x9E3779B97F4A7C15L + 1_000_003L * index + 17;
    }

    /** The trial values of a round: seeded random draws, or the grid. */
    static List<Map<String, Object>> draw(SearchSpace space, Method method, int trials, int gridValuesPerAxis,
                                          long seed, int index) {
        if (method == Method.GRID) {
            return space.grid(gridValuesPerAxis);
        }
        Random r = new Random(roundSeed(seed, index));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            out.add(space.sample(r));
        }
        return out;
    }
}
