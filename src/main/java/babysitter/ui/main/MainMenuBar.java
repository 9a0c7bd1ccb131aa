package babysitter.ui.main;

import babysitter.i18n.Language;
import babysitter.i18n.Texts;
import babysitter.ui.app.AppContext;
import babysitter.ui.classes.ClassesWindow;
import babysitter.ui.library.LibraryWindow;
import babysitter.ui.monitor.MonitorView;
import babysitter.ui.network.NetworkWindow;
import babysitter.ui.samples.SamplesWindow;
import babysitter.ui.search.SearchWindow;
import babysitter.ui.siblings.SiblingsDialog;
import babysitter.ui.surface.SurfaceWindow;
import java.text.MessageFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** The main window's menus: File, Session, View (with the language), Tools. The Session menu offers what the tool bar offers, and only when the tool bar does. */
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
        MenuItem newRun = item(Texts.get("main.menu.newRun"), "Shortcut+N", window::newRun);
        MenuItem runs = item(Texts.get("main.menu.runs"), "Shortcut+O",
                () -> LibraryWindow.show(app, owner(), vm::openRun, vm.monitor().references()::add,
                        vm::finishedHere, vm.progress().stateProperty()));
        runs.setId("runsItem");
        MenuItem openRun = item(Texts.get("main.menu.openRunFolder"), null, window::openRunFolder);
        MenuItem openLast = item(Texts.get("main.menu.openLastRun"), "Shortcut+Shift+O", () -> vm.lastRun().ifPresent(vm::openRun));
        openLast.setDisable(vm.lastRun().isEmpty());
        MenuItem newSearch = item(Texts.get("main.menu.newSearch"), "Shortcut+Shift+N", () -> SearchWindow.newSearch(app, owner(), vm));
        newSearch.setId("newSearchItem");
        MenuItem openSearch = item(Texts.get("main.menu.openSearch"), "Shortcut+Shift+F", () -> SearchWindow.openSearch(app, owner(), vm));
        MenuItem quit = item(Texts.get("main.menu.quit"), "Shortcut+Q", () -> {
            Window w = owner();
            w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        return new Menu(Texts.get("main.menu.file"), null, newRun, runs, openRun, openLast, new SeparatorMenuItem(), newSearch, openSearch,
                new SeparatorMenuItem(),
                item(Texts.get("main.menu.exportStepChart1"), null, () -> exports.chart(monitor.stepChart(), 1)),
                item(Texts.get("main.menu.exportStepChart2"), null, () -> exports.chart(monitor.stepChart(), 2)),
                item(Texts.get("main.menu.exportEpochChart"), null, () -> exports.chart(monitor.epochCostChart(), 2)),
                item(Texts.get("main.menu.exportAccuracyChart"), null, () -> exports.chart(monitor.epochAccuracyChart(), 2)),
                item(Texts.get("main.menu.exportWindow"), null, exports::windowPng),
                item(Texts.get("main.menu.exportMetrics"), null, exports::csv),
                item(Texts.get("main.menu.exportReport"), null, exports::report), new SeparatorMenuItem(),
                item(Texts.get("main.menu.saveConfiguration"), null, exports::configuration), new SeparatorMenuItem(), quit);
    }

    private Menu session() {
        MenuItem pause = item(Texts.get("main.menu.pauseResume"), "Space", vm.commands()::togglePause);
        pause.setId("pauseItem");
        pause.disableProperty().bind(vm.progress().canPauseOrResume().not());
        MenuItem step = item(Texts.get("main.menu.stepOneBatch"), "Shortcut+RIGHT", vm.commands()::step);
        step.setId("stepItem");
        step.disableProperty().bind(vm.progress().canStep().not());
        MenuItem epoch = item(Texts.get("main.menu.runOneEpoch"), "Shortcut+E", vm.commands()::runEpoch);
        epoch.setId("epochItem");
        epoch.disableProperty().bind(vm.progress().canStep().not());
        MenuItem checkpoint = item(Texts.get("main.menu.checkpointNow"), "Shortcut+K", vm.commands()::checkpoint);
        checkpoint.setId("checkpointItem");
        checkpoint.disableProperty().bind(vm.hasSession().not());
        MenuItem undo = item(Texts.get("main.menu.undoLastChange"), "Shortcut+Z", vm::undoLastChange);
        undo.setId("undoItem");
        undo.disableProperty().bind(vm.canUndo().not());
        MenuItem stop = item(Texts.get("main.menu.stop"), null, vm.commands()::stop);
        stop.setId("stopItem");
        stop.disableProperty().bind(vm.progress().live().not());
        MenuItem siblings = item(Texts.get("main.menu.trySiblings"), "Shortcut+Shift+S", () -> SiblingsDialog.show(owner(), vm.siblings()));
        siblings.setId("trySiblings");
        siblings.disableProperty().bind(vm.hasSession().not().or(vm.siblings().activeProperty()));
        MenuItem around = item(Texts.get("main.menu.searchAround"), null, window::searchAround);
        around.setId("searchAroundItem");
        MenuItem more = item(Texts.get("main.menu.moreEpochs"), "Shortcut+M", window::moreEpochs);
        more.disableProperty().bind(vm.hasSession().not());
        return new Menu(Texts.get("main.menu.session"), null, pause, step, epoch, more, new SeparatorMenuItem(), checkpoint, undo,
                new SeparatorMenuItem(), siblings, around, new SeparatorMenuItem(), stop);
    }

    private Menu view() {
        Columns columns = window.columns();
        return new Menu(Texts.get("main.menu.view"), null,
                panelItem("setupPanelItem", Texts.get("main.menu.setupPanel"), "Shortcut+1", columns.setupShownProperty()),
                panelItem("controlsPanelItem", Texts.get("main.menu.liveControls"), "Shortcut+2",
                        columns.controlsShownProperty()),
                new SeparatorMenuItem(), language());
    }

    private Menu tools() {
        MenuItem range = item(Texts.get("main.menu.rangeTest"), "Shortcut+R", () -> {
            window.rangeTest().setExpanded(true);
            window.rangeTest().viewModel().run();
        });
        MenuItem surface = item(Texts.get("main.menu.surface"), null, () -> SurfaceWindow.show(owner()));
        MenuItem network = item(Texts.get("main.menu.network"), null, () -> NetworkWindow.show(owner(), vm.feed()));
        MenuItem classes = item(Texts.get("main.menu.classes"), null, () -> ClassesWindow.show(owner(), vm.feed()));
        MenuItem samples = item(Texts.get("main.menu.samples"), null, () -> SamplesWindow.show(owner(), vm.feed()));
        network.setId("networkItem");
        classes.setId("classesItem");
        samples.setId("samplesItem");
        surface.setId("surfaceItem");
        range.setId("rangeItem");
        return new Menu(Texts.get("main.menu.tools"), null, range, surface, network, classes, samples);
    }

    /**
     * View ▸ Language: English or 한국어 (each named in itself), remembered for the next start, when
     * the window speaks it; a dialog says so in the language picked.
     */
    private Menu language() {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu(Texts.get("language.menu"));
        menu.setId("languageMenu");
        Language now = Language.remembered().orElse(Language.current());
        for (Language l : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(l.nativeName());
            item.setId("language-" + l.locale().getLanguage());
            item.setToggleGroup(group);
            item.setSelected(l == now);
            item.setOnAction(e -> {
                l.remember();
                Alert told = new Alert(Alert.AlertType.INFORMATION, new MessageFormat(
                        Texts.bundle(l.locale()).getString("language.changed"), l.locale())
                        .format(new Object[] {l.nativeName()}));
                told.initOwner(owner());
                told.setHeaderText(null);
                told.setTitle(l.nativeName());
                told.getDialogPane().setId("languageDialog");
                told.show();
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    /** "Hide the setup panel" / "Show the setup panel": one item that folds a side panel away and back. */
    private static MenuItem panelItem(String id, String name, String accelerator, BooleanProperty shown) {
        MenuItem m = item("", accelerator, () -> shown.set(!shown.get()));
        m.setId(id);
        m.textProperty().bind(Bindings.when(shown).then(Texts.get("main.menu.hidePanel", name))
                .otherwise(Texts.get("main.menu.showPanel", name)));
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
