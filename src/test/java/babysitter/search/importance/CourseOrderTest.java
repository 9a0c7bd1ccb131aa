package babysitter.search.importance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseOrderTest {
    private static Importance of(int trials, List<Importance.PairShare> pairs, Object... nameShare) {
        List<Importance.Share> shares = new java.util.ArrayList<>();
        for (int i = 0; i < nameShare.length; i += 2) {
            shares.add(new Importance.Share((String) nameShare[i], (Double) nameShare[i + 1], 0.01));
        }
        return new Importance(Objective.DEV_ACCURACY, trials, shares, pairs, Importance.Why.NONE);
    }

    @Test
    void aParameterTheCourseRanksLowerThatMatteredClearlyMoreIsNamed() {
        Importance imp = of(40, List.of(), "learningRate", 0.5, "momentum", 0.1, "batchSize", 0.3);
        assertThat(CourseOrder.reading(imp))
                .isEqualTo("Here mini-batch size mattered more than β, against the course's order (40 trials).");
    }

    @Test
    void theSharpestReversalWins() {
        Importance imp = of(40, List.of(), "learningRate", 0.1, "momentum", 0.15, "layers", 0.6);
        assertThat(CourseOrder.reading(imp)).startsWith("Here layers mattered more than α");
    }

    @Test
    void agreementSaysSoAndFewTrialsAreFlagged() {
        assertThat(CourseOrder.reading(of(12, List.of(), "learningRate", 0.8, "momentum", 0.1, "optimizer", 0.02)))
                .isEqualTo("As the course says: α mattered most (12 trials: still uncertain).");
        assertThat(CourseOrder.reading(of(50, List.of(), "learningRate", 0.45, "batchSize", 0.43)))
                .isEqualTo("As the course says: α and mini-batch size mattered most, about equally (50 trials).");
    }

    @Test
    void aPairAboveEveryParameterIsReadAsAnInteraction() {
        Importance imp = of(60, List.of(new Importance.PairShare("learningRate", "momentum", 0.7, 0.1)),
                "learningRate", 0.1, "momentum", 0.1);
        assertThat(CourseOrder.reading(imp)).isEqualTo("Here α and β mattered together more than any one alone (60 trials).");
    }

    @Test
    void noEstimateSaysWhy() {
        assertThat(CourseOrder.reading(Importance.unavailable(Objective.DEV_ACCURACY, 3, Importance.Why.TOO_FEW)))
                .isEqualTo("No importance yet: 3 finished trials: at least 5 are needed.");
        assertThat(CourseOrder.tier("learningRate")).isEqualTo(1);
        assertThat(CourseOrder.tier("beta2")).isEqualTo(4);
        assertThat(CourseOrder.tier("optimizer")).isZero();
    }
}
