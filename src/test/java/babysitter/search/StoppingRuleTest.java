package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoppingRuleTest {

    @Test
    void noneNeverStops() {
        StoppingRule r = StoppingRule.of(EarlyStopping.none());
        for (int id = 1; id <= 5; id++) {
            assertThat(r.check(id, 3, 0.01 * id)).isNull();
        }
    }

    @Test
    void medianRuleStopsBelowTheMedianOfAtLeastThreeOthersAfterGrace() {
        StoppingRule r = StoppingRule.of(EarlyStopping.median(2));
        // three good trials, scripted curves (best so far per epoch)
        double[][] good = {{0.5, 0.7, 0.8}, {0.6, 0.75, 0.85}, {0.55, 0.72, 0.9}};
        for (int t = 0; t < 3; t++) {
            for (int e = 0; e < 3; e++) {
                assertThat(r.check(t + 1, e + 1, good[t][e])).isNull();
            }
        }
        // a poor trial: epoch 1 is within grace even though it is below the median
        assertThat(r.check(4, 1, 0.2)).isNull();
        // epoch 2: others 0.7, 0.75, 0.72 → median 0.72; 0.3 < 0.72 → stop
        String note = r.check(4, 2, 0.3).english();
        assertThat(note).contains("median rule").contains("0.3000").contains("0.7200").contains("3 other trials")
                .contains("epoch 2");
        // a trial exactly at the median goes on
        assertThat(r.check(5, 2, 0.72)).isNull();
    }

    @Test
    void medianRuleNeedsThreeOtherTrials() {
        StoppingRule r = StoppingRule.of(EarlyStopping.median(1));
        r.check(1, 1, 0.9);
        r.check(2, 1, 0.9);
        assertThat(r.check(3, 1, 0.1)).isNull();
        // now trial 4 has 3 others (0.9, 0.9, 0.1) → median 0.9
        assertThat(r.check(4, 1, 0.5)).isNotNull();
    }

    @Test
    void medianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        StoppingRule r = StoppingRule.of(EarlyStopping.median(1));
        r.check(1, 1, 0.2);
        r.check(2, 1, 0.4);
        r.check(3, 1, 0.6);
        r.check(4, 1, 0.8);
        assertThat(r.check(5, 1, 0.49).english()).contains("0.5000");
        assertThat(r.check(6, 1, 0.51)).isNull();
    }

    @Test
    void halvingKeepsTheTopThirdAtEachRung() {
        StoppingRule r = StoppingRule.of(EarlyStopping.halving(1, 3));
        StoppingRule.Halving h = (StoppingRule.Halving) r;
        assertThat(h.isRung(1)).isTrue();
        assertThat(h.isRung(2)).isFalse();
        assertThat(h.isRung(3)).isTrue();
        assertThat(h.isRung(9)).isTrue();
        assertThat(h.isRung(4)).isFalse();
        // rung 1: the first trial always goes on (top max(1, 1/3) = 1)
        assertThat(r.check(1, 1, 0.5)).isNull();
        // second trial worse: n=2, keep 1, one better → stop
        assertThat(r.check(2, 1, 0.4).english()).contains("successive halving").contains("rung of 1 epochs")
                .contains("top 1 of 2").contains("0.5000");
        // a better one goes on
        assertThat(r.check(3, 1, 0.6)).isNull();
        // not a rung: never stops
        assertThat(r.check(3, 2, 0.0)).isNull();
        // n = 6 at rung 1: keep 2
        r.check(4, 1, 0.1);
        r.check(5, 1, 0.2);
        assertThat(r.check(6, 1, 0.55)).isNull(); // 0.6 is the only better one → rank 1 < 2
        assertThat(r.check(7, 1, 0.52)).isNotNull(); // 0.6, 0.55 better → rank 2 >= keep 2
    }

    @Test
    void halvingRungsStartAtGrace() {
        StoppingRule.Halving h = (StoppingRule.Halving) StoppingRule.of(EarlyStopping.halving(2, 2));
        assertThat(h.isRung(1)).isFalse();
        assertThat(h.isRung(2)).isTrue();
        assertThat(h.isRung(4)).isTrue();
        assertThat(h.isRung(8)).isTrue();
        assertThat(h.isRung(6)).isFalse();
        assertThat(h.check(1, 1, 0.0)).isNull();
    }
}
