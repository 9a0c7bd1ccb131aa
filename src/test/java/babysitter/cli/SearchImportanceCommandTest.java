package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.EarlyStopping;
import babysitter.search.Method;
import babysitter.search.ScriptedExecutor;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchImportanceCommandTest {

    /** A search of 30 scripted trials whose dev accuracy depends on α only (peak at α = 0.01). */
    static Path searchWhereOnlyAlphaMatters(Path tmp) throws Exception {
        Path spaceFile = tmp.resolve("space.json");
        Files.writeString(spaceFile, SearchCommandTest.SPACE);
        Path dir = tmp.resolve("search");
        try (Search s = Search.create(dir, SearchSpace.read(spaceFile), Method.RANDOM, 30, 0,
                new Settings(2, 2, EarlyStopping.none(), 4));
             ScriptedExecutor ex = new ScriptedExecutor(2, (task, epoch) -> {
                 double lg = Math.log10(task.config().optimizer().learningRate());
                 return 0.9 - 0.2 * (lg + 2) * (lg + 2) + 0.001 * epoch;
             })) {
            s.run(ex);
        }
        return dir;
    }

    @Test
    void theTableNamesWhatMatteredAgainstTheCourse(@TempDir Path tmp) throws Exception {
        Path dir = searchWhereOnlyAlphaMatters(tmp);
        SearchCommandTest.Outcome o = SearchCommandTest.run("search", "--importance", dir.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("Importance for the best dev accuracy, from 30 finished trials (all rounds)\n");
        String[] lines = o.out().split("\n");
        assertThat(lines[1]).startsWith("parameter");
        assertThat(lines[2]).startsWith("learningRate").endsWith("1");
        assertThat(o.out()).contains("course: 1 α · 2 β, batch, units · 3 layers, decay · 4 β1, β2, ε")
                .contains("As the course says: α mattered most (30 trials).");
    }

    @Test
    void jsonHoldsEveryShareAndTheReading(@TempDir Path tmp) throws Exception {
        Path dir = searchWhereOnlyAlphaMatters(tmp);
        SearchCommandTest.Outcome o = SearchCommandTest.run("search", "--importance", dir.toString(), "--json",
                "--objective", "cost", "--rounds", "1");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(o.out());
        assertThat(n.get("objective").asText()).isEqualTo("dev-cost");
        assertThat(n.get("trials").asInt()).isEqualTo(30);
        assertThat(n.get("rounds").get(0).asInt()).isEqualTo(1);
        assertThat(n.get("params")).hasSize(3);
        JsonNode first = n.get("params").get(0);
        assertThat(first.get("name").asText()).isEqualTo("learningRate");
        assertThat(first.get("share").asDouble()).isGreaterThan(0.8);
        assertThat(first.get("courseTier").asInt()).isEqualTo(1);
        assertThat(n.get("pairs")).hasSize(3);
        assertThat(n.get("reading").asText()).startsWith("As the course says: α mattered most");
    }

    @Test
    void badOptionsAreUsageErrorsThatNameTheValue(@TempDir Path tmp) throws Exception {
        SearchCommandTest.Outcome missing = SearchCommandTest.run("search", "--importance", tmp.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("no search here");
        Path dir = searchWhereOnlyAlphaMatters(tmp);
        SearchCommandTest.Outcome objective = SearchCommandTest.run("search", "--importance", dir.toString(),
                "--objective", "speed");
        assertThat(objective.code()).isEqualTo(Cli.USAGE);
        assertThat(objective.err()).contains("'speed' is not an objective: use accuracy or cost");
        SearchCommandTest.Outcome round = SearchCommandTest.run("search", "--importance", dir.toString(), "--rounds", "3");
        assertThat(round.code()).isEqualTo(Cli.USAGE);
        assertThat(round.err()).contains("--rounds 3: the search in").contains("has rounds 1 to 1");
        assertThat(SearchCommandTest.run("search", "--resume", dir.toString(), "--json").code()).isEqualTo(Cli.USAGE);
    }
}
