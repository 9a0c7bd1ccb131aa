package babysitter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stepMetricsRejectImpossibleValuesNamingThem() {
        assertThatThrownBy(() -> new StepMetric(-1, 0, 0, 1, 0.1, 0.9, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("step must be >= 0, got -1");
        assertThatThrownBy(() -> new StepMetric(0, 0, 0, 1, Double.NaN, 0.9, 1, 1))
                .hasMessage("learning rate must be a finite number >= 0, got NaN");
        assertThatThrownBy(() -> new StepMetric(0, 0, 0, 1, 0.1, 1.0, 1, 1))
                .hasMessage("momentum must be in [0, 1) or NaN, got 1.0");
        assertThatThrownBy(() -> new StepMetric(0, 0, 0, 1, 0.1, 0.9, -5, 1))
                .hasMessage("samples per second must be >= 0 or NaN, got -5.0");
        assertThatThrownBy(() -> new StepMetric(0, 0, -2, 1, 0.1, 0.9, 1, 1))
                .hasMessage("branch must be >= 0, got -2");
    }

    @Test
    void epochMetricsAcceptNaNButNotAccuraciesOutsideZeroToOne() {
        assertThat(new EpochMetric(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0).devAccuracy()).isNaN();
        assertThatThrownBy(() -> new EpochMetric(0, 0, 0, 1, 1.5, 1, 0.5, 1, 0.5, 1, 0))
                .hasMessage("train accuracy must be in [0, 1] or NaN, got 1.5");
        assertThatThrownBy(() -> new EpochMetric(0, 0, 0, 1, 0.5, 1, 0.5, 1, Double.POSITIVE_INFINITY, 1, 0))
                .hasMessage("dev accuracy (train mode) must be in [0, 1] or NaN, got Infinity");
        assertThatThrownBy(() -> new EpochMetric(0, 0, 0, 1, 0.5, 1, 0.5, 1, 0.5, -1, 0))
                .hasMessage("seconds must be >= 0 or NaN, got -1.0");
    }

    @Test
    void anEventNeedsWhatHappenedAndAKindThatIsNotBlank() {
        assertThat(new RunEvent(3, 0, 0, new Event.Pause(), 1).kind()).isEqualTo("pause");
        assertThatThrownBy(() -> new RunEvent(0, 0, 0, null, 0)).hasMessage("event");
        assertThatThrownBy(() -> new RunEvent(-1, 0, 0, new Event.Pause(), 0)).hasMessage("step must be >= 0, got -1");
        assertThatThrownBy(() -> new Event.Other(" ", "{}", null))
                .hasMessage("event kind must not be blank, got ' '");
    }

    @Test
    void checkpointIdsMustBePlainFolderNames() {
        CheckpointInfo.checkId("epoch-3_step.1200");
        assertThatThrownBy(() -> CheckpointInfo.checkId("a/b"))
                .hasMessageContaining("'a/b'").hasMessageContaining("'/' at 1");
        assertThatThrownBy(() -> CheckpointInfo.checkId(""))
                .hasMessageContaining("1 to 100 characters");
        assertThatThrownBy(() -> CheckpointInfo.checkId(".tmp-1"))
                .hasMessage("checkpoint id must not start with '.', got '.tmp-1'");
    }

    @Test
    void aRunCopiesItsListsAndSortsCheckpointsByStepThenId() {
        List<CheckpointInfo> checkpoints = new ArrayList<>(List.of(
                new CheckpointInfo("c", Path.of("c"), 5, 0, 0, 0, null),
                new CheckpointInfo("b", Path.of("b"), 1, 0, 0, 0, null),
                new CheckpointInfo("a", Path.of("a"), 5, 0, 0, 0, null)));
        List<String> warnings = new ArrayList<>(List.of("w"));
        Run run = new Run(Path.of("r"), JSON.createObjectNode(), List.of(), List.of(), List.of(), checkpoints, warnings);
        warnings.add("later");
        checkpoints.clear();
        assertThat(run.checkpoints()).extracting(CheckpointInfo::id).containsExactly("b", "a", "c");
        assertThat(run.warnings()).containsExactly("w");
        assertThatThrownBy(() -> run.warnings().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
