package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SyntheticTest {

    private static void assertSameData(Dataset a, Dataset b) {
        assertThat(a.features()).containsExactly(b.features());
        assertThat(a.labels()).containsExactly(b.labels());
    }

    private static double[] classMean(Dataset d, int k) {
        double[] m = new double[2];
        int count = 0;
        for (int r = 0; r < d.rows(); r++) {
            if (d.label(r) == k) {
                m[0] += d.feature(r, 0);
                m[1] += d.feature(r, 1);
                count++;
            }
        }
        m[0] /= count;
        m[1] /= count;
        return m;
    }

    private static double meanRadius(Dataset d, int k) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < d.rows(); r++) {
            if (d.label(r) == k) {
                sum += Math.hypot(d.feature(r, 0), d.feature(r, 1));
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void shapesNamesAndCounts() {
        Dataset s = Synthetic.spiral(601, 3, 0.2, 1);
        assertThat(s.rows()).isEqualTo(601);
        assertThat(s.columns()).isEqualTo(2);
        assertThat(s.featureNames()).containsExactly("x1", "x2");
        assertThat(s.classNames()).containsExactly("0", "1", "2");
        assertThat(s.classCounts()).containsExactly(201, 200, 200);
        assertThat(Synthetic.moons(101, 0.1, 1).classCounts()).containsExactly(51, 50);
        assertThat(Synthetic.circles(100, 0.1, 1).classCounts()).containsExactly(50, 50);
        assertThat(Synthetic.xor(103, 0.1, 1).classCounts()).containsExactly(52, 51);
        Dataset b = Synthetic.blobs(10, 4, 0.5, 1);
        assertThat(b.classNames()).containsExactly("0", "1", "2", "3");
        assertThat(b.classCounts()).containsExactly(3, 3, 2, 2);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        assertSameData(Synthetic.spiral(300, 3, 0.2, 9), Synthetic.spiral(300, 3, 0.2, 9));
        assertSameData(Synthetic.moons(300, 0.1, 9), Synthetic.moons(300, 0.1, 9));
        assertSameData(Synthetic.circles(300, 0.1, 9), Synthetic.circles(300, 0.1, 9));
        assertSameData(Synthetic.xor(300, 0.1, 9), Synthetic.xor(300, 0.1, 9));
        assertSameData(Synthetic.blobs(300, 3, 0.5, 9), Synthetic.blobs(300, 3, 0.5, 9));
        assertThat(Synthetic.spiral(300, 3, 0.2, 9).features()).isNotEqualTo(Synthetic.spiral(300, 3, 0.2, 10).features());
        assertThat(Synthetic.xor(300, 0.1, 9).features()).isNotEqualTo(Synthetic.xor(300, 0.1, 10).features());
    }

    @Test
    void spiralArmsAreRotationsOfEachOther() {
        // without noise, arm k is arm 0 rotated by 2πk/arms: equal radii, class means rotated alike
        Dataset s = Synthetic.spiral(400, 4, 0.0, 1);
        double[] m0 = classMean(s, 0);
        assertThat(Math.hypot(m0[0], m0[1])).isGreaterThan(0.05);
        for (int k = 1; k < 4; k++) {
            double a = 2 * Math.PI * k / 4;
            double[] mk = classMean(s, k);
            assertThat(mk[0]).isCloseTo(m0[0] * Math.cos(a) - m0[1] * Math.sin(a), within(1e-5));
            assertThat(mk[1]).isCloseTo(m0[0] * Math.sin(a) + m0[1] * Math.cos(a), within(1e-5));
            assertThat(meanRadius(s, k)).isCloseTo(meanRadius(s, 0), within(1e-5));
        }
        // every radius is in (0, 1]; the last point of an arm lies at radius 1
        for (int r = 0; r < s.rows(); r++) {
            double radius = Math.hypot(s.feature(r, 0), s.feature(r, 1));
            assertThat(radius).isGreaterThan(0).isLessThanOrEqualTo(1.0 + 1e-6);
        }
        assertThat(Math.hypot(s.feature(99, 0), s.feature(99, 1))).isCloseTo(1.0, within(1e-6));
        // the distinct classes have distinct means even with noise
        Dataset noisy = Synthetic.spiral(600, 3, 0.2, 2);
        for (int j = 0; j < 3; j++) {
            for (int k = j + 1; k < 3; k++) {
                double[] a = classMean(noisy, j);
                double[] b = classMean(noisy, k);
                assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).isGreaterThan(0.1);
            }
        }
    }

    @Test
    void circlesHaveTheirRadiiAndMoonsTheirMeans() {
        Dataset c = Synthetic.circles(200, 0.0, 1);
        assertThat(meanRadius(c, 0)).isCloseTo(1.0, within(1e-6));
        assertThat(meanRadius(c, 1)).isCloseTo(0.5, within(1e-6));
        Dataset m = Synthetic.moons(2000, 0.0, 1);
        // upper arc (cos t, sin t), t in [0, π]: mean (0, 2/π); lower arc: mean (1, 0.5 - 2/π)
        assertThat(classMean(m, 0)[0]).isCloseTo(0.0, within(1e-3));
        assertThat(classMean(m, 0)[1]).isCloseTo(2 / Math.PI, within(2e-3));
        assertThat(classMean(m, 1)[0]).isCloseTo(1.0, within(1e-3));
        assertThat(classMean(m, 1)[1]).isCloseTo(0.5 - 2 / Math.PI, within(2e-3));
    }

    @Test
    void xorWithoutNoiseFollowsTheSignRule() {
        Dataset x = Synthetic.xor(400, 0.0, 3);
        int[] quadrants = new int[4];
        for (int r = 0; r < x.rows(); r++) {
            double a = x.feature(r, 0);
            double b = x.feature(r, 1);
            assertThat(Math.abs(a)).isGreaterThan(0f).isLessThanOrEqualTo(1f);
            assertThat(x.label(r)).isEqualTo((a > 0) == (b > 0) ? 0 : 1);
            quadrants[(a > 0 ? 0 : 1) + (b > 0 ? 0 : 2)]++;
        }
        assertThat(quadrants).containsExactly(100, 100, 100, 100);
    }

    @Test
    void blobsCentredOnACircleWithTheirSpread() {
        Dataset b = Synthetic.blobs(6000, 3, 0.5, 4);
        for (int k = 0; k < 3; k++) {
            double[] m = classMean(b, k);
            assertThat(m[0]).isCloseTo(2 * Math.cos(2 * Math.PI * k / 3), within(0.05));
            assertThat(m[1]).isCloseTo(2 * Math.sin(2 * Math.PI * k / 3), within(0.05));
        }
        double ss = 0;
        for (int r = 0; r < 2000; r++) { // class 0
            ss += Math.pow(b.feature(r, 0) - 2, 2);
        }
        assertThat(Math.sqrt(ss / 2000)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void badParameters() {
        assertThatThrownBy(() -> Synthetic.spiral(100, 1, 0.2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("spiral needs at least 2 arms, got 1");
        assertThatThrownBy(() -> Synthetic.spiral(2, 3, 0.2, 1))
                .hasMessage("spiral: n must be at least the number of classes (3), got 2");
        assertThatThrownBy(() -> Synthetic.moons(100, -1, 1))
                .hasMessage("moons: noise must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> Synthetic.circles(100, Double.NaN, 1))
                .hasMessage("circles: noise must be a finite number >= 0, got NaN");
        assertThatThrownBy(() -> Synthetic.xor(1, 0.1, 1))
                .hasMessage("xor: n must be at least the number of classes (2), got 1");
        assertThatThrownBy(() -> Synthetic.blobs(100, 1, 0.1, 1)).hasMessage("blobs needs at least 2 classes, got 1");
        assertThatThrownBy(() -> Synthetic.blobs(100, 3, Double.POSITIVE_INFINITY, 1))
                .hasMessage("blobs: noise must be a finite number >= 0, got Infinity");
    }
}
