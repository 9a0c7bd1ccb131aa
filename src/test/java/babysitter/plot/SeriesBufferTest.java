package babysitter.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesBufferTest {

    @Test
    void appendsAndGrowsPastItsInitialCapacity() {
        SeriesBuffer b = new SeriesBuffer(2);
        for (int i = 0; i < 10_000; i++) {
            b.add(i, i * 0.5);
        }
        assertThat(b.size()).isEqualTo(10_000);
        assertThat(b.x(0)).isEqualTo(0);
        assertThat(b.x(9_999)).isEqualTo(9_999);
        assertThat(b.y(1234)).isEqualTo(617);
        assertThat(b.firstX()).isEqualTo(0);
        assertThat(b.lastX()).isEqualTo(9_999);
    }

    @Test
    void equalXIsAllowedAndSmallerXIsRefusedNamingBothValues() {
        SeriesBuffer b = new SeriesBuffer();
        b.add(1, 1);
        b.add(3, 2);
        b.add(3, 5);
        assertThatThrownBy(() -> b.add(2.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.5").hasMessageContaining("3.0");
        assertThat(b.size()).isEqualTo(3);
        assertThatThrownBy(() -> b.add(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    @Test
    void yMayBeNonFinite() {
        SeriesBuffer b = new SeriesBuffer();
        b.add(0, Double.NaN);
        b.add(1, Double.POSITIVE_INFINITY);
        assertThat(b.y(0)).isNaN();
        assertThat(b.size()).isEqualTo(2);
    }

    @Test
    void clearEmptiesAndAllowsAnyXAgain() {
        SeriesBuffer b = new SeriesBuffer();
        b.add(100, 1);
        b.clear();
        assertThat(b.size()).isZero();
        assertThat(b.isEmpty()).isTrue();
        assertThat(b.lastX()).isNaN();
        b.add(1, 2);
        assertThat(b.x(0)).isEqualTo(1);
    }

    @Test
    void indexOutsideTheSizeIsRefusedEvenWithinCapacity() {
        SeriesBuffer b = new SeriesBuffer(100);
        b.add(0, 0);
        assertThatThrownBy(() -> b.y(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void truncateAfterXKeepsPointsUpToAndAtX() {
        SeriesBuffer b = new SeriesBuffer();
        for (int i = 0; i < 10; i++) {
            b.add(i, i);
        }
        assertThat(b.truncateAfterX(4)).isEqualTo(5);
        assertThat(b.size()).isEqualTo(5);
        assertThat(b.lastX()).isEqualTo(4);
        b.add(4, 9); // appending continues from the cut
        assertThat(b.truncateAfterX(-1)).isEqualTo(6);
        assertThat(b.isEmpty()).isTrue();
    }
}
