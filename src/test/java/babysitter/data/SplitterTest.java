package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** n rows whose single feature is the row index, so every row can be recognised. */
    static Dataset indexed(int n) {
        float[] f = new float[n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = i;
            l[i] = i % 2;
        }
        return new Dataset("idx", f, n, 1, l, List.of("even", "odd"), List.of("i"));
    }

    private static Set<Integer> ids(Dataset d) {
        Set<Integer> s = new HashSet<>();
        for (int r = 0; r < d.rows(); r++) {
            s.add((int) d.feature(r, 0));
            assertThat(d.label(r)).isEqualTo((int) d.feature(r, 0) % 2);
        }
        return s;
    }

    @Test
    void sizesRoundedAndNoOverlap() {
        Split s = Splitter.split(indexed(101), 0.2, 0.1, 5);
        // dev = round(20.2) = 20, test = round(10.1) = 10, train = 71
        assertThat(s.dev().rows()).isEqualTo(20);
        assertThat(s.test().rows()).isEqualTo(10);
        assertThat(s.train().rows()).isEqualTo(71);
        Set<Integer> all = new HashSet<>(ids(s.train()));
        all.addAll(ids(s.dev()));
        all.addAll(ids(s.test()));
        assertThat(all).hasSize(101);
        assertThat(s.train().name()).isEqualTo("idx/train");
        assertThat(s.dev().name()).isEqualTo("idx/dev");
        assertThat(s.test().name()).isEqualTo("idx/test");
        // half up: 0.25 · 10 = 2.5 → 3
        assertThat(Splitter.split(indexed(10), 0.25, 0.0, 1).dev().rows()).isEqualTo(3);
    }

    @Test
    void reproducibleAndShuffled() {
        Split a = Splitter.split(indexed(50), 0.2, 0.2, 11);
        Split b = Splitter.split(indexed(50), 0.2, 0.2, 11);
        assertThat(a.train().features()).containsExactly(b.train().features());
        assertThat(a.dev().features()).containsExactly(b.dev().features());
        assertThat(a.test().features()).containsExactly(b.test().features());
        Split c = Splitter.split(indexed(50), 0.2, 0.2, 12);
        assertThat(c.dev().features()).isNotEqualTo(a.dev().features());
        // the train part is not simply the first rows in order
        float[] first = new float[30];
        for (int i = 0; i < 30; i++) {
            first[i] = i;
        }
        assertThat(a.train().features()).isNotEqualTo(first);
    }

    @Test
    void emptyDevAndTestAllowed() {
        Split s = Splitter.split(indexed(7), 0.0, 0.0, 1);
        assertThat(s.train().rows()).isEqualTo(7);
        assertThat(s.dev().rows()).isZero();
        assertThat(s.test().rows()).isZero();
        assertThat(s.dev().classNames()).containsExactly("even", "odd");
    }

    @Test
    void badFractions() {
        Dataset d = indexed(10);
        assertThatThrownBy(() -> Splitter.split(d, -0.1, 0, 1)).hasMessage("dev fraction must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> Splitter.split(d, 0, 1.0, 1)).hasMessage("test fraction must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Splitter.split(d, 0.5, 0.5, 1))
                .hasMessage("dev fraction + test fraction must be < 1, got 0.5 + 0.5 = 1.0");
        assertThatThrownBy(() -> Splitter.split(indexed(2), 0.4, 0.4, 1))
                .hasMessage("the train part of idx would be empty: 2 rows, 1 for dev and 1 for test");
    }

    private static int[] column(Dataset d) {
        int[] ids = new int[d.rows()];
        for (int r = 0; r < d.rows(); r++) {
            ids[r] = (int) d.feature(r, 0);
        }
        return ids;
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void withNothingHeldOutTheTrainPartIsTheDataInItsOrder() {
        Split s = Splitter.split(indexed(9), 0.0, 0.0, 3, null);
        assertThat(column(s.train())).containsExactly(range(0, 9));
        // asked for, the shuffle still happens (what version 0.1.0 always did)
        assertThat(column(Splitter.split(indexed(9), 0.0, 0.0, 3, true).train())).isNotEqualTo(range(0, 9));
    }

    @Test
    void withPartsHeldOutTheDefaultIsTheSeededShuffle() {
        Split byDefault = Splitter.split(indexed(40), 0.2, 0.1, 8, null);
        Split shuffled = Splitter.split(indexed(40), 0.2, 0.1, 8);
        assertThat(column(byDefault.train())).containsExactly(column(shuffled.train()));
        assertThat(column(byDefault.dev())).containsExactly(column(shuffled.dev()));
        assertThat(column(byDefault.test())).containsExactly(column(shuffled.test()));
    }

    @Test
    void withoutShuffleDevAndTestAreTheLastRowsOfTheFile() {
        Split s = Splitter.split(indexed(12), 0.25, 0.25, 8, false);
        assertThat(column(s.train())).containsExactly(range(0, 6));
        assertThat(column(s.dev())).containsExactly(range(6, 9));
        assertThat(column(s.test())).containsExactly(range(9, 12));
    }
}
