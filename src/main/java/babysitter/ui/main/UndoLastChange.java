package babysitter.ui.main;

import babysitter.session.reports.Report;
import babysitter.store.Event;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Undo of the last change of α or β: the session takes an automatic checkpoint before each such
 * change, and undo goes back to the newest one.
 */
final class UndoLastChange {
    private final ReadOnlyStringWrapper checkpoint = new ReadOnlyStringWrapper("");

    /** An automatic checkpoint is the one to go back to. */
    void event(Report.EventReport e) {
        if (e.event() instanceof Event.CheckpointTaken c && c.source().equals(Event.CheckpointTaken.AUTO)) {
            checkpoint.set(c.id());
        }
    }

    /** Another run: nothing to undo. */
    void clear() {
        checkpoint.set("");
    }

    /** The checkpoint to go back to, "" when there is none; it is forgotten (undo goes back once). */
    String take() {
        String id = checkpoint.get();
        checkpoint.set("");
        return id;
    }

    /** The checkpoint undo would go back to ("" when there is none). */
    ReadOnlyStringProperty property() {
        return checkpoint.getReadOnlyProperty();
    }

    /** Whether undo can go back: there is a checkpoint, and a session to go back in. */
    BooleanBinding possible(ObservableBooleanValue hasSession) {
        return Bindings.createBooleanBinding(() -> !checkpoint.get().isEmpty() && hasSession.get(), checkpoint,
                hasSession);
    }
}
