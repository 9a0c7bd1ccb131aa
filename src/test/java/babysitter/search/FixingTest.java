package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FixingTest {
    @Test
    void fixedParametersKeepOneValueAndTheOthersTheirRanges() throws Exception {
        SearchSpace space = SearchSpaceTest.space();
        SearchSpace fixed = space.fixing(Map.of("batchSize", 64, "optimizer", "adam", "momentum", 0.95));
        assertThat(fixed.param("learningRate")).isEqualTo(space.param("learningRate"));
        assertThat(fixed.param("units")).isEqualTo(space.param("units"));
        assertThat(fixed.param("batchSize").grid(5)).containsExactly(64);
        assertThat(fixed.param("optimizer").choices()).containsExactly("adam");
        assertThat(fixed.param("momentum").sample(new java.util.Random(1))).isEqualTo(0.95);
        // every draw of the new space holds them
        Map<String, Object> draw = fixed.sample(new java.util.Random(3));
        assertThat(draw).containsEntry("batchSize", 64).containsEntry("optimizer", "adam");
        assertThat(fixed.apply(draw).optimizer().batchSize()).isEqualTo(64);
    }
}
