package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.EarlyStopping;
import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextRoundOnImportantTest {
    @TempDir
    Path dir;

    @Test
    void theParametersThatDidNotMatterAreHeldAtTheBestTrialsValues() throws Exception {
        SearchSpace space = SearchSpace.parse(SearchViewModelTest.SPACE, "test space", dir);
        try (Search search = Search.create(dir.resolve("s"), space, Method.RANDOM, 30, 0,
                new Settings(2, 1, EarlyStopping.none(), 1))) {
            SearchViewModel v = new SearchViewModel(Runnable::run, r -> { }, Clock.systemUTC(), n -> {
                throw new AssertionError("nothing runs here");
            }, Runnable::run);
            v.attach(search, 1);
            Param lr = space.param("learningRate");
            List<Trial> done = new ArrayList<>();
            for (Trial t : search.trials()) {
                double u = lr.toUnit(t.values().get("learningRate"));
                done.add(SearchViewModelTest.trial(t.id(), TrialState.DONE, t.values(), 0.95 - 0.5 * (u - 0.6) * (u - 0.6)));
            }
            // with too few finished trials it says why and adds nothing
            v.show(search.rounds(), done.subList(0, 3));
            v.nextRound().onImportant();
            assertThat(v.notificationProperty().get()).isEqualTo("Not yet: No importance yet: 3 finished trials: at least 5"
                    + " are needed.");
            assertThat(search.rounds()).hasSize(1);

            v.show(search.rounds(), done);
            assertThat(v.importance().latest().unimportant()).containsExactlyInAnyOrder("momentum", "batchSize", "optimizer");
            Trial best = v.trials().trial(v.trials().bestTrialProperty().get());
            v.nextRound().onImportant();
            assertThat(search.rounds()).hasSize(2);
            Round next = search.rounds().get(1);
            assertThat(next.origin()).startsWith("important ones of round 1; held momentum=");
            assertThat(next.space().param("learningRate")).isEqualTo(space.param("learningRate"));
            for (String held : List.of("momentum", "batchSize", "optimizer")) {
                assertThat(next.space().param(held).grid(3)).as(held).containsExactly(best.values().get(held));
            }
            assertThat(search.trials(1)).hasSize(Integer.parseInt(v.nextRound().trialsTextProperty().get()))
                    .allSatisfy(t -> assertThat(t.values().get("batchSize")).isEqualTo(best.values().get("batchSize")));
            v.cancel();
        }
    }
}
