package babysitter.session.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.data.Dataset;
import babysitter.engine.Activation;
import babysitter.engine.LayerSpec;
import babysitter.engine.Network;
import babysitter.engine.NetworkConfig;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.reports.Report;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.session.training.TrainerTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecisionRegionsTest {

    static RunConfig blobs(int epochs) throws ConfigException {
        return ConfigFiles.parse("""
                {
                  "data": { "kind": "blobs", "n": 600, "classes": 3, "noise": 0.3, "devFraction": 0.2 },
                  "network": { "hidden": [ { "units": 32, "activation": "relu", "batchNorm": false },
                                           { "units": 32, "activation": "relu", "batchNorm": false } ] },
                  "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
                  "epochs": %d, "seed": 5, "logEvery": 10
                }""".formatted(epochs), "test");
    }

    /** The grid cell (row, col) containing (x, y), row 0 at the top. */
    static int[] cellOf(Report.RegionsReport r, double x, double y) {
        int col = (int) Math.floor((x - r.xMin()) / (r.xMax() - r.xMin()) * r.width());
        int row = (int) Math.floor((r.yMax() - y) / (r.yMax() - r.yMin()) * r.height());
        return new int[] {row, col};
    }

    @Test
    void theCellsAroundEachBlobCentreGetThatBlobsClass() throws Exception {
        Trainer t = Runs.start(blobs(10), null, null, TrainerTest.CLOCK);
        while (!t.finished()) {
            t.trainEpoch();
        }
        Dataset train = t.data().split().train();
        assertThat(train.columns()).isEqualTo(2);
        Report.RegionsReport r = DecisionRegions.compute(t.network(), train, 80, 80, 10, 0);
        assertThat(r).isNotNull();
        assertThat(r.width()).isEqualTo(80);
        assertThat(r.height()).isEqualTo(80);
        assertThat(r.epoch()).isEqualTo(10);

        float[] f = train.features();
        double[] sx = new double[3];
        double[] sy = new double[3];
        int[] n = new int[3];
        for (int i = 0; i < train.rows(); i++) {
            int k = train.label(i);
            sx[k] += f[2 * i];
            sy[k] += f[2 * i + 1];
            n[k]++;
        }
        for (int k = 0; k < 3; k++) {
            int[] c = cellOf(r, sx[k] / n[k], sy[k] / n[k]);
            // the centre's cell and its eight neighbours
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    assertThat(r.classAt(c[0] + dr, c[1] + dc)).as("class near the centre of blob %d", k)
                            .isEqualTo(k);
                    assertThat(r.confidenceAt(c[0] + dr, c[1] + dc)).isGreaterThan(0.5f).isLessThanOrEqualTo(1f);
                }
            }
        }
        // all three classes own a region
        byte[] classes = r.classOf();
        assertThat(new String(classes, java.nio.charset.StandardCharsets.ISO_8859_1).chars().distinct().count())
                .isEqualTo(3);
        t.close();
    }

    @Test
    void theGridCoversTheDataWithAMarginAndCarriesThePoints() throws Exception {
        Trainer t = Runs.start(blobs(1), null, null, TrainerTest.CLOCK);
        Dataset train = t.data().split().train();
        Report.RegionsReport r = DecisionRegions.compute(t.network(), train, 40, 30, 0, 0);
        float[] f = train.features();
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (int i = 0; i < train.rows(); i++) {
            minX = Math.min(minX, f[2 * i]);
            maxX = Math.max(maxX, f[2 * i]);
        }
        double span = maxX - minX;
        assertThat(r.xMin()).isCloseTo(minX - 0.1 * span, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.xMax()).isCloseTo(maxX + 0.1 * span, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.classOf()).hasSize(40 * 30);
        assertThat(r.confidence()).hasSize(40 * 30);
        assertThat(r.points()).isEqualTo(train.rows());
        assertThat(r.pointsX()[0]).isEqualTo(f[0]);
        assertThat(r.pointsY()[0]).isEqualTo(f[1]);
        assertThat(r.pointLabels()[0]).isEqualTo(train.label(0));
        // each point carries the probabilities the network gives it: they sum to one, and the
        // most probable class of the first point is the network's prediction for that row
        assertThat(r.classNames()).isEqualTo(train.classNames());
        assertThat(r.pointProbabilities()).hasSize(train.rows() * 3);
        for (int i = 0; i < r.points(); i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += r.pointProbability(i, k);
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        org.nd4j.linalg.api.ndarray.INDArray one = org.nd4j.linalg.factory.Nd4j.create(new float[] {f[0], f[1]},
                new long[] {1, 2}).castTo(t.network().config().precision().dataType());
        org.nd4j.linalg.api.ndarray.INDArray p = t.network().predict(one, Network.Mode.INFERENCE);
        for (int k = 0; k < 3; k++) {
            assertThat((double) r.pointProbability(0, k)).isCloseTo(p.getDouble(0, k),
                    org.assertj.core.data.Offset.offset(1e-5));
        }
        t.close();
    }

    @Test
    void rowZeroIsTheTopOfTheGrid() {
        // Weights set by hand: hidden (relu(y), relu(−y)), logits (10·relu(−y), 10·relu(y)), so the
        // class is 1 above y = 0 and 0 below, with p = σ(10·|y|).
        Network net = new Network(NetworkConfig.of(2, List.of(new LayerSpec(2, Activation.RELU, false)), 2, 1));
        net.weights(1).assign(org.nd4j.linalg.factory.Nd4j.create(new float[][] {{0, 0}, {1, -1}}));
        net.bias(1).assign(0);
        net.weights(2).assign(org.nd4j.linalg.factory.Nd4j.create(new float[][] {{0, 10}, {10, 0}}));
        net.bias(2).assign(0);
        // points at (-1, -1) and (1, 1): the grid spans y ∈ [-1.2, 1.2]
        Dataset d = new Dataset("two", new float[] {-1, -1, 1, 1}, 2, 2, new int[] {0, 1}, List.of("a", "b"),
                List.of("x", "y"));
        Report.RegionsReport r = DecisionRegions.compute(net, d, 4, 4, 0, 0);
        assertThat(r.yMax()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
        for (int col = 0; col < 4; col++) {
            assertThat(r.classAt(0, col)).as("top row (y > 0)").isEqualTo(1);
            assertThat(r.classAt(1, col)).isEqualTo(1);
            assertThat(r.classAt(2, col)).isEqualTo(0);
            assertThat(r.classAt(3, col)).as("bottom row (y < 0)").isEqualTo(0);
        }
        // the top row's centre is at y = 1.2 − 0.3 = 0.9: p(1) = σ(9)
        assertThat((double) r.confidenceAt(0, 0)).isCloseTo(1 / (1 + Math.exp(-9)),
                org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void nothingIsComputedForDataWithOtherThanTwoFeatures() {
        Network net = new Network(NetworkConfig.of(3, List.of(new LayerSpec(4, Activation.RELU, false)), 2, 1));
        Dataset d = new Dataset("three", new float[] {0, 1, 2, 3, 4, 5}, 2, 3, new int[] {0, 1}, List.of("a", "b"),
                List.of("x", "y", "z"));
        assertThat(DecisionRegions.applies(d)).isFalse();
        assertThat(DecisionRegions.compute(net, d, 80, 80, 0, 0)).isNull();
        assertThat(net.steps()).isZero();
    }

    @Test
    void aReportCopiesItsArraysAndChecksItsSizes() {
        byte[] classOf = {0, 1};
        float[] conf = {0.5f, 0.9f};
        Report.RegionsReport r = new Report.RegionsReport(1, 0, List.of("a", "b"), 0, 1, 0, 1, 2, 1, classOf,
                conf, new float[0], new float[0], new int[0], new float[0]);
        classOf[0] = 1;
        r.classOf()[1] = 0;
        assertThat(r.classAt(0, 0)).isEqualTo(0);
        assertThat(r.classAt(0, 1)).isEqualTo(1);
        assertThatThrownBy(() -> new Report.RegionsReport(1, 0, List.of("a", "b"), 0, 1, 0, 1, 3, 1, classOf,
                conf, new float[0], new float[0], new int[0], new float[0])).hasMessageContaining("width × height");
        assertThatThrownBy(() -> new Report.RegionsReport(1, 0, List.of("a", "b"), 0, 1, 0, 1, 2, 1, classOf,
                conf, new float[] {0}, new float[] {0}, new int[] {0}, new float[3]))
                .hasMessageContaining("1 points of 2 classes need 2 probabilities");
    }

    @Test
    void oneComputationCostsAboutAShortEpoch() throws Exception {
        Trainer t = Runs.start(blobs(12), null, null, TrainerTest.CLOCK);
        Dataset train = t.data().split().train();
        t.trainEpoch(); // warm-up
        for (int i = 0; i < 5; i++) {
            DecisionRegions.compute(t.network(), train, 80, 80, 0, 0); // warm-up
        }
        // Best of interleaved rounds, measured in the same run: the machine's noise hits both alike.
        // (Absolute numbers: the insights benchmark in docs/PERFORMANCE.md.)
        long bestEpoch = Long.MAX_VALUE;
        long bestRegions = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            t.trainEpoch();
            long mid = System.nanoTime();
            DecisionRegions.compute(t.network(), train, 80, 80, 0, 0);
            long end = System.nanoTime();
            bestEpoch = Math.min(bestEpoch, mid - start);
            bestRegions = Math.min(bestRegions, end - mid);
        }
        System.out.printf(Locale.ROOT,
                "decision regions 80×80 on a 2-32-32-3 net: %.2f ms (of which the %d points' probabilities %.2f ms);"
                        + " one epoch of %d rows: %.2f ms%n", bestRegions / 1e6,
                Math.min(train.rows(), DecisionRegions.MAX_POINTS), DecisionRegions.lastPointNanos / 1e6,
                train.rows(), bestEpoch / 1e6);
        // 6,400 cells and the points through the network, forward only: a couple of epochs of these
        // 480 rows (2.2 here, best against best). Eight epochs leaves room for a loaded machine; a map
        // computed row by row would cost a hundred.
        assertThat((double) bestRegions).as("ns of a computation vs %d ns of an epoch", bestEpoch)
                .isLessThan(8.0 * bestEpoch);
        t.close();
    }
}
