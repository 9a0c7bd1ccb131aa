package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.EarlyStopping;
import babysitter.search.Search;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The New search form without a toolkit. */
class NewSearchViewModelTest {
    @TempDir
    Path tmp;

    private NewSearchViewModel form() {
        return new NewSearchViewModel(tmp.resolve("runs"),
                Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneId.systemDefault()));
    }

    @Test
    void everyFieldSaysWhatIsWrongWithIt() {
        NewSearchViewModel f = form();
        assertThat(f.valid().get()).isFalse();
        assertThat(f.spaceErrorProperty().get()).contains("space.json");
        f.spaceFileProperty().set("/some/where/space.json");
        assertThat(f.valid().get()).isTrue();
        f.trialsProperty().set("-2");
        assertThat(f.trialsErrorProperty().get()).contains("'-2'").contains("at least 1");
        f.trialsProperty().set("4");
        f.parallelProperty().set("abc");
        assertThat(f.parallelErrorProperty().get()).contains("'abc'").contains("from 1 to 64");
        f.parallelProperty().set("2");
        f.epochsProperty().set("0");
        assertThat(f.epochsErrorProperty().get()).contains("'0'").contains("Epochs per trial");
        assertThat(f.valid().get()).isFalse();
        f.epochsProperty().set("3");
        f.graceProperty().set("0");
        assertThat(f.valid().get()).isTrue(); // grace only counts with early stopping
        f.stoppingProperty().set(EarlyStopping.Kind.MEDIAN);
        assertThat(f.graceErrorProperty().get()).contains("'0'");
        assertThat(f.valid().get()).isFalse();
    }

    @Test
    void theFolderIsNamedAfterTheSpaceUnderTheRunsRoot() {
        NewSearchViewModel f = form();
        f.spaceFileProperty().set("/x/spiral space.json");
        assertThat(f.nameProperty().get()).isEqualTo("spiral space");
        Path folder = f.folder();
        assertThat(folder.getParent()).isEqualTo(tmp.resolve("runs").resolve("searches"));
        assertThat(folder.getFileName().toString()).startsWith("spiral-space-2026030");
    }

    @Test
    void aBadSpaceLeavesItsMessageAndAGoodOneMakesTheSearch() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{ \"base\": {}, \"params\": [] ");
        NewSearchViewModel f = form();
        f.spaceFileProperty().set(bad.toString());
        assertThat(f.create()).isEmpty();
        assertThat(f.errorProperty().get()).contains(bad.toString()).contains("JSON");
        assertThat(f.trialsProperty().get()).isEqualTo(Integer.toString(SearchViewModel.DEFAULT_TRIALS));

        Path good = tmp.resolve("space.json");
        Files.writeString(good, SearchViewModelTest.SPACE);
        f.spaceFileProperty().set(good.toString());
        assertThat(f.errorProperty().get()).isEmpty();
        f.trialsProperty().set("3");
        f.epochsProperty().set("2");
        Optional<Search> s = f.create();
        assertThat(s).isPresent();
        try (Search search = s.get()) {
            assertThat(search.dir().getParent()).isEqualTo(tmp.resolve("runs").resolve("searches"));
            assertThat(search.trials()).hasSize(3);
            assertThat(search.settings().epochs()).isEqualTo(2);
            assertThat(Files.exists(search.dir().resolve("search.json"))).isTrue();
        }
    }
}
