package babysitter.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link RunReader#read} found in a run folder. Immutable: the lists are copies and the
 * configuration is deep-copied in and out.
 *
 * @param dir         the run folder
 * @param config      the contents of {@code run.json}
 * @param steps       step metrics in file order
 * @param epochs      epoch metrics in file order
 * @param events      events in file order
 * @param insights    insight records (confusion matrices, samples, decision regions) in file order
 * @param checkpoints complete checkpoints, sorted by step, then id
 * @param warnings    what was skipped and why (torn or malformed lines, incomplete checkpoints), each
 *                    naming the file, and the line number for lines
 */
public record Run(Path dir, ObjectNode config, List<StepMetric> steps, List<EpochMetric> epochs,
                  List<RunEvent> events, List<InsightRecord> insights, List<CheckpointInfo> checkpoints,
                  List<String> warnings) {

    /** A run without insight records. */
    public Run(Path dir, ObjectNode config, List<StepMetric> steps, List<EpochMetric> epochs, List<RunEvent> events,
               List<CheckpointInfo> checkpoints, List<String> warnings) {
        this(dir, config, steps, epochs, events, List.of(), checkpoints, warnings);
    }

    public Run {
        Objects.requireNonNull(dir, "dir");
        config = Objects.requireNonNull(config, "config").deepCopy();
        steps = List.copyOf(steps);
        epochs = List.copyOf(epochs);
        events = List.copyOf(events);
        insights = List.copyOf(insights);
        List<CheckpointInfo> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(CheckpointInfo::step).thenComparing(CheckpointInfo::id));
        checkpoints = List.copyOf(sorted);
        warnings = List.copyOf(warnings);
    }

    /** The program version that recorded the run (run.json's {@code version}), null when it does not say. */
    public String recordedBy() {
        return RecordedBy.versionOf(config);
    }

    /** The network file the run started from (run.json's {@code init}), or null when it started afresh. */
    public Path init() {
        var v = config.get("init");
        return v != null && v.isTextual() ? Path.of(v.asText()) : null;
    }

    /** The rows of the training part of its data (run.json's {@code data.train}), 0 when it does not say. */
    public int trainRows() {
        return config.path("data").path("train").asInt(0);
    }

    /**
     * The object {@code field} of run.json read as a {@code type} (a record of the parts the caller
     * needs), with the mapper every run file is read with; null when run.json has no such field.
     *
     * @throws IOException when the object does not fit {@code type}
     */
    public <T> T partOf(String field, Class<T> type) throws IOException {
        var node = config.get(field);
        return node == null || node.isNull() ? null : Json.MAPPER.treeToValue(node, type);
    }

    /** A copy of the configuration: changing it does not change this record. */
    @Override
    public ObjectNode config() {
        return config.deepCopy();
    }
}
