package babysitter.session.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.session.reports.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesReportTest {

    @Test
    void imageSideIsTheSquareRootOfPerfectSquaresOfAtLeastFour() {
        assertThat(Report.SamplesReport.imageSideFor(64)).isEqualTo(8);
        assertThat(Report.SamplesReport.imageSideFor(784)).isEqualTo(28);
        assertThat(Report.SamplesReport.imageSideFor(16)).isEqualTo(4);
        assertThat(Report.SamplesReport.imageSideFor(2)).isZero();
        assertThat(Report.SamplesReport.imageSideFor(1)).isZero();
        assertThat(Report.SamplesReport.imageSideFor(63)).isZero();
    }

    @Test
    void copiesItsArraysAndComparesByValue() {
        float[] values = {1, 2, 3, 4};
        int[] labels = {0, 1};
        float[] probs = {0.75f, 0.25f, 0.4f, 0.6f};
        Report.SamplesReport a = new Report.SamplesReport(0, 0, List.of("a", "b"), 2, 0, values, labels, probs);
        values[0] = 9;
        labels[0] = 1;
        probs[0] = 0;
        assertThat(a.value(0, 0)).isEqualTo(1f);
        assertThat(a.label(0)).isZero();
        assertThat(a.probability(0, 0)).isEqualTo(0.75f);
        a.values()[1] = 7;
        assertThat(a.value(0, 1)).isEqualTo(2f);
        assertThat(a.predicted(0)).isZero();
        assertThat(a.predicted(1)).isEqualTo(1);
        Report.SamplesReport b = new Report.SamplesReport(0, 0, List.of("a", "b"), 2, 0, new float[] {1, 2, 3, 4},
                new int[] {0, 1}, new float[] {0.75f, 0.25f, 0.4f, 0.6f});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Report.SamplesReport(0, 0, List.of("a", "b"), 2, 0, new float[] {1, 2, 3, 4},
                new int[] {0, 0}, new float[] {0.75f, 0.25f, 0.4f, 0.6f}));
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> new Report.SamplesReport(0, 0, List.of("a", "b"), 2, 0, new float[3], new int[2],
                new float[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Report.SamplesReport(0, 0, List.of("a", "b"), 2, 0, new float[4], new int[2],
                new float[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Report.SamplesReport(0, 0, List.of("a", "b"), 4, 3, new float[8], new int[2],
                new float[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Report.SamplesReport(0, 0, List.of("a", "b"), 2, 0, new float[4],
                new int[] {0, 2}, new float[4])).isInstanceOf(IllegalArgumentException.class);
    }
}
