package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class MiniBatchesTest {

    /** 10 rows × 3 columns; row r holds r + 0.25, r + 0.5, r + 0.75 and label r mod 3. */
    static Dataset data() {
        int n = 10;
        float[] f = new float[n * 3];
        int[] l = new int[n];
        for (int r = 0; r < n; r++) {
            f[3 * r] = r + 0.25f;
            f[3 * r + 1] = r + 0.5f;
            f[3 * r + 2] = r + 0.75f;
            l[r] = r % 3;
        }
        return new Dataset("rows", f, n, 3, l, List.of("a", "b", "c"), List.of("p", "q", "s"));
    }

    /** The rows of one epoch, with the x values checked against the data set. */
    private static List<int[]> epoch(MiniBatches mb) {
        List<int[]> batches = new ArrayList<>();
        mb.startEpoch();
        while (mb.hasNext()) {
            MiniBatches.Batch b = mb.next();
            assertThat(b.x().rows()).isEqualTo(b.size());
            assertThat(b.x().columns()).isEqualTo(3);
            for (int i = 0; i < b.size(); i++) {
                int r = b.rows()[i];
                assertThat(b.labels()[i]).isEqualTo(r % 3);
                for (int j = 0; j < 3; j++) {
                    assertThat(b.x().getDouble(i, j)).isEqualTo(r + 0.25 * (j + 1));
                }
            }
            batches.add(b.rows());
        }
        return batches;
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void everyRowOncePerEpochWithPartialLastBatch(DataType type) {
        MiniBatches mb = new MiniBatches(data(), 4, BatchOrder.SHUFFLED, new SeededRandom(1), type);
        assertThat(mb.batchesPerEpoch()).isEqualTo(3);
        mb.startEpoch();
        INDArray firstX = mb.next().x();
        assertThat(firstX.dataType()).isEqualTo(type);
        List<int[]> batches = epoch(mb);
        assertThat(batches).extracting(b -> b.length).containsExactly(4, 4, 2);
        int[] all = flat(batches);
        Arrays.sort(all);
        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void dataOrderIsIdentityEveryEpoch() {
        MiniBatches mb = new MiniBatches(data(), 3, BatchOrder.DATA, new SeededRandom(1), DataType.FLOAT);
        long state = new SeededRandom(1).state();
        for (int e = 0; e < 2; e++) {
            List<int[]> batches = epoch(mb);
            assertThat(batches).extracting(b -> b.length).containsExactly(3, 3, 3, 1);
            assertThat(flat(batches)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        assertThat(mb.position().randomState()).isEqualTo(state); // DATA order draws nothing
    }

    @Test
    void shuffledIsReproducibleFromTheSeedAndDiffersPerEpoch() {
        MiniBatches a = new MiniBatches(data(), 4, BatchOrder.SHUFFLED, new SeededRandom(77), DataType.FLOAT);
        MiniBatches b = new MiniBatches(data(), 4, BatchOrder.SHUFFLED, new SeededRandom(77), DataType.FLOAT);
        int[] a1 = flat(epoch(a));
        int[] a2 = flat(epoch(a));
        assertThat(flat(epoch(b))).containsExactly(a1);
        assertThat(flat(epoch(b))).containsExactly(a2);
        assertThat(a2).isNotEqualTo(a1);
        assertThat(a1).isNotEqualTo(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        MiniBatches c = new MiniBatches(data(), 4, BatchOrder.SHUFFLED, new SeededRandom(78), DataType.FLOAT);
        assertThat(flat(epoch(c))).isNotEqualTo(a1);
    }

    /**
     * With several engine threads each copies its share of a batch's rows into the input array:
     * every row lands where one thread alone puts it, in full and partial batches alike.
     */
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void aBatchCopiedByThreeThreadsIsTheBatchOneThreadCopies(DataType type) {
        int rows = 75;
        int columns = 1024;
        int batch = 40; // a full batch of 40 rows and a partial one of 35, both large enough to split
        assertThat(35 * columns).isGreaterThanOrEqualTo(MiniBatches.MIN_SPLIT_VALUES);
        float[] f = new float[rows * columns];
        int[] labels = new int[rows];
        for (int i = 0; i < f.length; i++) {
            f[i] = i * 0.5f;
        }
        Dataset wide = new Dataset("wide", f, rows, columns, labels, List.of("a", "b"),
                java.util.stream.IntStream.range(0, columns).mapToObj(j -> "p" + j).toList());
        List<double[]> alone = new ArrayList<>();
        MiniBatches one = new MiniBatches(wide, batch, BatchOrder.SHUFFLED, new SeededRandom(5), type);
        one.startEpoch();
        while (one.hasNext()) {
            alone.add(one.next().x().ravel().toDoubleVector());
        }
        MiniBatches three = new MiniBatches(wide, batch, BatchOrder.SHUFFLED, new SeededRandom(5), type);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            three.copyInParts(3, (parts, part) -> {
                List<Future<?>> running = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    int mine = p;
                    running.add(pool.submit(() -> part.accept(mine)));
                }
                for (Future<?> done : running) {
                    try {
                        done.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            three.startEpoch();
            for (double[] expected : alone) {
                assertThat(three.next().x().ravel().toDoubleVector()).containsExactly(expected);
            }
            assertThat(three.hasNext()).isFalse();
        } finally {
            pool.shutdownNow();
        }
        assertThat(alone).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void fullBatchesReuseOneArrayAndThePartialAnother(DataType type) {
        MiniBatches mb = new MiniBatches(data(), 4, BatchOrder.SHUFFLED, new SeededRandom(3), type);
        mb.startEpoch();
        INDArray x1 = mb.next().x();
        INDArray x2 = mb.next().x();
        INDArray x3 = mb.next().x();
        assertThat(x2).isSameAs(x1);
        assertThat(x3).isNotSameAs(x1);
        mb.startEpoch();
        assertThat(mb.next().x()).isSameAs(x1);
        assertThat(mb.next().x()).isSameAs(x1);
        assertThat(mb.next().x()).isSameAs(x3);
    }

    @Test
    void positionRestoreReproducesTheFollowingBatchesBitForBit() {
        MiniBatches mb = new MiniBatches(data(), 3, BatchOrder.SHUFFLED, new SeededRandom(9), DataType.FLOAT);
        mb.startEpoch();
        mb.next();
        mb.next();
        MiniBatches.Position saved = mb.position();
        assertThat(saved.next()).isEqualTo(6);
        List<float[]> expected = new ArrayList<>();
        List<int[]> expectedRows = new ArrayList<>();
        for (int e = 0; e < 3; e++) { // the rest of this epoch and two more
            while (mb.hasNext()) {
                MiniBatches.Batch b = mb.next();
                expected.add(b.x().dup().reshape(-1).toFloatVector());
                expectedRows.add(b.rows());
            }
            mb.startEpoch();
        }
        // a fresh iterator with another seed, restored, gives the same numbers
        MiniBatches other = new MiniBatches(data(), 5, BatchOrder.SHUFFLED, new SeededRandom(12345), DataType.FLOAT);
        other.restore(saved);
        assertThat(other.batchSize()).isEqualTo(3);
        int k = 0;
        for (int e = 0; e < 3; e++) {
            while (other.hasNext()) {
                MiniBatches.Batch b = other.next();
                assertThat(b.rows()).containsExactly(expectedRows.get(k));
                assertThat(b.x().dup().reshape(-1).toFloatVector()).containsExactly(expected.get(k));
                k++;
            }
            other.startEpoch();
        }
        assertThat(k).isEqualTo(expected.size());
        assertThat(saved).isEqualTo(new MiniBatches.Position(saved.randomState(), saved.order(), 6, 3));
    }

    @Test
    void batchSizeChangesAtTheNextEpoch() {
        MiniBatches mb = new MiniBatches(data(), 4, BatchOrder.DATA, new SeededRandom(1), DataType.FLOAT);
        mb.startEpoch();
        mb.setBatchSize(5);
        assertThat(mb.next().size()).isEqualTo(4);
        assertThat(mb.batchesPerEpoch()).isEqualTo(3);
        assertThat(epoch(mb)).extracting(b -> b.length).containsExactly(5, 5);
        assertThat(mb.batchesPerEpoch()).isEqualTo(2);
        mb.setBatchSize(64);
        assertThat(epoch(mb)).extracting(b -> b.length).containsExactly(10);
    }

    @Test
    void misuseAndBadArguments() {
        MiniBatches mb = new MiniBatches(data(), 4, BatchOrder.DATA, new SeededRandom(1), DataType.FLOAT);
        assertThat(mb.hasNext()).isFalse();
        assertThatThrownBy(mb::next).isInstanceOf(IllegalStateException.class)
                .hasMessage("no epoch started: call startEpoch() first");
        epoch(mb);
        assertThatThrownBy(mb::next).hasMessage("the epoch is over: call startEpoch() for the next one");
        assertThatThrownBy(() -> mb.setBatchSize(0)).hasMessage("batch size must be at least 1, got 0");
        assertThatThrownBy(() -> new MiniBatches(data(), 4, BatchOrder.DATA, new SeededRandom(1), DataType.HALF))
                .hasMessage("data type must be FLOAT or DOUBLE, got HALF");
        assertThatThrownBy(() -> mb.restore(new MiniBatches.Position(0, new int[] {0, 1}, 0, 2)))
                .hasMessage("position's order has 2 rows, expected 10 (the rows of rows)");
        assertThatThrownBy(() -> mb.restore(new MiniBatches.Position(0, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 8}, 0, 2)))
                .hasMessage("position's order must be a permutation of 0..9, found row 8 twice");
        assertThatThrownBy(() -> new MiniBatches.Position(0, new int[3], 4, 1)).hasMessage("next must be in [0, 3], got 4");
    }
}
