package babysitter.session.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A float64 network trains on the values as read from the file, not on their float32 roundings. */
class Float64DataTest {
    /** Features float32 cannot hold exactly (0.1 alone is off by 1.5e-9 as a float). */
    private static final double[][] X = {
        {0.1, 2.718281828459045},
        {-1.2345678901234567, 0.3333333333333333},
        {3.141592653589793, -0.7071067811865476},
        {1e-3, 12.000000000000002},
    };
    private static final int[] Y = {0, 1, 1, 0};
    private static final double[][] W = {{0.3, -0.2}, {0.5, 0.1}};

    private static Path csv(Path dir) throws Exception {
        StringBuilder s = new StringBuilder("a,b,label\n");
        for (int i = 0; i < X.length; i++) {
            s.append(Double.toString(X[i][0])).append(',').append(Double.toString(X[i][1])).append(',')
                    .append(Y[i]).append('\n');
        }
        return Files.writeString(dir.resolve("exact.csv"), s);
    }

    /** Mean cross-entropy of softmax(x·W) (b = 0), written out by hand. */
    private static double handCost(double[][] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z0 = x[i][0] * W[0][0] + x[i][1] * W[1][0];
            double z1 = x[i][0] * W[0][1] + x[i][1] * W[1][1];
            double max = Math.max(z0, z1);
            double logSum = max + Math.log(Math.exp(z0 - max) + Math.exp(z1 - max));
            sum += logSum - (Y[i] == 0 ? z0 : z1);
        }
        return sum / x.length;
    }

    private static Trainer start(Path dir, String precision) throws Exception {
        RunConfig config = ConfigFiles.parse("""
                {
                  "data": { "kind": "csv", "path": "%s", "standardize": false, "devFraction": 0 },
                  "network": { "precision": "%s" },
                  "optimizer": { "kind": "sgd", "learningRate": 0.1, "batchSize": 4 },
                  "epochs": 1, "seed": 2, "batchOrder": "data"
                }""".formatted(csv(dir), precision), "test");
        Trainer t = Runs.start(config, null, null, TrainerTest.CLOCK);
        DataType dt = t.network().config().precision().dataType();
        t.network().weights(1).assign(Nd4j.create(W).castTo(dt));
        return t;
    }

    @Test
    void theFirstStepsCostIsTheHandComputedCostOfTheValuesAsRead(@TempDir Path dir) throws Exception {
        Trainer t = start(dir, "float64");
        assertThat(t.data().split().train().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(t.data().split().train().feature(0, 0)).isEqualTo(0.1);
        double cost = t.trainStep().cost();
        assertThat(cost).isCloseTo(handCost(X), within(1e-15));

        // the check can fail: the same computation on the float32 roundings is far off
        double[][] rounded = new double[X.length][2];
        for (int i = 0; i < X.length; i++) {
            rounded[i][0] = (float) X[i][0];
            rounded[i][1] = (float) X[i][1];
        }
        assertThat(Math.abs(handCost(rounded) - handCost(X))).isGreaterThan(1e-9);
        t.close();
    }

    @Test
    void theEvaluationOfAFloat64NetworkSeesTheValuesAsRead(@TempDir Path dir) throws Exception {
        Trainer t = start(dir, "float64");
        var e = Evaluator.evaluate(t.network(), t.data().split().train(), babysitter.engine.Network.Mode.INFERENCE, 3);
        assertThat(e.cost()).isCloseTo(handCost(X), within(1e-15));
        t.close();
    }

    @Test
    void aFloat32NetworkKeepsFloat32Storage(@TempDir Path dir) throws Exception {
        Trainer t = start(dir, "float32");
        assertThat(t.data().split().train().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(t.data().split().train().feature(0, 0)).isEqualTo((double) 0.1f);
        t.close();
    }
}
