package babysitter.ui.search;

import java.nio.file.Path;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Where a finished trial is babysat by hand (the main window's view-model), so that this package
 * does not depend on the main window's.
 */
public interface TrialHost {

    /** Whether a session is live (continuing a trial would replace it). */
    ObservableBooleanValue hasSession();

    /** Opens the run in {@code dir} at {@code checkpointId} and makes it ready for {@code moreEpochs} epochs. */
    void openRunAndContinue(Path dir, String checkpointId, int moreEpochs);
}
