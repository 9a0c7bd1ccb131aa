package babysitter.ui.surface;

import babysitter.i18n.Texts;
import babysitter.ui.fx.ToolWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens "Optimisers on a surface" in a window of its own. */
public final class SurfaceWindow {
    private SurfaceWindow() {
    }

    /** A new window owned by {@code owner} (may be null), shown; the race pauses when it closes. */
    public static Stage show(Window owner) {
        SurfaceViewModel vm = new SurfaceViewModel();
        Stage stage = ToolWindow.create(owner, Texts.get("surface.title"), new SurfaceView(vm), 1120, 620);
        stage.setOnHidden(e -> vm.pause());
        stage.show();
        return stage;
    }
}
