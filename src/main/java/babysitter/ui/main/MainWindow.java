package babysitter.ui.main;

import babysitter.session.Report;
import babysitter.session.Snapshot;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.controls.ControlsView;
import babysitter.ui.controls.RangeTestView;
import babysitter.ui.controls.RangeTestViewModel;
import babysitter.ui.fx.Icons;
import babysitter.ui.fx.TextEditing;
import babysitter.ui.monitor.MonitorView;
import babysitter.ui.regions.RegionsView;
import babysitter.ui.setup.SetupView;
import babysitter.ui.setup.SetupViewModel;
import babysitter.ui.classes.ClassesWindow;
import babysitter.ui.network.NetworkWindow;
import babysitter.ui.surface.SurfaceWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The babysitting window: setup on the left, charts in the centre, live controls on the right. */
public final class MainWindow extends BorderPane {
    private static final javafx.css.PseudoClass NONE = javafx.css.PseudoClass.getPseudoClass("none");
    private final MainViewModel vm;
    private final SetupViewModel setup;
    private final MonitorView monitor;
    private final Columns columns;
    /** Below this window width a new run hides the setup panel, so the charts have the room. */
    static final double NARROW = 1280;
    private final HBox strip = new HBox(4);
    private RangeTestView rangeTest;

    public MainWindow(MainViewModel vm, SetupViewModel setup) {
        this.vm = vm;
        this.setup = setup;
        getStyleClass().add("main-window");
        getStylesheets().add(MainWindow.class.getResource("/babysitter/ui/babysitter.css").toExternalForm());

        // left: setup
        SetupView setupView = new SetupView(setup);
        setupView.setOnNewRun(this::newRun);
        setupView.setPrefWidth(320);
        setup.busyProperty().bind(vm.startingProperty());
        // setup, live controls and the loaded run agree: before a run the controls show the setup's
        // values; a run opened from disk fills the setup with its configuration
        setup.configProperty().addListener((o, a, config) -> vm.showSetup(config));
        vm.showSetup(setup.configProperty().get());
        vm.setOnRunLoaded(setup::load);

        // centre: banner, charts, checkpoint strip
        monitor = new MonitorView(vm.monitor());
        HBox bannerBox = babysitter.ui.fx.Banner.of("notification", vm.notificationProperty(), vm::dismissNotification);
        strip.setId("checkpointStrip");
        strip.setAlignment(Pos.CENTER_LEFT);
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.setPrefHeight(44);
        stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label stripLabel = new Label("Checkpoints");
        stripLabel.getStyleClass().add("heading");
        stripLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox stripBox = new HBox(8, stripLabel, stripScroll);
        HBox.setHgrow(stripScroll, Priority.ALWAYS);
        stripBox.setAlignment(Pos.CENTER_LEFT);
        stripBox.setPadding(new Insets(4, 8, 4, 8));
        Label hints = new Label();
        hints.setId("hints");
        hints.getStyleClass().add("hints");
        // one line that is always there (the charts do not jump when a hint comes or goes); the
        // whole text, when it does not fit, is in the tooltip
        hints.setMaxWidth(Double.MAX_VALUE);
        hints.setMinHeight(Region.USE_PREF_SIZE);
        hints.textProperty().bind(Bindings.createStringBinding(
                () -> vm.hints().isEmpty() ? "Hints: none" : "Hints: " + String.join(" · ", vm.hints()), vm.hints()));
        Tooltip hintsTip = new Tooltip();
        hintsTip.setWrapText(true);
        hintsTip.setMaxWidth(600);
        hintsTip.textProperty().bind(hints.textProperty());
        hints.setTooltip(hintsTip);
        hints.pseudoClassStateChanged(NONE, true);
        vm.hints().addListener((ListChangeListener<String>) c -> hints.pseudoClassStateChanged(NONE, vm.hints().isEmpty()));
        babysitter.ui.siblings.SiblingsPanel siblingsPanel = new babysitter.ui.siblings.SiblingsPanel(vm.siblings());
        // the banner lies over the top of the charts rather than pushing them down
        bannerBox.setMaxHeight(Region.USE_PREF_SIZE);
        javafx.scene.layout.StackPane charts = new javafx.scene.layout.StackPane(monitor, bannerBox);
        javafx.scene.layout.StackPane.setAlignment(bannerBox, Pos.TOP_CENTER);
        VBox centre = new VBox(hints, charts, siblingsPanel, stripBox);
        VBox.setVgrow(charts, Priority.ALWAYS);
        vm.checkpoints().addListener((ListChangeListener<Snapshot.CheckpointSummary>) c -> rebuildStrip());

        // right: controls, the range test and (for 2-D data) the decision regions
        ControlsView controls = new ControlsView(vm.controls());
        controls.disableProperty().bind(vm.hasSession().not());
        VBox right = new VBox(controls, rangeTestBox(), regionsBox());
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setPrefWidth(300);
        rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        rightScroll.setMinWidth(240);
        centre.setMinWidth(360);
        columns = new Columns(setupView, centre, rightScroll);
        setTop(new VBox(menuBar(), toolBar()));
        setCenter(columns.pane());
        setBottom(statusBar());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        vm.announceLastRun();
    }

    private void newRun() {
        Optional<babysitter.session.RunConfig> config = setup.toConfig();
        if (config.isPresent() && (!vm.live().get() || confirmNewRun())) {
            vm.newRun(config.get());
            if (getWidth() < NARROW) {
                columns.setupShownProperty().set(false);
            }
        }
    }

    /** A live or paused session is not replaced without asking; the question says it stays on disk. */
    private boolean confirmNewRun() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle("New run");
        alert.setHeaderText("Stop the current run and start a new one?");
        String dir = vm.runDirProperty().get();
        alert.setContentText("The current run" + (dir.isEmpty() ? "" : " (" + dir + ")") + " stays on disk: "
                + "File ▸ Open run… shows it again and continues it from any of its checkpoints.");
        alert.getDialogPane().setId("newRunDialog");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    private MenuBar menuBar() {
        MenuItem newRun = item("New run", "Shortcut+N", this::newRun);
        MenuItem openRun = item("Open run…", "Shortcut+O", this::openRun);
        MenuItem openLast = item("Open last run", "Shortcut+Shift+O", () -> vm.lastRun().ifPresent(vm::openRun));
        openLast.setDisable(vm.lastRun().isEmpty());
        MenuItem exportStep1 = item("Export cost-per-step chart (PNG, 1×)…", null, () -> exportChart(monitor.stepChart(), 1));
        MenuItem exportStep2 = item("Export cost-per-step chart (PNG, 2×)…", null, () -> exportChart(monitor.stepChart(), 2));
        MenuItem exportEpoch = item("Export cost-per-epoch chart (PNG, 2×)…", null, () -> exportChart(monitor.epochCostChart(), 2));
        MenuItem exportAcc = item("Export accuracy chart (PNG, 2×)…", null, () -> exportChart(monitor.epochAccuracyChart(), 2));
        MenuItem exportWindow = item("Export window (PNG)…", null, this::exportWindow);
        MenuItem exportCsv = item("Export metrics (CSV, raw and smoothed)…", null, this::exportCsv);
        MenuItem exportReport = item("Export report (HTML)…", null, () -> {
            Path file = choose("Export report", "report.html", "html");
            if (file != null) {
                vm.exportReport(file);
            }
        });
        MenuItem saveConfig = item("Save as configuration…", null, () -> {
            Path file = choose("Save as configuration", "run.json", "json");
            if (file != null) {
                vm.saveConfiguration(file);
            }
        });
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            Window w = getScene().getWindow();
            w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        MenuItem newSearch = item("New search…", "Shortcut+Shift+N", () -> babysitter.ui.search.SearchWindow.newSearch(
                getScene().getWindow(), vm, babysitter.ui.BabysitterApp.runsRoot()));
        newSearch.setId("newSearchItem");
        MenuItem openSearch = item("Open search…", "Shortcut+Shift+F", () -> babysitter.ui.search.SearchWindow.openSearch(
                getScene().getWindow(), vm));
        Menu file = new Menu("File", null, newRun, openRun, openLast, new SeparatorMenuItem(), newSearch, openSearch,
                new SeparatorMenuItem(), exportStep1, exportStep2, exportEpoch,
                exportAcc, exportWindow, exportCsv, exportReport, new SeparatorMenuItem(), saveConfig,
                new SeparatorMenuItem(), quit);
        // The Session menu offers what the tool bar offers, and only when the tool bar does.
        MenuItem pause = item("Pause / resume", "Space", vm::togglePause);
        pause.setId("pauseItem");
        pause.disableProperty().bind(vm.canPauseOrResume().not());
        MenuItem step = item("Step one batch", "Shortcut+RIGHT", vm::step);
        step.setId("stepItem");
        step.disableProperty().bind(vm.canStep().not());
        MenuItem epoch = item("Run one epoch", "Shortcut+E", vm::runEpoch);
        epoch.setId("epochItem");
        epoch.disableProperty().bind(vm.canStep().not());
        MenuItem checkpoint = item("Checkpoint now", "Shortcut+K", vm::checkpoint);
        checkpoint.setId("checkpointItem");
        checkpoint.disableProperty().bind(vm.hasSession().not());
        MenuItem undo = item("Undo last change", "Shortcut+Z", vm::undoLastChange);
        undo.setId("undoItem");
        undo.disableProperty().bind(vm.canUndo().not());
        MenuItem stop = item("Stop", null, vm::stop);
        stop.setId("stopItem");
        stop.disableProperty().bind(vm.live().not());
        MenuItem siblings = item("Try siblings…", "Shortcut+Shift+S",
                () -> babysitter.ui.siblings.SiblingsDialog.show(getScene().getWindow(), vm.siblings()));
        siblings.setId("trySiblings");
        siblings.disableProperty().bind(vm.hasSession().not().or(vm.siblings().activeProperty()));
        MenuItem more = item("More epochs…", "Shortcut+M", this::moreEpochs);
        more.disableProperty().bind(vm.hasSession().not());
        Menu session = new Menu("Session", null, pause, step, epoch, more, new SeparatorMenuItem(), checkpoint, undo,
                new SeparatorMenuItem(), siblings, new SeparatorMenuItem(), stop);
        MenuItem range = item("Learning-rate range test", "Shortcut+R", () -> {
            rangeTest.setExpanded(true);
            rangeTest.viewModel().run();
        });
        MenuItem surface = item("Optimisers on a surface…", null, () -> SurfaceWindow.show(getScene().getWindow()));
        MenuItem network = item("Network view…", null, () -> NetworkWindow.show(getScene().getWindow(), vm.feed()));
        MenuItem classes = item("Classes…", null, () -> ClassesWindow.show(getScene().getWindow(), vm.feed()));
        MenuItem samples = item("Samples…", null,
                () -> babysitter.ui.samples.SamplesWindow.show(getScene().getWindow(), vm.feed()));
        network.setId("networkItem");
        classes.setId("classesItem");
        samples.setId("samplesItem");
        surface.setId("surfaceItem");
        range.setId("rangeItem");
        Menu tools = new Menu("Tools", null, range, surface, network, classes, samples);
        MenuItem setupPanel = panelItem("setupPanelItem", "setup panel", "Shortcut+1", columns.setupShownProperty());
        MenuItem controlsPanel = panelItem("controlsPanelItem", "live controls", "Shortcut+2",
                columns.controlsShownProperty());
        Menu view = new Menu("View", null, setupPanel, controlsPanel);
        MenuBar bar = new MenuBar(file, session, view, tools);
        bar.setId("menuBar");
        return bar;
    }

    /** "Hide the setup panel" / "Show the setup panel": one item that folds a side panel away and back. */
    private static MenuItem panelItem(String id, String name, String accelerator,
                                      javafx.beans.property.BooleanProperty shown) {
        MenuItem m = item("", accelerator, () -> shown.set(!shown.get()));
        m.setId(id);
        m.textProperty().bind(Bindings.when(shown).then("Hide the " + name).otherwise("Show the " + name));
        return m;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private ToolBar toolBar() {
        Button pause = new Button();
        pause.setId("pauseButton");
        pause.textProperty().bind(Bindings.createStringBinding(() -> {
            Report.State s = vm.stateProperty().get();
            return s == Report.State.RUNNING ? "Pause" : s == null || s == Report.State.IDLE ? "Start" : "Resume";
        }, vm.stateProperty()));
        org.kordamp.ikonli.javafx.FontIcon pauseIcon = Icons.of(Icons.PLAY);
        vm.stateProperty().addListener((o, a, now) ->
                pauseIcon.setIconLiteral(now == Report.State.RUNNING ? Icons.PAUSE : Icons.PLAY));
        pause.setGraphic(pauseIcon);
        pause.setTooltip(new Tooltip("Space"));
        pause.setOnAction(e -> vm.togglePause());
        pause.disableProperty().bind(vm.canPauseOrResume().not());
        Button step = Icons.on(button("stepButton", "Step", "one mini-batch (Ctrl+→)", vm::step), Icons.STEP);
        step.disableProperty().bind(vm.canStep().not());
        Button epoch = Icons.on(button("epochButton", "Run epoch", "to the end of this epoch (Ctrl+E)", vm::runEpoch),
                Icons.EPOCH);
        epoch.disableProperty().bind(vm.canStep().not());
        Button stop = Icons.on(button("stopButton", "Stop", "end the run; it stays on disk", vm::stop), Icons.STOP);
        stop.disableProperty().bind(vm.live().not());
        Button checkpoint = Icons.on(button("checkpointButton", "Checkpoint", "keep this moment (Ctrl+K)",
                vm::checkpoint), Icons.CHECKPOINT);
        checkpoint.disableProperty().bind(vm.hasSession().not());
        Button undo = Icons.on(button("undoButton", "Undo last change",
                "back to before the last change of α or β (Ctrl+Z)", vm::undoLastChange), Icons.UNDO);
        undo.disableProperty().bind(vm.canUndo().not());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label run = new Label();
        run.textProperty().bind(vm.runDirProperty());
        run.getStyleClass().add("run-dir");
        return new ToolBar(pause, step, epoch, stop, checkpoint, undo, paceChoice(), gap, run);
    }

    /** The pace of a running session: as fast as possible, N epochs a second, or epoch by epoch. */
    private javafx.scene.Node paceChoice() {
        javafx.scene.control.ChoiceBox<babysitter.session.Pace> box = new javafx.scene.control.ChoiceBox<>();
        box.setId("paceChoice");
        box.getItems().addAll(babysitter.session.Pace.FASTEST, new babysitter.session.Pace(50),
                new babysitter.session.Pace(20), new babysitter.session.Pace(10), babysitter.session.Pace.WATCHABLE,
                new babysitter.session.Pace(2), new babysitter.session.Pace(1), babysitter.session.Pace.EPOCH_BY_EPOCH);
        box.valueProperty().bindBidirectional(vm.paceProperty());
        box.setTooltip(new javafx.scene.control.Tooltip("how fast training goes: slow enough to watch the decision "
                + "regions move, or a pause after each epoch; the numbers trained are the same at any pace"));
        Label label = new Label("Pace");
        label.setLabelFor(box);
        HBox paceBox = new HBox(4, label, box);
        paceBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return paceBox;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        return babysitter.ui.fx.Buttons.button(id, text, tip, action);
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("epochProgress");
        progress.progressProperty().bind(vm.epochProgressProperty());
        progress.setPrefWidth(180);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, status, gap, new Label("epoch"), progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The range test runs on a throw-away copy of the setup's network, at any time; its suggestion goes to the setup or the run. */
    private Node rangeTestBox() {
        RangeTestViewModel model = RangeTestViewModel.of(setup.configProperty(),
                alpha -> setup.learningRateProperty().set(new java.math.BigDecimal(Double.toString(alpha))
                        .stripTrailingZeros().toPlainString()),
                alpha -> vm.submit(new babysitter.session.Command.SetHyperparameters(
                        vm.controls().current().withLearningRate(alpha))),
                javafx.application.Platform::runLater);
        model.liveRunProperty().bind(vm.hasSession());
        rangeTest = new RangeTestView(model);
        return rangeTest;
    }

    private Node regionsBox() {
        Label title = new Label("Decision regions");
        title.getStyleClass().add("heading");
        Label caption = new Label();
        caption.setId("regionsCaption");
        caption.textProperty().bind(vm.regions().captionProperty());
        VBox box = new VBox(6, title, new RegionsView(vm.regions()), caption);
        box.setId("regionsBox");
        box.setPadding(new Insets(8));
        box.visibleProperty().bind(vm.regions().availableProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void rebuildStrip() {
        strip.getChildren().clear();
        for (Snapshot.CheckpointSummary c : vm.checkpoints()) {
            Button b = new Button(shortName(c.id()));
            b.setId("checkpoint-" + c.id());
            b.getStyleClass().add("checkpoint");
            if (c.id().startsWith("auto-")) {
                b.getStyleClass().add("auto");
            }
            b.setTooltip(new Tooltip(c.id() + " · step " + c.step() + " · epoch " + c.epoch() + " · branch " + c.branch()));
            b.setOnAction(e -> confirmRewind(c));
            strip.getChildren().add(b);
        }
    }

    static String shortName(String id) {
        String base = id.replaceAll("\\.b\\d+$", "");
        String branch = id.equals(base) ? "" : "′";
        if (base.startsWith("epoch-")) {
            return "e" + Integer.parseInt(base.substring(6)) + branch;
        }
        if (base.startsWith("auto-")) {
            return "↶" + base.substring(5) + branch;
        }
        return base.replace("step-", "s") + branch;
    }

    /** Asks how many epochs to add to the run (a finished run goes on, paused until Resume). */
    private void moreEpochs() {
        javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog("10");
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.setTitle("More epochs");
        ask.setHeaderText("Train more epochs than planned (" + vm.totalEpochsProperty().get() + " so far)");
        ask.setContentText("Epochs to add:");
        ask.getDialogPane().setId("moreEpochsDialog");
        ask.showAndWait().ifPresent(text -> {
            String error = vm.moreEpochs(text);
            if (error != null) {
                error(error);
            }
        });
    }

    /** Asks before rewinding; the question names what will be restored. */
    private void confirmRewind(Snapshot.CheckpointSummary c) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle("Rewind");
        alert.setHeaderText((vm.hasSession().get() ? "Go back to " : "Continue the recorded run from ") + c.id()
                + " (epoch " + c.epoch() + ", step " + c.step() + ")?");
        alert.setContentText("Restores the parameters, the optimiser state (v, s, t), the batch-norm running "
                + "statistics, the batch order and the hyperparameters of that moment. Training continues as a "
                + "new branch; the current branch stays recorded and drawn, faded.");
        alert.getDialogPane().setId("rewindDialog");
        vm.holdForRewind();
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == ButtonType.OK) {
            vm.rewindHeld(c.id());
        } else {
            vm.cancelHeldRewind();
        }
    }

    /** The session keys that are not menu accelerators; while text is edited, keys edit the text. */
    private void keys(KeyEvent e) {
        if (TextEditing.editing(getScene())) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()) {
            vm.togglePause();
            e.consume();
        } else if (new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN).match(e)) {
            vm.step();
            e.consume();
        }
    }

    // ------------------------------------------------------------------ export

    private void openRun() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Open a recorded run");
        java.io.File root = babysitter.ui.BabysitterApp.runsRoot().toFile();
        if (root.isDirectory()) {
            chooser.setInitialDirectory(root);
        }
        java.io.File dir = chooser.showDialog(getScene().getWindow());
        if (dir != null) {
            vm.openRun(dir.toPath());
        }
    }

    private Path choose(String title, String name, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT),
                "*." + extension));
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    private void exportChart(LineChartCanvas chart, double scale) {
        Path file = choose("Export chart", "chart.png", "png");
        if (file != null) {
            try {
                chart.exportPng(file, scale);
            } catch (IOException | RuntimeException ex) {
                error("Could not write " + file + ": " + ex.getMessage());
            }
        }
    }

    private void exportWindow() {
        Path file = choose("Export window", "babysitter.png", "png");
        if (file != null) {
            try {
                writeWindowPng(file);
            } catch (IOException | RuntimeException ex) {
                error("Could not write " + file + ": " + ex.getMessage());
            }
        }
    }

    /** The window as a PNG, without its banner. */
    void writeWindowPng(Path file) throws IOException {
        babysitter.ui.fx.Banner.without(getScene().getRoot(), () -> Snapshots.writePng(getScene().getRoot(), 1, file));
    }

    private void exportCsv() {
        Path file = choose("Export metrics", "metrics.csv", "csv");
        if (file != null) {
            try {
                vm.monitor().writeCsv(file);
            } catch (IOException | RuntimeException ex) {
                error("Could not write " + file + ": " + ex.getMessage());
            }
        }
    }

    private void error(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(getScene().getWindow());
        a.showAndWait();
    }

    public MonitorView monitor() {
        return monitor;
    }

    /** The learning-rate range test panel. */
    public RangeTestView rangeTest() {
        return rangeTest;
    }

    /** The scene for this window: the screen's free area, up to 1680×1050. */
    public Scene scene() {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return new Scene(this, Math.min(1680, screen.getWidth()), Math.min(1050, screen.getHeight()));
    }
}
