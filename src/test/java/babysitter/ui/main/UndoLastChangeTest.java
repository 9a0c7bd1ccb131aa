package babysitter.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.reports.Report;
import babysitter.store.Event;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class UndoLastChangeTest {

    private static Report.EventReport checkpoint(String id, String source) {
        return new Report.EventReport(new Event.CheckpointTaken(id, source), 3, 0, 0);
    }

    @Test
    void undoGoesBackOnceToTheNewestAutomaticCheckpoint() {
        UndoLastChange undo = new UndoLastChange();
        SimpleBooleanProperty session = new SimpleBooleanProperty(true);
        var possible = undo.possible(session);
        assertThat(possible.get()).isFalse();
        undo.event(checkpoint("step-3", "auto"));
        undo.event(checkpoint("step-4", "user"));
        undo.event(checkpoint("epoch-0001", "epoch"));
        assertThat(undo.property().get()).isEqualTo("step-3");
        assertThat(possible.get()).isTrue();
        session.set(false);
        assertThat(possible.get()).as("no session to go back in").isFalse();
        assertThat(undo.take()).isEqualTo("step-3");
        assertThat(undo.take()).isEmpty();
        undo.event(checkpoint("step-9", "auto"));
        undo.clear();
        assertThat(undo.property().get()).isEmpty();
    }
}
