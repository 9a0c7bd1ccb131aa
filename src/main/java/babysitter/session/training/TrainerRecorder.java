package babysitter.session.training;

import babysitter.store.EpochMetric;
import babysitter.store.InsightRecord;
import babysitter.store.RunEvent;
import babysitter.store.RunWriter;
import babysitter.store.StepMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a {@link Trainer}'s steps, epochs, events and insights go: the run's files (when it is
 * recorded) and the trainer's listeners, both silenced while a sandbox runs.
 */
final class TrainerRecorder {
    private final RunWriter writer;
    private final List<Trainer.Listener> listeners = new ArrayList<>();
    private boolean muted;
    private boolean closed;

    /** @param writer the run store, or null to record nothing */
    TrainerRecorder(RunWriter writer) {
        this.writer = writer;
    }

    /** The run store, or null. */
    RunWriter writer() {
        return writer;
    }

    void add(Trainer.Listener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    void step(StepMetric m) {
        record(w -> w.step(m));
        listeners.forEach(l -> l.onStep(m));
    }

    void epoch(EpochMetric m) {
        record(w -> w.epoch(m));
        listeners.forEach(l -> l.onEpoch(m));
    }

    void event(RunEvent e) {
        record(w -> w.event(e));
        listeners.forEach(l -> l.onEvent(e));
    }

    void insight(InsightRecord r) {
        record(w -> w.insight(r));
    }

    /** Writes the run's new epoch budget into its run.json. */
    void epochs(int epochs) {
        record(w -> w.updateConfigEpochs(epochs));
    }

    /** True while a sandbox runs: nothing is recorded and no listener hears anything. */
    boolean muted() {
        return muted;
    }

    /** Silences everything until {@link #unmute} gets the listeners back. */
    List<Trainer.Listener> mute() {
        List<Trainer.Listener> saved = new ArrayList<>(listeners);
        listeners.clear();
        muted = true;
        return saved;
    }

    void unmute(List<Trainer.Listener> saved) {
        muted = false;
        listeners.addAll(saved);
    }

    /** Whether the run's files are open (a recorded run not closed yet). */
    boolean open() {
        return writer != null && !closed;
    }

    void close() {
        closed = true;
        writer.close();
    }

    /** The run folder, or null when nothing is recorded. */
    Path runDir() {
        return writer == null ? null : writer.dir();
    }

    private void record(Consumer<RunWriter> action) {
        if (writer != null && !muted) {
            action.accept(writer);
        }
    }
}
