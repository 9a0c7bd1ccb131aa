package babysitter.data;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches over a {@link Dataset}, copied into reused native arrays: every full batch of an
 * epoch is written into the same {@code batchSize × columns} array and the last, partial batch (if
 * rows is not a multiple of the batch size) into a second one, so an epoch allocates no native
 * memory. Rows are copied from the data set into a heap staging array of the batch's type (float64
 * batches get the data set's values exactly as stored) and then into the native array with one
 * bulk copy per part: given the engine's threads ({@link #copyInParts}), each copies its share of
 * the rows. Every engine thread reads the whole batch in the first layer's products; copied on
 * one core, all of it had to travel to the others first (docs/PERFORMANCE.md).
 *
 * <p>Usage: {@link #startEpoch()}, then {@code while (hasNext()) next()}. A {@link Batch} is valid
 * until the next call of {@link #next()}: its {@code x} is overwritten by the following batch of the
 * same size. Meant for the one training thread; not thread-safe.
 *
 * <p>The position (random state, the epoch's order, the next row, the batch size) can be saved with
 * {@link #position()} and restored with {@link #restore(Position)}: the following batches are then
 * identical bit for bit.
 */
public final class MiniBatches {
    private final Dataset data;
    private final BatchOrder batchOrder;
    private final SeededRandom random;
    private final DataType dataType;

    private int batchSize;        // of the current epoch
    private int pendingBatchSize; // from the next startEpoch on
    private int[] order = new int[0];
    private int next;

    private INDArray full;
    private INDArray partial;
    private float[] floatStaging = new float[0];
    private double[] doubleStaging = new double[0];
    /** How many parts a batch is copied in, and who runs them ({@link #copyInParts}). */
    private int copyParts = 1;
    private PartsRunner copyRunner = PartsRunner.ONE_AFTER_ANOTHER;
    /**
     * Batches of fewer values are copied in one part: handing out a part costs microseconds, a
     * small net's whole step tens of them (the spiral's batch is 64 values).
     */
    static final int MIN_SPLIT_VALUES = 32_768;

    /**
     * @param data      at least one row
     * @param batchSize rows per batch, at least 1 (a batch size above the row count gives one batch)
     * @param order     shuffled each epoch or the data order
     * @param random    the source of the permutations (used only when SHUFFLED); it is advanced by this object
     * @param dataType  FLOAT or DOUBLE, the type of the batch arrays
     */
    public MiniBatches(Dataset data, int batchSize, BatchOrder order, SeededRandom random, DataType dataType) {
        this.data = Objects.requireNonNull(data, "data");
        this.batchOrder = Objects.requireNonNull(order, "order");
        this.random = Objects.requireNonNull(random, "random");
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("data type must be FLOAT or DOUBLE, got " + dataType);
        }
        if (data.rows() < 1) {
            throw new IllegalArgumentException("cannot make mini-batches of " + data.name() + ": it has no rows");
        }
        checkBatchSize(batchSize);
        this.batchSize = batchSize;
        this.pendingBatchSize = batchSize;
    }

    /** One mini-batch: x is m × columns; labels and rows (indices into the data set) have m entries. */
    public record Batch(INDArray x, int[] labels, int[] rows) {
        public Batch {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(rows, "rows");
            if (labels.length != rows.length || x.rows() != rows.length) {
                throw new IllegalArgumentException("a batch needs as many labels and rows as x has rows ("
                        + x.rows() + "), got " + labels.length + " labels and " + rows.length + " rows");
            }
        }

        /** Number of examples m. */
        public int size() {
            return rows.length;
        }
    }

    /**
     * Where the iteration stands.
     *
     * @param randomState the state of the random generator after the epoch's permutation was drawn
     * @param order       the epoch's order of rows, or an empty array before the first epoch
     * @param next        index into {@code order} of the next row to serve
     * @param batchSize   the batch size of the current epoch
     */
    public record Position(long randomState, int[] order, int next, int batchSize) {
        public Position {
            Objects.requireNonNull(order, "order");
            if (next < 0 || next > order.length) {
                throw new IllegalArgumentException("next must be in [0, " + order.length + "], got " + next);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            order = order.clone();
        }

        @Override
        public int[] order() {
            return order.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Position p && randomState == p.randomState && Arrays.equals(order, p.order)
                    && next == p.next && batchSize == p.batchSize;
        }

        @Override
        public int hashCode() {
            return Objects.hash(randomState, Arrays.hashCode(order), next, batchSize);
        }

        @Override
        public String toString() {
            return "Position[randomState=" + randomState + ", order of " + order.length + " rows, next=" + next
                    + ", batchSize=" + batchSize + "]";
        }
    }

    public Dataset data() {
        return data;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The batch size of the current epoch. */
    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch with the current batch size, the last partial batch included: ceil(rows / batchSize). */
    public int batchesPerEpoch() {
        return (data.rows() + batchSize - 1) / batchSize;
    }

    /** Changes the batch size from the next {@link #startEpoch()} on. */
    public void setBatchSize(int batchSize) {
        checkBatchSize(batchSize);
        this.pendingBatchSize = batchSize;
    }

    /** Begins an epoch: a new permutation (Fisher–Yates) when SHUFFLED, the identity when DATA. */
    public void startEpoch() {
        batchSize = pendingBatchSize;
        if (order.length != data.rows()) {
            order = new int[data.rows()];
        }
        if (batchOrder == BatchOrder.SHUFFLED) {
            random.permutation(order);
        } else {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        next = 0;
    }

    /** Whether the current epoch has another batch (false before the first {@link #startEpoch()}). */
    public boolean hasNext() {
        return next < order.length;
    }

    /** The next batch of the epoch; valid until the next call. */
    public Batch next() {
        if (!hasNext()) {
            throw new IllegalStateException(order.length == 0 ? "no epoch started: call startEpoch() first"
                    : "the epoch is over: call startEpoch() for the next one");
        }
        int m = Math.min(batchSize, order.length - next);
        int cols = data.columns();
        INDArray x = target(m, cols);
        int len = m * cols;
        int[] rows = Arrays.copyOfRange(order, next, next + m);
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            labels[i] = data.label(rows[i]);
        }
        if (dataType == DataType.FLOAT && floatStaging.length < len) {
            floatStaging = new float[len];
        } else if (dataType == DataType.DOUBLE && doubleStaging.length < len) {
            doubleStaging = new double[len];
        }
        int parts = len < MIN_SPLIT_VALUES ? 1 : Math.min(copyParts, m);
        copyRunner.run(parts, part -> copyRows(rows, x, cols, m * part / parts, m * (part + 1) / parts));
        next += m;
        return new Batch(x, labels, rows);
    }

    /**
     * Batches of at least {@link #MIN_SPLIT_VALUES} values are from now on copied in {@code parts}
     * shares of their rows, run by {@code runner} (the network's engine threads); the batches are
     * the same whatever the parts.
     */
    public void copyInParts(int parts, PartsRunner runner) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        copyParts = parts;
        copyRunner = Objects.requireNonNull(runner, "runner");
    }

    /** Copies batch rows {@code from} ≤ i < {@code to} into {@code x} (their own ranges of the staging array and of x). */
    private void copyRows(int[] rows, INDArray x, int cols, int from, int to) {
        if (dataType == DataType.FLOAT) {
            for (int i = from; i < to; i++) {
                data.copyRow(rows[i], floatStaging, i * cols);
            }
            x.data().asNioFloat().put(from * cols, floatStaging, from * cols, (to - from) * cols);
        } else {
            for (int i = from; i < to; i++) {
                data.copyRow(rows[i], doubleStaging, i * cols);
            }
            x.data().asNioDouble().put(from * cols, doubleStaging, from * cols, (to - from) * cols);
        }
    }

    private INDArray target(int m, int cols) {
        if (m == batchSize) {
            if (full == null || full.rows() != m) {
                full = Nd4j.create(dataType, m, cols);
            }
            return full;
        }
        if (partial == null || partial.rows() != m) {
            partial = Nd4j.create(dataType, m, cols);
        }
        return partial;
    }

    /** The current position; see {@link #restore(Position)}. */
    public Position position() {
        return new Position(random.state(), order, next, batchSize);
    }

    /**
     * Continues from a saved position: the random state, the epoch's order, the next row and the
     * batch size are set (a pending {@link #setBatchSize(int)} is replaced by the position's).
     */
    public void restore(Position p) {
        Objects.requireNonNull(p, "position");
        int[] o = p.order();
        if (o.length != 0 && o.length != data.rows()) {
            throw new IllegalArgumentException("position's order has " + o.length + " rows, expected "
                    + data.rows() + " (the rows of " + data.name() + ")");
        }
        boolean[] seen = new boolean[o.length];
        for (int r : o) {
            if (r < 0 || r >= o.length || seen[r]) {
                throw new IllegalArgumentException("position's order must be a permutation of 0.." + (o.length - 1)
                        + ", found row " + r + (r >= 0 && r < o.length ? " twice" : ""));
            }
            seen[r] = true;
        }
        random.setState(p.randomState());
        order = o;
        next = p.next();
        batchSize = p.batchSize();
        pendingBatchSize = p.batchSize();
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }
}
