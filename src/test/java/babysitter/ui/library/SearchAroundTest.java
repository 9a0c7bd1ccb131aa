package babysitter.ui.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.search.Param;
import babysitter.search.Scale;
import babysitter.search.SearchSpace;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchAroundTest {

    static final String SPIRAL = """
            { "name": "spiral-a", "data": { "kind": "spiral", "n": 300, "arms": 3, "noise": 0.1, "devFraction": 0.2, "testFraction": 0.1 },
              "network": { "hidden": [ { "units": 16, "activation": "relu", "batchNorm": true } ] },
              "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 },
              "epochs": 3, "seed": 5, "logEvery": 1 }""";

    static RunConfig config() throws ConfigException {
        return ConfigFiles.parse(SPIRAL, "spiral.json");
    }

    @Test
    void theSpaceIsCentredOnTheRunAndReadsBackUnderTheSearchRules(@TempDir Path runs) throws Exception {
        List<SearchAround.Row> rows = SearchAround.around(config());
        assertThat(rows).extracting(SearchAround.Row::name).containsExactly("learningRate", "beta1", "batchSize", "units");
        assertThat(rows).extracting(SearchAround.Row::scale)
                .containsExactly(Scale.LOG, Scale.ONE_MINUS_LOG, Scale.POW2, Scale.INTEGER);
        Path file = SearchAround.spaceFile(runs, "spiral-a");
        assertThat(file).isEqualTo(runs.resolve("spaces").resolve("spiral-a-around.json"));
        SearchSpace space = SearchAround.write(config(), rows, file);
        assertThat(space.base().name()).isEqualTo("spiral-a");
        double[] current = {0.02, 0.9, 32, 16};
        for (int i = 0; i < current.length; i++) {
            Param p = space.params().get(i);
            assertThat(current[i]).as(p.name()).isBetween(p.min(), p.max());
        }
        assertThat(space.params().get(0).min()).isCloseTo(0.002, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(space.params().get(0).max()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SearchAround.spaceFile(runs, "spiral-a")).as("not overwritten").hasFileName("spiral-a-around-2.json");
    }

    @Test
    void aParameterSwitchedOffIsLeftOutAndABadRangeIsNamedAndNotKept(@TempDir Path runs) throws Exception {
        List<SearchAround.Row> rows = new ArrayList<>(SearchAround.around(config()));
        rows.set(1, new SearchAround.Row("beta1", false, Scale.ONE_MINUS_LOG, 0, 0.99));
        SearchSpace space = SearchAround.write(config(), rows, runs.resolve("a.json"));
        assertThat(space.params()).extracting(Param::name).containsExactly("learningRate", "batchSize", "units");

        rows.set(0, new SearchAround.Row("learningRate", true, Scale.LOG, -1, 0.2));
        Path bad = runs.resolve("b.json");
        assertThatThrownBy(() -> SearchAround.write(config(), rows, bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("learningRate");
        assertThat(bad).doesNotExist();
    }
}
