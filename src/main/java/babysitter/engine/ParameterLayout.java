package babysitter.engine;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where each parameter sits in the flat parameter vector: for l = 1..L, W^[l] (row-major,
 * [n_{l-1}, n_l]) followed by γ^[l] and β^[l] for a batch-normalised layer or b^[l] otherwise.
 * Gradients and optimiser state share the layout.
 */
public final class ParameterLayout {

    /** The kinds of trainable parameter. */
    public enum Kind {
        W("W"), B("b"), GAMMA("gamma"), BETA("beta");

        private final String filePrefix;

        Kind(String filePrefix) {
            this.filePrefix = filePrefix;
        }

        /** The name stem used in files: {@code W}, {@code b}, {@code gamma}, {@code beta}. */
        public String filePrefix() {
            return filePrefix;
        }
    }

    /** One parameter: its kind, layer (from 1), offset in the flat vector and shape. */
    public record Entry(Kind kind, int layer, long offset, long[] shape) {
        public Entry {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        public long length() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }

        /** The file stem, e.g. {@code W1}, {@code gamma2}. */
        public String name() {
            return kind.filePrefix() + layer;
        }
    }

    private final List<Entry> entries;
    private final long size;

    public ParameterLayout(NetworkConfig config) {
        List<Entry> list = new ArrayList<>();
        long offset = 0;
        for (int l = 1; l <= config.depth(); l++) {
            long in = config.units(l - 1);
            long out = config.units(l);
            list.add(new Entry(Kind.W, l, offset, new long[] {in, out}));
            offset += in * out;
            if (config.batchNorm(l)) {
                list.add(new Entry(Kind.GAMMA, l, offset, new long[] {out}));
                offset += out;
                list.add(new Entry(Kind.BETA, l, offset, new long[] {out}));
                offset += out;
            } else {
                list.add(new Entry(Kind.B, l, offset, new long[] {out}));
                offset += out;
            }
        }
        this.entries = List.copyOf(list);
        this.size = offset;
    }

    /** Total number of trainable parameters. */
    public long size() {
        return size;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Entry entry(Kind kind, int layer) {
        for (Entry e : entries) {
            if (e.kind() == kind && e.layer() == layer) {
                return e;
            }
        }
        throw new IllegalArgumentException("layer " + layer + " has no parameter " + kind.filePrefix());
    }

    /** The view of one parameter inside a flat vector of this layout (shares its memory). */
    public INDArray view(INDArray flat, Kind kind, int layer) {
        return view(flat, entry(kind, layer));
    }

    public INDArray view(INDArray flat, Entry e) {
        INDArray slice = flat.get(NDArrayIndex.interval(e.offset(), e.offset() + e.length()));
        return slice.reshape('c', e.shape());
    }
}
