package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final List<String> AB = List.of("a", "b");
    private static final List<String> XY = List.of("x", "y");

    static Dataset small() {
        // rows: (0,1) a, (2,3) b, (4,5) a
        return new Dataset("small", new float[] {0, 1, 2, 3, 4, 5}, 3, 2, new int[] {0, 1, 0}, AB, XY);
    }

    @Test
    void accessors() {
        Dataset d = small();
        assertThat(d.name()).isEqualTo("small");
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.columns()).isEqualTo(2);
        assertThat(d.classes()).isEqualTo(2);
        assertThat(d.classNames()).containsExactly("a", "b");
        assertThat(d.featureNames()).containsExactly("x", "y");
        assertThat(d.label(1)).isEqualTo(1);
        assertThat(d.labels()).containsExactly(0, 1, 0);
        assertThat(d.feature(2, 1)).isEqualTo(5f);
        float[] dst = new float[4];
        d.copyRow(1, dst, 1);
        assertThat(dst).containsExactly(0f, 2f, 3f, 0f);
        assertThat(d.classCounts()).containsExactly(2, 1);
    }

    @Test
    void labelsAndListsAreCopies() {
        Dataset d = small();
        d.labels()[0] = 1;
        assertThat(d.label(0)).isZero();
        List<String> names = new ArrayList<>(AB);
        Dataset e = new Dataset("e", new float[] {1, 2}, 1, 2, new int[] {1}, names, XY);
        names.set(0, "changed");
        assertThat(e.classNames()).containsExactly("a", "b");
    }

    @Test
    void subsetInGivenOrder() {
        Dataset s = small().subset(new int[] {2, 1}, "part");
        assertThat(s.name()).isEqualTo("part");
        assertThat(s.rows()).isEqualTo(2);
        assertThat(s.feature(0, 0)).isEqualTo(4f);
        assertThat(s.feature(1, 1)).isEqualTo(3f);
        assertThat(s.labels()).containsExactly(0, 1);
        assertThat(s.classNames()).isEqualTo(AB);
        assertThatThrownBy(() -> small().subset(new int[] {3}, "bad"))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("[0, 3)").hasMessageContaining("got 3");
    }

    @Test
    void zeroRowsAllowed() {
        Dataset d = new Dataset("empty", new float[0], 0, 2, new int[0], AB, XY);
        assertThat(d.rows()).isZero();
        assertThat(d.classCounts()).containsExactly(0, 0);
    }

    @Test
    void badShapes() {
        assertThatThrownBy(() -> new Dataset("d", new float[0], -1, 2, new int[0], AB, XY))
                .hasMessageContaining("rows must be at least 0, got -1");
        assertThatThrownBy(() -> new Dataset("d", new float[0], 0, 0, new int[0], AB, List.of()))
                .hasMessageContaining("columns must be at least 1, got 0");
        assertThatThrownBy(() -> new Dataset("d", new float[5], 3, 2, new int[3], AB, XY))
                .hasMessageContaining("rows * columns = 3 * 2 = 6").hasMessageContaining("got 5");
        assertThatThrownBy(() -> new Dataset("d", new float[6], 3, 2, new int[2], AB, XY))
                .hasMessageContaining("one label per row (3)").hasMessageContaining("got 2");
        assertThatThrownBy(() -> new Dataset("d", new float[2], 1, 2, new int[1], List.of("a"), XY))
                .hasMessageContaining("at least 2 class names, got 1");
        assertThatThrownBy(() -> new Dataset("d", new float[2], 1, 2, new int[1], AB, List.of("x")))
                .hasMessageContaining("each of the 2 columns, got 1");
    }

    @Test
    void badLabelNamesRowAndRange() {
        assertThatThrownBy(() -> new Dataset("d", new float[4], 2, 2, new int[] {0, 2}, AB, XY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label of row 1 must be in [0, 2), got 2");
        assertThatThrownBy(() -> new Dataset("d", new float[4], 2, 2, new int[] {-1, 0}, AB, XY))
                .hasMessage("label of row 0 must be in [0, 2), got -1");
    }

    @Test
    void nonFiniteFeatureNamesRowAndColumn() {
        assertThatThrownBy(() -> new Dataset("d", new float[] {0, 0, 0, Float.NaN}, 2, 2, new int[2], AB, XY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature at row 1, column 1 (\"y\") must be finite, got NaN");
        assertThatThrownBy(() -> new Dataset("d", new float[] {Float.POSITIVE_INFINITY, 0}, 1, 2, new int[1], AB, XY))
                .hasMessage("feature at row 0, column 0 (\"x\") must be finite, got Infinity");
    }

    @Test
    void float64FeaturesAreKeptExactlyAndConvertedOnRequest() {
        Dataset d = new Dataset("exact", new double[] {0.1, 1.0 / 3, 2, 1e-300}, 2, 2, new int[] {0, 1}, AB, XY);
        assertThat(d.dataType()).isEqualTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        assertThat(d.feature(0, 0)).isEqualTo(0.1);
        double[] row = new double[3];
        d.copyRow(0, row, 1);
        assertThat(row).containsExactly(0, 0.1, 1.0 / 3);
        assertThat(d.subset(new int[] {1}, "s").doubleFeatures()).containsExactly(2, 1e-300);
        Dataset f = d.stored(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        assertThat(f.dataType()).isEqualTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        assertThat(f.features()).containsExactly(0.1f, (float) (1.0 / 3), 2f, 0f);
        assertThat(f.stored(org.nd4j.linalg.api.buffer.DataType.DOUBLE).feature(0, 0)).isEqualTo((double) 0.1f);
    }
}
