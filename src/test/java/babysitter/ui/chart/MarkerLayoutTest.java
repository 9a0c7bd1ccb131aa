package babysitter.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerLayoutTest {

    @Test
    void farApartLabelsShareTheFirstRow() {
        int[] rows = MarkerLayout.rows(new double[] {0, 100, 200}, new double[] {50, 50, 50}, 4, 2);
        assertThat(rows).containsExactly(0, 0, 0);
    }

    @Test
    void closeLabelsAreStaggeredAndReuseRowsOnceFree() {
        int[] rows = MarkerLayout.rows(new double[] {0, 10, 20, 60}, new double[] {50, 50, 50, 30}, 4, 2);
        assertThat(rows).containsExactly(0, 1, 2, 1 - 1); // the fourth starts after the first has ended
    }

    @Test
    void whenAllRowsAreTakenTheRowThatFreesFirstIsUsed() {
        int[] rows = MarkerLayout.rows(new double[] {0, 1, 2}, new double[] {100, 10, 100}, 2, 0);
        assertThat(rows).containsExactly(0, 1, 1);
    }
}
