package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import babysitter.search.EarlyStopping;
import babysitter.search.Method;
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
    void aPathTypedFromItsFirstSlashNamesNothingUntilItHasAFileName() {
        assertThat(NewSearchViewModel.defaultName("/")).isEmpty();
        NewSearchViewModel f = form();
        f.spaceFileProperty().set("/");
        assertThat(f.nameProperty().get()).isEmpty();
        f.spaceFileProperty().set("/w");
        assertThat(f.nameProperty().get()).isEqualTo("w");
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
        assertThat(f.trialsProperty().get()).isEqualTo(Integer.toString(NextRoundForm.DEFAULT_TRIALS));

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

    @Test
    void gridTakesValuesPerAxisAndShowsTheTrialsItMakes() throws Exception {
        NewSearchViewModel f = form();
        assertThat(f.methodProperty().get()).isEqualTo(Method.RANDOM);
        f.spaceFileProperty().set(tmp.resolve("not-yet.json").toString());
        f.trialsProperty().set("abc");
        assertThat(f.valid().get()).isFalse();
        f.gridValuesProperty().set("abc");
        assertThat(f.gridErrorProperty().get()).isEmpty(); // random search does not look at it

        f.methodProperty().set(Method.GRID);
        assertThat(f.trialsErrorProperty().get()).isEmpty(); // the grid decides the trials
        assertThat(f.gridErrorProperty().get()).contains("'abc'").contains("from 2 to 100");
        assertThat(f.valid().get()).isFalse();
        f.gridValuesProperty().set("0");
        assertThat(f.gridErrorProperty().get()).contains("'0'").contains("from 2 to 100");
        f.gridValuesProperty().set("1");
        assertThat(f.gridErrorProperty().get()).contains("'1'").contains("single point");
        f.gridValuesProperty().set("3");
        assertThat(f.gridErrorProperty().get()).isEmpty();
        assertThat(f.valid().get()).isTrue();
        // no space yet: the count waits for it
        assertThat(f.gridCountProperty().get()).contains("choose a space");

        // learningRate, momentum (3 values each), batchSize pow2 16..256 (3 of 5), optimizer (2 choices)
        Path good = tmp.resolve("space.json");
        Files.writeString(good, SearchViewModelTest.SPACE);
        f.spaceFileProperty().set(good.toString());
        assertThat(f.gridCountProperty().get())
                .isEqualTo("3 values per axis × 4 parameters → 3 × 3 × 3 × 2 = 54 trials (some axes have fewer values)");
        f.gridValuesProperty().set("2");
        assertThat(f.gridCountProperty().get()).isEqualTo("2 values per axis × 4 parameters → 16 trials");
        // a grid past the trials cap says how many values per axis would fit
        f.gridValuesProperty().set("10");
        assertThat(f.gridErrorProperty().get()).isEmpty();
        assertThat(f.gridCountProperty().get()).contains("10 × 10 × 5 × 2 = 1000 trials");
        f.gridValuesProperty().set("12");
        assertThat(f.gridErrorProperty().get()).contains("12 values per axis × 4 parameters makes 1440")
                .contains("at most 1000 trials").contains("use at most 10 values per axis");
        assertThat(f.valid().get()).isFalse();

        f.gridValuesProperty().set("2");
        f.epochsProperty().set("1");
        Optional<Search> s = f.create();
        assertThat(s).as(f.errorProperty().get()).isPresent();
        try (Search search = s.get()) {
            assertThat(search.rounds().get(0).method()).isEqualTo(Method.GRID);
            assertThat(search.rounds().get(0).gridValuesPerAxis()).isEqualTo(2);
            assertThat(search.trials()).hasSize(16);
        }
        f.methodProperty().set(Method.RANDOM);
        assertThat(f.gridErrorProperty().get()).isEmpty();
        assertThat(f.trialsErrorProperty().get()).contains("'abc'");
    }

    /**
     * A space file that cannot be used is said in the window's language: the file, where in it and
     * the rule (a space's own rules, a base configuration's, a value's, JSON's); in English the
     * dialog says what the command line says.
     */
    @Test
    void aBadSpaceIsSaidInTheWindowsLanguage() throws Exception {
        String base = "{ \"data\": { \"kind\": \"spiral\" }, \"network\": { \"hidden\": [ { \"units\": 4 } ] },"
                + " \"optimizer\": { \"kind\": \"sgd\", \"learningRate\": 0.1, \"batchSize\": 8 }, \"epochs\": 1 }";
        String[] spaces = {
            "{ \"base\": " + base + ", \"params\": [ { \"name\": \"batchSize\", \"scale\": \"log\", \"min\": 8, \"max\": 64 } ] }",
            "{ \"base\": " + base + ", \"params\": [ { \"name\": \"learningRate\", \"scale\": \"log\", \"min\": 0, \"max\": 1 } ] }",
            "{ \"base\": \"missing.json\", \"params\": [ { \"name\": \"learningRate\", \"scale\": \"log\", \"min\": 1e-4, \"max\": 1 } ] }",
            "{ \"base\": " + base.replace("\"epochs\"", "\"epoch\"") + ", \"params\": [] }",
            "{ \"base\": " + base + ", \"params\": [ { \"name\": \"colour\" } ] }",
            "{ \"base\": " + base + ", \"params\": [ ] ",
            "{ \"base\": " + base + ", \"params\": [ { \"name\": \"learningRate\", \"scale\": \"linear\", \"min\": 0, \"max\": 1 } ] }",
        };
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (int i = 0; i < spaces.length; i++) {
                Path file = tmp.resolve("space" + i + ".json");
                Files.writeString(file, spaces[i]);
                String english = catchThrowableOfType(() -> babysitter.search.SearchSpace.read(file),
                        babysitter.session.configuration.ConfigException.class).getMessage();
                NewSearchViewModel f = form();
                f.spaceFileProperty().set(file.toString());
                java.util.Locale.setDefault(java.util.Locale.ENGLISH);
                assertThat(f.create()).isEmpty();
                assertThat(f.errorProperty().get()).isEqualTo(english);
                java.util.Locale.setDefault(java.util.Locale.KOREAN);
                assertThat(f.create()).isEmpty();
                assertThat(f.errorProperty().get()).as(english).startsWith(file.toString()).isNotEqualTo(english)
                        .doesNotContain("!config.", "expected", "required", "must", "unknown", "cannot");
            }
            NewSearchViewModel f = form();
            f.spaceFileProperty().set(tmp.resolve("space0.json").toString());
            f.create();
            assertThat(f.errorProperty().get()).isEqualTo(tmp.resolve("space0.json")
                    + ": params[0].scale: batchSize은(는) 'log' 척도로 탐색할 수 없습니다. 가능한 척도: integer, pow2");
            f.spaceFileProperty().set(tmp.resolve("space1.json").toString());
            f.create();
            assertThat(f.errorProperty().get()).isEqualTo(tmp.resolve("space1.json")
                    + ": params[0]: learningRate: min 0은(는) 쓸 수 없습니다. 로그 척도는 0 < min <= max이어야 합니다");
            f.spaceFileProperty().set(tmp.resolve("space6.json").toString());
            f.create();
            assertThat(f.errorProperty().get()).isEqualTo(tmp.resolve("space6.json")
                    + ": params[0] (learningRate): learningRate=0: 학습률 α은(는) 0보다 큰 유한한 수이어야 합니다. 입력값: 0.0");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
