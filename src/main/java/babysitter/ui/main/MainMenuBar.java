package babysitter.ui.main;

import babysitter.ui.app.AppContext;
import babysitter.ui.classes.ClassesWindow;
import babysitter.ui.library.LibraryWindow;
import babysitter.ui.monitor.MonitorView;
import babysitter.ui.network.NetworkWindow;
import babysitter.ui.samples.SamplesWindow;
import babysitter.ui.search.SearchWindow;
import babysitter.ui.siblings.SiblingsDialog;
import babysitter.ui.surface.SurfaceWindow;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** The main window's menus: File, Session, View, Tools. The Session menu offers what the tool bar offers, and only when the tool bar does. */
final class MainMenuBar {
    private final MainWindow window;
    private final AppContext app;
    private final MainViewModel vm;
    private final WindowExports exports;

    private MainMenuBar(MainWindow window, AppContext app, MainViewModel vm, WindowExports exports) {
        this.window = window;
        this.app = app;
        this.vm = vm;
        this.exports = exports;
    }

    static MenuBar create(MainWindow window, AppContext app, MainViewModel vm, WindowExports exports) {
        MainMenuBar m = new MainMenuBar(window, app, vm, exports);
        MenuBar bar = new MenuBar(m.file(), m.session(), m.view(), m.tools());
        bar.setId("menuBar");
        return bar;
    }

    private Window owner() {
        return window.getScene().getWindow();
    }

    private Menu file() {
        MonitorView monitor = window.monitor();
        MenuItem newRun = item("New run", "Shortcut+N", window::newRun);
        MenuItem runs = item("Runs…", "Shortcut+O",
                () -> LibraryWindow.show(app, owner(), vm::openRun, vm.monitor().references()::add));
        runs.setId("runsItem");
        MenuItem openRun = item("Open run folder…", null, window::openRunFolder);
        MenuItem openLast = item("Open last run", "Shortcut+Shift+O", () -> vm.lastRun().ifPresent(vm::openRun));
        openLast.setDisable(vm.lastRun().isEmpty());
        MenuItem newSearch = item("New search…", "Shortcut+Shift+N", () -> SearchWindow.newSearch(app, owner(), vm));
        newSearch.setId("newSearchItem");
        MenuItem openSearch = item("Open search…", "Shortcut+Shift+F", () -> SearchWindow.openSearch(app, owner(), vm));
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            Window w = owner();
            w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        return new Menu("File", null, newRun, runs, openRun, openLast, new SeparatorMenuItem(), newSearch, openSearch,
                new SeparatorMenuItem(),
                item("Export cost-per-step chart (PNG, 1×)…", null, () -> exports.chart(monitor.stepChart(), 1)),
                item("Export cost-per-step chart (PNG, 2×)…", null, () -> exports.chart(monitor.stepChart(), 2)),
                item("Export cost-per-epoch chart (PNG, 2×)…", null, () -> exports.chart(monitor.epochCostChart(), 2)),
                item("Export accuracy chart (PNG, 2×)…", null, () -> exports.chart(monitor.epochAccuracyChart(), 2)),
                item("Export window (PNG)…", null, exports::windowPng),
                item("Export metrics (CSV, raw and smoothed)…", null, exports::csv),
                item("Export report (HTML)…", null, exports::report), new SeparatorMenuItem(),
                item("Save as configuration…", null, exports::configuration), new SeparatorMenuItem(), quit);
    }

    private Menu session() {
        MenuItem pause = item("Pause / resume", "Space", vm.commands()::togglePause);
        pause.setId("pauseItem");
        pause.disableProperty().bind(vm.progress().canPauseOrResume().not());
        MenuItem step = item("Step one batch", "Shortcut+RIGHT", vm.commands()::step);
        step.setId("stepItem");
        step.disableProperty().bind(vm.progress().canStep().not());
        MenuItem epoch = item("Run one epoch", "Shortcut+E", vm.commands()::runEpoch);
        epoch.setId("epochItem");
        epoch.disableProperty().bind(vm.progress().canStep().not());
        MenuItem checkpoint = item("Checkpoint now", "Shortcut+K", vm.commands()::checkpoint);
        checkpoint.setId("checkpointItem");
        checkpoint.disableProperty().bind(vm.hasSession().not());
        MenuItem undo = item("Undo last change", "Shortcut+Z", vm::undoLastChange);
        undo.setId("undoItem");
        undo.disableProperty().bind(vm.canUndo().not());
        MenuItem stop = item("Stop", null, vm.commands()::stop);
        stop.setId("stopItem");
        stop.disableProperty().bind(vm.progress().live().not());
        MenuItem siblings = item("Try siblings…", "Shortcut+Shift+S", () -> SiblingsDialog.show(owner(), vm.siblings()));
        siblings.setId("trySiblings");
        siblings.disableProperty().bind(vm.hasSession().not().or(vm.siblings().activeProperty()));
        MenuItem around = item("Search around this run…", null, window::searchAround);
        around.setId("searchAroundItem");
        MenuItem more = item("More epochs…", "Shortcut+M", window::moreEpochs);
        more.disableProperty().bind(vm.hasSession().not());
        return new Menu("Session", null, pause, step, epoch, more, new SeparatorMenuItem(), checkpoint, undo,
                new SeparatorMenuItem(), siblings, around, new SeparatorMenuItem(), stop);
    }

    private Menu view() {
        Columns columns = window.columns();
        return new Menu("View", null,
                panelItem("setupPanelItem", "setup panel", "Shortcut+1", columns.setupShownProperty()),
                panelItem("controlsPanelItem", "live controls", "Shortcut+2", columns.controlsShownProperty()));
    }

    private Menu tools() {
        MenuItem range = item("Learning-rate range test", "Shortcut+R", () -> {
            window.rangeTest().setExpanded(true);
            window.rangeTest().viewModel().run();
        });
        MenuItem surface = item("Optimisers on a surface…", null, () -> SurfaceWindow.show(owner()));
        MenuItem network = item("Network view…", null, () -> NetworkWindow.show(owner(), vm.feed()));
        MenuItem classes = item("Classes…", null, () -> ClassesWindow.show(owner(), vm.feed()));
        MenuItem samples = item("Samples…", null, () -> SamplesWindow.show(owner(), vm.feed()));
        network.setId("networkItem");
        classes.setId("classesItem");
        samples.setId("samplesItem");
        surface.setId("surfaceItem");
        range.setId("rangeItem");
        return new Menu("Tools", null, range, surface, network, classes, samples);
    }

    /** "Hide the setup panel" / "Show the setup panel": one item that folds a side panel away and back. */
    private static MenuItem panelItem(String id, String name, String accelerator, BooleanProperty shown) {
        MenuItem m = item("", accelerator, () -> shown.set(!shown.get()));
        m.setId(id);
        m.textProperty().bind(Bindings.when(shown).then("Hide the " + name).otherwise("Show the " + name));
        return m;
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
