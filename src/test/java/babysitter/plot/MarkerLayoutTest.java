package babysitter.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MarkerLayoutTest {

    @Test
    void farApartLabelsShareTheFirstRowRightOfTheirLines() {
        MarkerLayout.Label[] l = MarkerLayout.place(new double[] {0, 100, 200}, new double[] {50, 50, 50}, 0, 400, 4,
                2);
        assertThat(l).extracting(MarkerLayout.Label::row).containsExactly(0, 0, 0);
        assertThat(l).extracting(MarkerLayout.Label::left).containsExactly(2.0, 102.0, 202.0);
    }

    @Test
    void aLabelThatWouldCrossTheNextLineGoesLeftOfItsOwn() {
        MarkerLayout.Label[] l = MarkerLayout.place(new double[] {100, 130}, new double[] {50, 50}, 0, 400, 4, 2);
        assertThat(l[0].left()).isEqualTo(48.0);
        assertThat(l[1].left()).isEqualTo(132.0);
    }

    @Test
    void aLabelWithNoRoomIsHidden() {
        MarkerLayout.Label[] l = MarkerLayout.place(new double[] {100, 110, 120}, new double[] {50, 50, 50}, 0, 400,
                4, 2);
        assertThat(l[0].shown()).isTrue();
        assertThat(l[1]).isEqualTo(MarkerLayout.HIDDEN); // both sides are crossed by a neighbour's line
        assertThat(l[2].shown()).isTrue();
    }

    @Test
    void randomMarkersNeverGetOverlappingLabelsNorLabelsOverLines() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(40);
            double[] xs = random.doubles(n, 0, 600).sorted().toArray();
            double[] ws = random.doubles(n, 10, 120).toArray();
            MarkerLayout.Label[] l = MarkerLayout.place(xs, ws, 0, 600, 3, 2);
            for (int i = 0; i < n; i++) {
                if (!l[i].shown()) {
                    continue;
                }
                double a = l[i].left();
                double b = a + ws[i];
                assertThat(a).isGreaterThanOrEqualTo(0);
                assertThat(b).isLessThanOrEqualTo(600);
                for (int j = 0; j < n; j++) {
                    assertThat(xs[j] >= a && xs[j] <= b).as("line %d inside label %d", j, i).isFalse();
                    if (j != i && l[j].shown() && l[j].row() == l[i].row()) {
                        assertThat(l[j].left() >= b || l[j].left() + ws[j] <= a).as("labels %d, %d", i, j).isTrue();
                    }
                }
            }
        }
    }
}
