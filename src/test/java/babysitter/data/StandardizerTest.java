package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final List<String> AB = List.of("a", "b");
    private static final List<String> F3 = List.of("f", "g", "const");

    @Test
    void trainStatisticsAppliedToEveryPart() {
        // train: f = 1, 2, 3, 6 (mean 3, population variance (4+1+0+9)/4 = 3.5); g = 10, 10, 20, 20 (mean 15,
        // std 5); const = 7 everywhere (std 0 → 1)
        Dataset train = new Dataset("train", new float[] {1, 10, 7, 2, 10, 7, 3, 20, 7, 6, 20, 7}, 4, 3,
                new int[] {0, 1, 0, 1}, AB, F3);
        Dataset dev = new Dataset("dev", new float[] {3, 25, 8}, 1, 3, new int[] {1}, AB, F3);
        Dataset test = new Dataset("test", new float[] {0, 0, 0}, 1, 3, new int[] {0}, AB, F3);
        Standardizer st = Standardizer.fit(train);
        assertThat(st.mean()).containsExactly(3.0, 15.0, 7.0);
        assertThat(st.std()).containsExactly(Math.sqrt(3.5), 5.0, 1.0);

        Split s = st.apply(new Split(train, dev, test));
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            double sumSq = 0;
            for (int r = 0; r < 4; r++) {
                sum += s.train().feature(r, j);
                sumSq += s.train().feature(r, j) * (double) s.train().feature(r, j);
            }
            assertThat(sum / 4).isCloseTo(0.0, within(1e-7));
            assertThat(sumSq / 4).isCloseTo(j == 2 ? 0.0 : 1.0, within(1e-6));
        }
        assertThat(s.train().feature(0, 0)).isEqualTo((float) (-2 / Math.sqrt(3.5)));
        assertThat(s.train().feature(0, 2)).isEqualTo(0f);
        // dev and test use the train statistics, not their own
        assertThat(s.dev().features()).containsExactly(0f, 2f, 1f);
        assertThat(s.test().features()).containsExactly((float) (-3 / Math.sqrt(3.5)), -3f, -7f);
        assertThat(s.dev().labels()).containsExactly(1);
        assertThat(s.dev().name()).isEqualTo("dev");
        // the input is untouched
        assertThat(dev.features()).containsExactly(3f, 25f, 8f);
    }

    @Test
    void recordCopiesArraysAndComparesByContent() {
        double[] mean = {1, 2};
        double[] std = {3, 4};
        Standardizer a = new Standardizer(mean, std);
        mean[0] = 99;
        a.std()[0] = 99;
        assertThat(a.mean()).containsExactly(1.0, 2.0);
        assertThat(a.std()).containsExactly(3.0, 4.0);
        Standardizer b = new Standardizer(new double[] {1, 2}, new double[] {3, 4});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Standardizer(new double[] {1, 2}, new double[] {3, 5}));
    }

    @Test
    void badValues() {
        assertThatThrownBy(() -> new Standardizer(new double[] {0}, new double[] {0}))
                .hasMessage("std of feature 0 must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new Standardizer(new double[] {0, Double.NaN}, new double[] {1, 1}))
                .hasMessage("mean of feature 1 must be finite, got NaN");
        assertThatThrownBy(() -> new Standardizer(new double[] {0}, new double[] {1, 1}))
                .hasMessage("mean and std must have the same length >= 1, got 1 and 2");
        Dataset empty = new Dataset("none", new float[0], 0, 1, new int[0], AB, List.of("f"));
        assertThatThrownBy(() -> Standardizer.fit(empty)).hasMessage("cannot fit a standardizer to none: it has no rows");
        Standardizer one = new Standardizer(new double[] {0}, new double[] {1});
        Dataset two = new Dataset("two", new float[2], 1, 2, new int[1], AB, List.of("a", "b"));
        assertThatThrownBy(() -> one.apply(two)).hasMessage("standardizer fitted to 1 features cannot apply to two with 2");
    }
}
