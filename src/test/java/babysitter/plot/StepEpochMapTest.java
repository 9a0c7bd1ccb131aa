package babysitter.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StepEpochMapTest {

    /** 15 steps per epoch up to epoch 8 (step 120), then 4 per epoch (the mini-batch grew 32 → 128). */
    private static StepEpochMap batchChangeAtEpoch8() {
        StepEpochMap map = new StepEpochMap();
        for (int e = 1; e <= 8; e++) {
            map.add(0, 15L * e, e);
        }
        for (int e = 9; e <= 30; e++) {
            map.add(0, 120 + 4L * (e - 8), e);
        }
        return map;
    }

    @Test
    void aStepIsPlacedByTheRecordedEpochEndsNotByTheCurrentStepsPerEpoch() {
        StepEpochMap map = batchChangeAtEpoch8();
        assertThat(map.epochAt(0, 120, 4)).isEqualTo(8.0);
        assertThat(map.epochAt(0, 60, 4)).isEqualTo(4.0);
        assertThat(map.epochAt(0, 127, 4)).isCloseTo(9.75, within(1e-9));
    }

    @Test
    void pastTheLastEndTheCurrentStepsPerEpochCount() {
        StepEpochMap map = batchChangeAtEpoch8();
        assertThat(map.epochAt(0, 208 + 2, 4)).isEqualTo(30.5);
    }

    @Test
    void aRewoundBranchUsesItsParentForStepsBeforeItsOwnFirstEpoch() {
        StepEpochMap map = batchChangeAtEpoch8();
        map.add(1, 150, 12); // branch 1 went on from an earlier checkpoint
        assertThat(map.epochAt(1, 60, 4)).isEqualTo(4.0);
        assertThat(map.epochAt(1, 154, 4)).isEqualTo(13.0);
    }

    @Test
    void withoutAnyRecordedEpochTheStepsPerEpochAreUsed() {
        assertThat(new StepEpochMap().epochAt(0, 30, 15)).isEqualTo(2.0);
    }
}
