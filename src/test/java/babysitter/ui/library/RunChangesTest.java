package babysitter.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.engine.Hyperparameters;
import babysitter.store.Event;
import babysitter.store.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the difference view says changed during a run: the changes, not what every run does. */
class RunChangesTest {

    private static RunEvent at(long step, int epoch, int branch, Event e) {
        return new RunEvent(step, epoch, branch, e, 0);
    }

    @Test
    void changesAreListedWithWhenAndWhoAndRoutineEventsAreLeftOut() {
        Hyperparameters before = Hyperparameters.DEFAULTS.withLearningRate(0.01);
        List<RunEvent> events = List.of(
                at(0, 0, 0, new Event.Start(10)),
                at(0, 0, 0, new Event.RulesSet(true, false, true, false)),
                at(40, 2, 0, new Event.CheckpointTaken("epoch-0002", Event.CheckpointTaken.EPOCH)),
                at(45, 2, 0, new Event.Pause()),
                at(45, 2, 0, new Event.HyperparametersChanged(before, before.withLearningRate(0.005), "plateau", -1)),
                at(50, 2, 0, new Event.CheckpointTaken("mine", Event.CheckpointTaken.USER)),
                at(60, 3, 0, new Event.Rewind("epoch-0002", 60, 3, 0, 1, false)),
                at(40, 2, 1, new Event.MoreEpochs(5, 15)),
                at(300, 15, 1, new Event.Stop(true)));
        assertThat(RunChanges.of(events)).containsExactly(
                "epoch 1 · step 0 · branch 0: rules: guard on, α down on plateau on, early stop off",
                "epoch 3 · step 45 · branch 0: α 0.01→0.005 (plateau)",
                "epoch 3 · step 50 · branch 0: checkpoint mine",
                "epoch 4 · step 60 · branch 0: rewind to epoch-0002",
                "epoch 3 · step 40 · branch 1: +5 epochs (15 in all)");
    }

    @Test
    void aRunThatNeverBranchedDoesNotSayItsBranchAndAnUnknownEventKeepsItsKind() {
        List<RunEvent> events = List.of(at(7, 0, 0, new Event.Other("new-thing", "{}", null)),
                at(8, 0, 0, new Event.GuardTripped("cost is NaN", "epoch-0001", false)));
        assertThat(RunChanges.of(events)).containsExactly("epoch 1 · step 7: new-thing",
                "epoch 1 · step 8: guard: cost is NaN");
    }

    @Test
    void inKoreanTheChangesNameWhoMadeThemAndTheGuardsReasonInKorean() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.KOREA);
            Hyperparameters from = Hyperparameters.DEFAULTS.withLearningRate(0.01);
            List<RunEvent> events = List.of(
                    at(45, 2, 0, new Event.HyperparametersChanged(from, from.withLearningRate(0.005), "plateau", -1)),
                    at(60, 3, 0, new Event.GuardTripped("cost NaN at step 60", "epoch-0002", false)),
                    at(60, 3, 0, new Event.Rewind("epoch-0002", 60, 3, 0, 1, false)));
            assertThat(RunChanges.of(events)).containsExactly(
                    "에폭 3 · 스텝 45: α 0.01→0.005 (정체)",
                    "에폭 4 · 스텝 60: 가드: 스텝 60에서 비용 NaN",
                    "에폭 4 · 스텝 60: epoch-0002(으)로 되감기");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
