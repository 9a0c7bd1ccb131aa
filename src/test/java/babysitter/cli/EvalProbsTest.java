package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.engine.NpyFile;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.training.Runs;
import babysitter.store.RunReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class EvalProbsTest {
    static final String SPIRAL64 = """
            { "data": { "kind": "spiral", "n": 200, "arms": 3, "noise": 0.1, "devFraction": 0.2, "testFraction": 0.2 },
              "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": true } ], "precision": "float64" },
              "optimizer": { "kind": "adam", "learningRate": 0.02, "batchSize": 32 },
              "epochs": 2, "seed": 4 }""";

    private static Path trained(Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        CliTest.Outcome train = CliTest.run("train", "--config", CliTest.config(tmp, SPIRAL64).toString(), "--out",
                runs.toString());
        assertThat(train.code()).as(train.err()).isZero();
        try (Stream<Path> s = Files.list(runs)) {
            return s.findFirst().orElseThrow();
        }
    }

    @Test
    void probabilitiesOfTheSplitAgreeWithTheCostAndAccuracyPrintedAsJson(@TempDir Path tmp) throws Exception {
        Path runDir = trained(tmp);
        Path npy = tmp.resolve("p.npy");
        CliTest.Outcome eval = CliTest.run("eval", "--run", runDir.toString(), "--split", "dev", "--probs",
                npy.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode o = ConfigFiles.MAPPER.readTree(eval.out());
        assertThat(o.get("split").asText()).isEqualTo("dev");
        int n = o.get("examples").asInt();
        assertThat(n).isEqualTo(40);

        INDArray p = NpyFile.read(npy);
        assertThat(p.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(p.shape()).containsExactly(40, 3);
        int[] labels = Runs.configOf(RunReader.read(runDir)).loadData().split().dev().labels();
        double cost = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            cost -= Math.log(p.getDouble(i, labels[i]));
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = p.getDouble(i, c) > p.getDouble(i, best) ? c : best;
            }
            correct += best == labels[i] ? 1 : 0;
        }
        // the JSON carries the cost to the last digit, and it is the cost of these probabilities
        assertThat(o.get("cost").asDouble()).isCloseTo(cost / n, within(1e-12));
        assertThat(o.get("accuracy").asDouble()).isEqualTo((double) correct / n);
        assertThat(o.get("confusion")).hasSize(3);

        Path csv = tmp.resolve("p.csv");
        CliTest.Outcome again = CliTest.run("eval", "--run", runDir.toString(), "--split", "dev", "--probs",
                csv.toString(), "--cost-digits", "17");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("cost " + String.format(java.util.Locale.ROOT, "%.17f", o.get("cost").asDouble()));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).isEqualTo("0,1,2");
        for (int i = 0; i < n; i++) {
            String[] v = lines.get(i + 1).split(",");
            for (int c = 0; c < 3; c++) {
                assertThat(Double.parseDouble(v[c])).isEqualTo(p.getDouble(i, c));
            }
        }
    }

    @Test
    void aProbabilitiesFileOfAnotherKindIsAUsageErrorAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path runDir = trained(tmp);
        CliTest.Outcome eval = CliTest.run("eval", "--run", runDir.toString(), "--probs", tmp.resolve("p.txt").toString());
        assertThat(eval.code()).isEqualTo(Cli.USAGE);
        assertThat(eval.err()).contains("p.txt").contains(".npy or .csv");
        assertThat(tmp.resolve("p.txt")).doesNotExist();
    }
}
