package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long run stays cheap to read: eval and export never touch insights.jsonl, and fit a 256 MB heap. */
class LongRunTest {

    static final int EPOCHS = 20_000;
    static final int STEPS_PER_EPOCH = 7;

    private static int cli(String... args) {
        return Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    /** A recorded run whose metrics go on for {@value #EPOCHS} epochs. */
    private static Path longRun(Path tmp) throws Exception {
        return longRun(tmp, 120);
    }

    /** As {@link #longRun(Path)}, of a spiral of {@code points} points. */
    static Path longRun(Path tmp, int points) throws Exception {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"data\": {\"kind\": \"spiral\", \"n\": " + points + ", \"devFraction\": 0.2}, \"epochs\": 1,"
                + " \"network\": {\"hidden\": [{\"units\": 8, \"batchNorm\": true}]}, \"logEvery\": 1}");
        assertThat(cli("train", "--config", cfg.toString(), "--out", tmp.resolve("runs").toString())).isZero();
        Path run;
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            run = s.findFirst().orElseThrow();
        }
        try (BufferedWriter w = Files.newBufferedWriter(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND)) {
            long step = 100;
            for (int e = 1; e < EPOCHS; e++) {
                for (int k = 0; k < STEPS_PER_EPOCH; k++, step++) {
                    w.write("{\"type\":\"step\",\"step\":" + step + ",\"epoch\":" + e + ",\"branch\":0,\"cost\":0.5,"
                            + "\"learningRate\":0.001,\"momentum\":0.9,\"samplesPerSecond\":1000.0,\"timeMillis\":1}\n");
                }
                w.write("{\"type\":\"epoch\",\"epoch\":" + (e + 1) + ",\"step\":" + step + ",\"branch\":0,\"trainCost\":0.5,"
                        + "\"trainAccuracy\":0.8,\"devCost\":0.6,\"devAccuracy\":0.7,\"devCostTrainMode\":0.6,"
                        + "\"devAccuracyTrainMode\":0.7,\"seconds\":0.1,\"timeMillis\":1}\n");
            }
        }
        return run;
    }

    @Test
    void evalExportAndReplayDoNotReadInsights(@TempDir Path tmp) throws Exception {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"data\": {\"kind\": \"xor\", \"n\": 100}, \"epochs\": 1}");
        assertThat(cli("train", "--config", cfg.toString(), "--out", tmp.resolve("runs").toString())).isZero();
        Path run;
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            run = s.findFirst().orElseThrow();
        }
        // a folder where insights.jsonl belongs cannot be read: whoever reads it fails
        Files.move(run.resolve("insights.jsonl"), tmp.resolve("moved.jsonl"));
        Files.createDirectories(run.resolve("insights.jsonl"));
        assertThat(cli("eval", "--run", run.toString())).isZero();
        assertThat(cli("export", "--run", run.toString(), "--csv", tmp.resolve("m.csv").toString())).isZero();
        assertThat(cli("replay", run.toString(), "--out", tmp.resolve("replays").toString())).isZero();
    }

    @Test
    void aTwentyThousandEpochRunIsReadInA256MegabyteHeap(@TempDir Path tmp) throws Exception {
        Path run = longRun(tmp);
        ChildJvm.Result eval = ChildJvm.run(tmp, "eval", "256m", "eval", "--run", run.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        Path csv = tmp.resolve("m.csv");
        ChildJvm.Result export = ChildJvm.run(tmp, "export", "256m", "export", "--run", run.toString(), "--csv",
                csv.toString());
        assertThat(export.code()).as(export.err()).isZero();
        try (Stream<String> lines = Files.lines(csv)) {
            assertThat(lines.filter(l -> l.startsWith("epoch,")).count()).isEqualTo(EPOCHS);
        }
    }
}
