package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.Search;
import babysitter.search.TrialState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    static final String SPACE = """
            { "base": { "data": { "kind": "blobs", "n": 240, "classes": 3, "noise": 0.8, "devFraction": 0.25 },
                        "network": { "hidden": [ { "units": 6, "activation": "relu", "batchNorm": false } ] },
                        "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
                        "epochs": 5, "seed": 3, "logEvery": 5 },
              "params": [
                { "name": "learningRate", "scale": "log", "min": 1e-3, "max": 0.1 },
                { "name": "batchSize", "scale": "pow2", "min": 16, "max": 64 },
                { "name": "units", "scale": "integer", "min": 4, "max": 12 } ] }""";

    @Test
    void aSearchThenANextRoundThenAResume(@TempDir Path tmp) throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, SPACE);
        Path dir = tmp.resolve("search");
        Outcome first = run("search", "--space", space.toString(), "--trials", "4", "--parallel", "2", "--epochs", "2",
                "--out", dir.toString(), "--seed", "4");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("round 1 (initial), 4 random trials of 3 parameters, 2 epochs each, 2 at a time")
                .contains("random: 4 trials → ").contains("[4/4] trial ").contains("best dev acc")
                .contains("trials per hour").contains("round 1 (initial): best dev accuracy")
                .containsPattern("trial\\s+round\\s+learningRate\\s+batchSize\\s+units\\s+dev acc\\s+epoch\\s+state");
        try (Search s = Search.open(dir)) {
            assertThat(s.trials()).hasSize(4).allMatch(t -> t.state() == TrialState.DONE && Files.isDirectory(t.runDir()));
        }

        Outcome next = run("search", "--next", dir.toString(), "--top", "2", "--trials", "2", "--narrow", "units=6:8");
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.out()).contains("round 2 (top 2 of round 1, narrowed by hand on round 1), 2 random trials")
                .contains("round 2 (top 2 of round 1");
        try (Search s = Search.open(dir)) {
            assertThat(s.rounds()).hasSize(2);
            assertThat(s.rounds().get(1).space().param("units").min()).isEqualTo(6);
            assertThat(s.rounds().get(1).space().param("units").max()).isEqualTo(8);
            assertThat(s.trials(1)).hasSize(2).allMatch(t -> t.state() == TrialState.DONE);
        }

        Outcome resume = run("search", "--resume", dir.toString());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("6 of 6 trials finished before; 0 to go").contains("this sitting 0 trials");
    }

    @Test
    void gridShowsHowFewDistinctValuesItTries(@TempDir Path tmp) throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, SPACE);
        Outcome o = run("search", "--space", space.toString(), "--grid", "2", "--parallel", "1", "--epochs", "1",
                "--out", tmp.resolve("g").toString(), "--early-stop", "median", "--grace", "1");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("grid: 2 values per axis → 8 trials, but only 2 distinct values on any axis"
                + " (learningRate 2, batchSize 2, units 2)").contains("early stopping: median");
    }

    @Test
    void badSpaceFilesAndOptionsAreUsageErrors(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad-space.json");
        Files.writeString(bad, SPACE.replace("\"min\": 1e-3", "\"min\": \"abc\""));
        Outcome o = run("search", "--space", bad.toString(), "--out", tmp.resolve("x").toString());
        assertThat(o.code()).isEqualTo(Cli.USAGE);
        assertThat(o.err()).contains("babysitter search: ").contains("bad-space.json").contains("params[0].min")
                .contains("\"abc\" is not a number");
        assertThat(tmp.resolve("x")).doesNotExist();

        assertThat(run("search", "--space", tmp.resolve("none.json").toString(), "--out", tmp.resolve("y").toString()).code())
                .isEqualTo(Cli.USAGE);
        Outcome neither = run("search", "--trials", "3");
        assertThat(neither.code()).isEqualTo(Cli.USAGE);
        assertThat(neither.err()).contains("--space").contains("--resume").contains("--next");
        Outcome missing = run("search", "--resume", tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("no search here");
        Path space = tmp.resolve("space.json");
        Files.writeString(space, SPACE);
        assertThat(run("search", "--space", space.toString(), "--out", tmp.resolve("z").toString(), "--trials", "0").code())
                .isEqualTo(Cli.USAGE);
        assertThat(run("search", "--space", space.toString(), "--out", tmp.resolve("z").toString(),
                "--early-stop", "sometimes").code()).isEqualTo(Cli.USAGE);
    }
}
