package babysitter.engine;

import babysitter.engine.Network.Mode;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hidden layer's product and its element-wise work, split together into blocks of columns, one
 * block per engine thread ({@link Lanes}): each thread computes its columns of the product and
 * goes on at once with the element-wise work of the same columns, on numbers its own core has
 * just written (batch norm's statistics and sums are per column). Each element is computed as
 * by one thread, so the results do not depend on the split.
 */
final class ColumnBlockWork {
    /** Layers with fewer entries than this (rows × units) do their work on one thread. */
    private static final int MIN_ENTRIES = 8_192;
    private final int[] units;
    private final INDArray[] w;
    private final Gemm.Operand[] wOp;
    private final HiddenLayerElementWise hidden;
    private final int parts;

    ColumnBlockWork(NetworkConfig config, LayerViews v, HiddenLayerElementWise hidden, int parts) {
        this.units = new int[config.depth() + 1];
        for (int l = 0; l <= config.depth(); l++) {
            units[l] = config.units(l);
        }
        this.w = v.w;
        this.wOp = v.wOp;
        this.hidden = hidden;
        this.parts = parts;
    }

    /**
     * Into how many blocks of columns the product c = op(a)·op(b) and the element-wise work of
     * c's layer are split together ({@link #forward}, {@link #backward}); 1 when c is too small
     * to share or the product is not direct.
     */
    int blocks(Gemm.Operand ao, boolean ta, Gemm.Operand bo, boolean tb, Gemm.Operand co) {
        if (parts <= 1 || (long) co.rows * co.cols < MIN_ENTRIES || !Gemm.direct(ao, ta, bo, tb, co)) {
            return 1;
        }
        return Gemm.columnBlocks(co.cols, parts);
    }

    /**
     * Hidden layer l's product z = a_{l−1}·W_l and its element-wise forward work, one block of
     * columns per engine thread; whether those of layer 1's z are finite.
     */
    boolean forward(int l, Gemm.Operand prevOp, WorkArrays buf, Mode mode, int blocks) {
        int n = units[l];
        prevOp.prepareBlocks(blocks);
        wOp[l].prepareBlocks(blocks);
        buf.zOp[l].prepareBlocks(blocks);
        boolean[] finite = buf.blockFinite;
        buf.prepareColumnVectors(blocks);
        Lanes.shared().run(blocks, part -> {
            int c0 = Gemm.boundary(n, blocks, part);
            int c1 = Gemm.boundary(n, blocks, part + 1);
            Gemm.columns(prevOp, false, wOp[l], false, buf.zOp[l], c0, c1, part);
            finite[part] = hidden.forwardColumns(l, buf, mode, c0, c1, part);
        });
        boolean all = true;
        for (int part = 0; part < blocks; part++) {
            all &= finite[part];
        }
        return all;
    }

    /**
     * Hidden layer l's da = dz_{l+1}·W_{l+1}ᵀ and its element-wise backward work, one block of
     * columns per engine thread, as {@link #forward} (batch norm's backward sums are per column
     * too). (Its dW by the same blocks, each thread on the dz it had just written, was slower:
     * see docs/PERFORMANCE.md.)
     */
    void backward(int l, WorkArrays buf, int blocks) {
        int n = units[l];
        Gemm.Operand dzNext = buf.dzOp[l + 1];
        dzNext.prepareBlocks(blocks);
        wOp[l + 1].prepareBlocks(blocks);
        buf.daOp[l].prepareBlocks(blocks);
        buf.prepareColumnVectors(blocks);
        boolean direct = Gemm.direct(dzNext, false, wOp[l + 1], true, buf.daOp[l]);
        if (!direct) {
            Gemm.multiply(buf.dzDev[l + 1], dzNext, false, w[l + 1], wOp[l + 1], true, buf.daDev[l], buf.daOp[l]);
        }
        Lanes.shared().run(blocks, part -> {
            int c0 = Gemm.boundary(n, blocks, part);
            int c1 = Gemm.boundary(n, blocks, part + 1);
            if (direct) {
                Gemm.columns(dzNext, false, wOp[l + 1], true, buf.daOp[l], c0, c1, part);
            }
            hidden.backwardColumns(l, buf, c0, c1, part);
        });
    }
}
