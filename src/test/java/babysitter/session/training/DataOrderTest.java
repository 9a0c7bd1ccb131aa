package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.OptimizerSpec;
import babysitter.session.configuration.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code batchOrder: data} trains the rows in the order of the file. */
class DataOrderTest {
    private static final int N = 14;
    private static final int B = 4;

    /** A CSV file whose feature "i" is the row's number in the file (from 0). */
    static Path indexedCsv(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("i,label\n");
        for (int i = 0; i < N; i++) {
            csv.append(i).append(',').append(i % 2).append('\n');
        }
        return Files.writeString(dir.resolve("indexed.csv"), csv);
    }

    private static RunConfig config(Path csv, String split) throws ConfigException {
        RunConfig c = ConfigFiles.parse("""
                {
                  "data": { "kind": "csv", "path": "%s", "standardize": false %s },
                  "network": { "precision": "float64" },
                  "optimizer": { "kind": "sgd", "learningRate": 0.1, "batchSize": %d },
                  "epochs": 2, "seed": 5, "batchOrder": "data"
                }""".formatted(csv, split, B), "test");
        // an α below what a person may write: no parameter moves measurably
        return c.withOptimizer(OptimizerSpec.of(c.optimizer().toHyperparameters().withLearningRate(1e-300)));
    }

    /** The first input column of the last step's batch, read back through z = x·W with W = [1, 0]. */
    private static double[] rowsOfLastStep(Trainer t) {
        INDArray z = t.network().z(1);
        double[] rows = new double[(int) z.rows()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = z.getDouble(r, 0);
        }
        return rows;
    }

    @Test
    void stepKTrainsRowsKBToKPlus1BOfTheFile(@TempDir Path dir) throws Exception {
        Trainer t = Runs.start(config(indexedCsv(dir), ", \"devFraction\": 0"), null, null, TrainerTest.CLOCK);
        // with α = 1e-300 neither W nor b moves measurably, so z's first column is the input
        t.network().weights(1).assign(Nd4j.create(new double[][] {{1, 0}}));
        int steps = (N + B - 1) / B;
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int k = 0; k < steps; k++) {
                t.trainStep();
                double[] rows = rowsOfLastStep(t);
                assertThat(rows).as("epoch %d step %d", epoch, k).hasSize(Math.min(B, N - k * B));
                for (int r = 0; r < rows.length; r++) {
                    assertThat(rows[r]).as("epoch %d step %d row %d", epoch, k, r).isCloseTo(k * B + r, within(1e-12));
                }
            }
        }
        assertThat(t.finished()).isTrue();
        t.close();
    }

    @Test
    void withoutShuffledSplitTheTrainingPartIsTheFirstRowsInOrder(@TempDir Path dir) throws Exception {
        Trainer t = Runs.start(config(indexedCsv(dir), ", \"devFraction\": 0.25, \"shuffleSplit\": false"), null,
                null, TrainerTest.CLOCK);
        var split = t.data().split();
        assertThat(split.train().rows()).isEqualTo(10);
        for (int r = 0; r < 10; r++) {
            assertThat(split.train().feature(r, 0)).isEqualTo(r);
        }
        for (int r = 0; r < 4; r++) {
            assertThat(split.dev().feature(r, 0)).isEqualTo(10 + r);
        }
        t.network().weights(1).assign(Nd4j.create(new double[][] {{1, 0}}));
        t.trainStep();
        assertThat(rowsOfLastStep(t)).containsExactly(new double[] {0, 1, 2, 3}, within(1e-12));
        t.close();
    }
}
