package babysitter.ui.main;

import babysitter.session.live.Command;
import babysitter.session.live.Pace;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How fast a running session goes. Until the person chooses, each run gets the default of its
 * data (small 2-D data trains too fast to watch its decision regions move); once they chose, their
 * pace holds for the next runs of the window too.
 */
final class PaceChoice {
    private final ObjectProperty<Pace> pace = new SimpleObjectProperty<>(Pace.FASTEST);
    private final Consumer<Command> submit;
    private boolean chosen;
    private boolean settingDefault;

    PaceChoice(Consumer<Command> submit) {
        this.submit = Objects.requireNonNull(submit);
        pace.addListener((o, was, now) -> {
            if (!settingDefault) {
                chosen = true;
                submit.accept(new Command.SetPace(now));
            }
        });
    }

    ObjectProperty<Pace> property() {
        return pace;
    }

    /** The pace of a new run with {@code features} features: the person's, else the data's default. */
    Pace forRun(int features) {
        if (!chosen) {
            settingDefault = true;
            pace.set(features == 2 ? Pace.WATCHABLE : Pace.FASTEST);
            settingDefault = false;
        }
        return pace.get();
    }
}
