package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counting the distinct values a round tries per axis: the waste of a grid. */
class RoundTest {
    private static List<Trial> trials(int round, int firstId, List<Map<String, Object>> values) {
        List<Trial> out = new ArrayList<>();
        for (Map<String, Object> v : values) {
            out.add(new Trial(firstId + out.size(), round, v, TrialState.PENDING, List.of(), Double.NaN, -1, null,
                    null, TrialNote.NONE));
        }
        return out;
    }

    @Test
    void aGridTriesKValuesPerAxisHoweverManyTrialsItHas() throws Exception {
        SearchSpace s = SearchSpaceTest.space();
        // learningRate, momentum (continuous: 3 each), batchSize pow2 16..256 (3 of 5), units (3), optimizer (2 choices)
        assertThat(s.gridSizes(3)).containsExactly(3, 3, 3, 3, 2);
        assertThat(s.gridSize(3)).isEqualTo(162).isEqualTo(s.grid(3).size());
        Round grid = new Round(1, s, Method.GRID, 162, 3, "initial");
        List<Trial> ts = trials(1, 1, s.grid(3));
        assertThat(grid.distinctValues(ts)).containsExactly(Map.entry("learningRate", 3), Map.entry("momentum", 3),
                Map.entry("batchSize", 3), Map.entry("units", 3), Map.entry("optimizer", 2));
    }

    @Test
    void randomSearchTriesAsManyValuesAsTrialsOnContinuousAxesAndOtherRoundsDoNotCount() throws Exception {
        SearchSpace s = SearchSpaceTest.space();
        Random r = new Random(5);
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(s.sample(r));
        }
        List<Trial> ts = new ArrayList<>(trials(0, 1, values));
        ts.addAll(trials(1, 21, s.grid(2))); // another round's trials are left out
        Map<String, Integer> d = new Round(0, s, Method.RANDOM, 20, 0, "initial").distinctValues(ts);
        assertThat(d.get("learningRate")).isEqualTo(20);
        assertThat(d.get("momentum")).isEqualTo(20);
        assertThat(d.get("batchSize")).isBetween(2, 5);
        assertThat(d.get("optimizer")).isEqualTo(2);
        assertThat(d.keySet()).containsExactly("learningRate", "momentum", "batchSize", "units", "optimizer");
    }
}
