package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void loadsTheShippedDigits() {
        Dataset d = Digits.load();
        assertThat(d.name()).isEqualTo("digits");
        assertThat(d.rows()).isEqualTo(1797);
        assertThat(d.columns()).isEqualTo(64);
        assertThat(d.classes()).isEqualTo(10);
        assertThat(d.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(d.featureNames().get(0)).isEqualTo("pixel_0_0");
        assertThat(d.featureNames().get(9)).isEqualTo("pixel_1_1");
        assertThat(d.featureNames().get(63)).isEqualTo("pixel_7_7");
        // counts per digit, as in the file (awk over the last column)
        assertThat(d.classCounts()).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
        // first row of the file: 0,0,5,13,9,1,0,0, 0,0,13,15,10,15,5,0, … label 0
        assertThat(d.label(0)).isZero();
        assertThat(d.feature(0, 2)).isEqualTo(5f);
        assertThat(d.feature(0, 3)).isEqualTo(13f);
        assertThat(d.feature(0, 10)).isEqualTo(13f);
        assertThat(d.label(1)).isEqualTo(1);
        assertThat(d.feature(1, 3)).isEqualTo(12f);
        float max = 0;
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < 64; c++) {
                float v = (float) d.feature(r, c);
                assertThat(v).isBetween(0f, 16f).isEqualTo((float) Math.rint(v));
                max = Math.max(max, v);
            }
        }
        assertThat(max).isEqualTo(16f);
    }
}
