package babysitter.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    private static SeriesBuffer buffer(double[] ys) {
        SeriesBuffer b = new SeriesBuffer();
        for (int i = 0; i < ys.length; i++) {
            b.add(i, ys[i]);
        }
        return b;
    }

    private static SeriesBuffer noisy(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SeriesBuffer b = new SeriesBuffer(n);
        for (int i = 0; i < n; i++) {
            b.add(i, Math.exp(-i / (double) n * 4) + r.nextDouble() * 0.1);
        }
        return b;
    }

    @Test
    void eachColumnKeepsItsMinimumAndMaximum() {
        // 100 points over 10 columns: column c holds points 10c .. 10c+9
        double[] ys = new double[100];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < ys.length; i++) {
            ys[i] = r.nextDouble(-5, 5);
        }
        SeriesBuffer b = buffer(ys);
        Decimator.Polyline p = new Decimator.Polyline();
        // x from 0 to 100 exclusive of nothing: column width is exactly 10 x units
        Decimator.decimate(b, 0, 100, 10, false, p);
        double[] min = new double[10];
        double[] max = new double[10];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < p.size(); i++) {
            int c = (int) Math.floor(p.x(i));
            min[c] = Math.min(min[c], p.y(i));
            max[c] = Math.max(max[c], p.y(i));
        }
        for (int c = 0; c < 10; c++) {
            double expectedMin = Double.POSITIVE_INFINITY;
            double expectedMax = Double.NEGATIVE_INFINITY;
            for (int i = 10 * c; i < 10 * c + 10; i++) {
                expectedMin = Math.min(expectedMin, ys[i]);
                expectedMax = Math.max(expectedMax, ys[i]);
            }
            assertThat(min[c]).as("min of column %d", c).isEqualTo(expectedMin);
            assertThat(max[c]).as("max of column %d", c).isEqualTo(expectedMax);
        }
        // vertices run left to right, at most 4 per column, starting and ending at the ends
        assertThat(p.size()).isBetween(20, 40);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.x(i)).isGreaterThan(p.x(i - 1));
        }
        assertThat(p.y(0)).isEqualTo(ys[0]);
        assertThat(p.y(p.size() - 1)).isEqualTo(ys[99]);
    }

    @Test
    void aOnePointSpikeIsNeverLostAtAnyWidth() {
        SeriesBuffer b = noisy(100_000, 1);
        int spikeAt = 61_237;
        SeriesBuffer withSpike = new SeriesBuffer();
        for (int i = 0; i < b.size(); i++) {
            withSpike.add(b.x(i), i == spikeAt ? 50 : b.y(i));
        }
        Decimator.Polyline p = new Decimator.Polyline();
        for (int width = 1; width <= 2_000; width += width < 20 ? 1 : 37) {
            Decimator.decimate(withSpike, 0, 99_999, width, false, p);
            boolean found = false;
            for (int i = 0; i < p.size(); i++) {
                found |= p.y(i) == 50;
            }
            assertThat(found).as("spike at width %d", width).isTrue();
        }
        // and a downward spike, zoomed in
        SeriesBuffer dip = new SeriesBuffer();
        for (int i = 0; i < b.size(); i++) {
            dip.add(b.x(i), i == spikeAt ? -50 : b.y(i));
        }
        Decimator.decimate(dip, 60_000, 70_000, 300, false, p);
        boolean found = false;
        for (int i = 0; i < p.size(); i++) {
            found |= p.y(i) == -50;
        }
        assertThat(found).isTrue();
    }

    @Test
    void outputIsBoundedByFourVerticesPerColumn() {
        SeriesBuffer b = noisy(1_000_000, 2);
        Decimator.Polyline p = new Decimator.Polyline();
        for (int width : new int[] {1, 7, 100, 800, 1920}) {
            Decimator.decimate(b, 0, 999_999, width, false, p);
            assertThat(p.size()).as("width %d", width).isLessThanOrEqualTo(4 * width).isGreaterThanOrEqualTo(width);
        }
        // zoomed: only the two neighbours outside the range come on top
        Decimator.decimate(b, 250_000, 260_000, 500, false, p);
        assertThat(p.size()).isLessThanOrEqualTo(4 * 500 + 2);
        assertThat(p.x(0)).isNegative();
        assertThat(p.x(p.size() - 1)).isGreaterThan(500);
    }

    @Test
    void sparseSeriesIsReturnedPointByPoint() {
        SeriesBuffer b = buffer(new double[] {3, 1, 4, 1, 5});
        Decimator.Polyline p = new Decimator.Polyline();
        Decimator.decimate(b, 0, 4, 800, false, p);
        assertThat(p.size()).isEqualTo(5);
        assertThat(p.x(2)).isEqualTo(400);
        assertThat(p.y(4)).isEqualTo(5);
    }

    @Test
    void skipsNonFiniteAndForALogScaleNonPositiveValues() {
        SeriesBuffer b = buffer(new double[] {1, Double.NaN, 0, -2, Double.POSITIVE_INFINITY, 3});
        Decimator.Polyline p = new Decimator.Polyline();
        Decimator.decimate(b, 0, 5, 100, false, p);
        assertThat(p.size()).isEqualTo(4); // 1, 0, -2, 3
        Decimator.decimate(b, 0, 5, 100, true, p);
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.y(0)).isEqualTo(1);
        assertThat(p.y(1)).isEqualTo(3);
    }

    @Test
    void binarySearchesFindTheBoundsAndTheNearestPoint() {
        SeriesBuffer b = new SeriesBuffer();
        for (double x : new double[] {0, 2, 2, 2, 5, 9}) {
            b.add(x, 0);
        }
        assertThat(Decimator.lowerBound(b, 2)).isEqualTo(1);
        assertThat(Decimator.upperBound(b, 2)).isEqualTo(4);
        assertThat(Decimator.lowerBound(b, 10)).isEqualTo(6);
        assertThat(Decimator.nearest(b, 3.4)).isEqualTo(3);
        assertThat(Decimator.nearest(b, 3.6)).isEqualTo(4);
        assertThat(Decimator.nearest(b, -7)).isEqualTo(0);
        assertThat(Decimator.nearest(b, 70)).isEqualTo(5);
        assertThat(Decimator.nearest(new SeriesBuffer(), 1)).isEqualTo(-1);
    }
}
