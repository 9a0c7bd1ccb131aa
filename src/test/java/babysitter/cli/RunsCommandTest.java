package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.store.FakeRuns;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {

    @Test
    void listsSortsAndFiltersRunsAsTextAndJson(@TempDir Path root) throws Exception {
        FakeRuns.run(root, "low", "spiral", "adam", 0.02, 0.9, 3, "finished", 1_700_000_000L, 0.5, 0.6);
        FakeRuns.run(root, "high", "spiral", "sgd", 0.1, Double.NaN, 3, "stopped", 1_700_000_001L, 0.9);
        FakeRuns.run(root, "other", "moons", "adam", 0.01, 0.9, 3, "killed", 1_700_000_002L, 0.7);

        CliTest.Outcome table = CliTest.run("runs", "list", "--dir", root.toString(), "--sort", "dev-acc");
        assertThat(table.code()).as(table.err()).isZero();
        String out = table.out();
        assertThat(out.indexOf("-high")).isLessThan(out.indexOf("-other")).isGreaterThan(0);
        assertThat(out.indexOf("-other")).isLessThan(out.indexOf("-low"));
        assertThat(out).contains("Best dev acc").contains("0.9000").contains("stopped").contains("killed")
                .contains("3 runs");

        CliTest.Outcome json = CliTest.run("runs", "list", "--dir", root.toString(), "--filter", "data=spiral",
                "--sort", "dev-acc", "--reverse", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode runs = babysitter.store.Json.MAPPER.readTree(json.out());
        assertThat(runs.size()).isEqualTo(2);
        assertThat(runs.get(0).get("name").asText()).isEqualTo("low");
        assertThat(runs.get(0).get("bestDevAccuracy").asDouble()).isEqualTo(0.6);
        assertThat(runs.get(0).get("state").asText()).isEqualTo("finished");
        assertThat(runs.get(1).get("betaStart").isNull()).as("sgd has no β").isTrue();
    }

    @Test
    void aBadSortOrFilterIsAUsageErrorNamingIt(@TempDir Path root) {
        CliTest.Outcome sort = CliTest.run("runs", "list", "--dir", root.toString(), "--sort", "colour");
        assertThat(sort.code()).isEqualTo(Cli.USAGE);
        assertThat(sort.err()).contains("--sort").contains("no column 'colour'").contains("dev-acc");
        CliTest.Outcome filter = CliTest.run("runs", "list", "--dir", root.toString(), "--filter", "epochs>many");
        assertThat(filter.code()).isEqualTo(Cli.USAGE);
        assertThat(filter.err()).contains("--filter").contains("'many' is not");
    }

    @Test
    void comparesRunsAsCsvAndAsAnSvgWithALinePerRun(@TempDir Path root) throws Exception {
        Path a = FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 3, "finished", 1_700_000_000L, 0.5, 0.6);
        Path b = FakeRuns.run(root, "b", "spiral", "sgd", 0.1, Double.NaN, 3, "finished", 1_700_000_001L, 0.7, 0.8, 0.9);
        Path csv = root.resolve("out.csv");
        CliTest.Outcome out = CliTest.run("runs", "compare", a.toString(), b.getFileName().toString(), "--dir",
                root.toString(), "--csv", csv.toString());
        assertThat(out.code()).as(out.err()).isZero();
        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(RunsCompareCommand.HEADER);
        assertThat(lines).hasSize(1 + 2 + 3);
        assertThat(lines.get(5)).startsWith(b.getFileName() + ",3,9,").contains(",0.9,");

        Path svg = root.resolve("out.svg");
        out = CliTest.run("runs", "compare", a.toString(), b.toString(), "--svg", svg.toString(), "--metric", "dev-cost",
                "--x", "step");
        assertThat(out.code()).as(out.err()).isZero();
        String text = java.nio.file.Files.readString(svg);
        assertThat(text).contains("dev cost of 2 runs").contains(a.getFileName().toString())
                .contains(b.getFileName().toString()).contains(babysitter.plot.Palette.run(0))
                .contains(babysitter.plot.Palette.run(1));
    }

    @Test
    void compareNeedsOneOutputAndKnownMetric(@TempDir Path root) throws Exception {
        Path a = FakeRuns.run(root, "a", "spiral", "adam", 0.02, 0.9, 3, "finished", 1_700_000_000L, 0.5);
        CliTest.Outcome none = CliTest.run("runs", "compare", a.toString(), a.toString());
        assertThat(none.code()).isEqualTo(Cli.USAGE);
        CliTest.Outcome metric = CliTest.run("runs", "compare", a.toString(), a.toString(), "--svg",
                root.resolve("x.svg").toString(), "--metric", "speed");
        assertThat(metric.code()).isEqualTo(Cli.USAGE);
        assertThat(metric.err()).contains("no metric 'speed'").contains("dev-acc");
        CliTest.Outcome missing = CliTest.run("runs", "compare", a.toString(), "nothing-here", "--dir", root.toString(),
                "--csv", root.resolve("x.csv").toString());
        assertThat(missing.code()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains(root.resolve("nothing-here").toString());
        assertThat(root.resolve("x.csv")).doesNotExist();
    }
}
