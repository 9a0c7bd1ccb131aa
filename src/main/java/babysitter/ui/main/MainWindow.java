package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.session.configuration.RunConfig;
import babysitter.session.training.Snapshot;
import babysitter.ui.app.AppContext;
import babysitter.ui.controls.ControlsView;
import babysitter.ui.controls.RangeTestView;
import babysitter.ui.fx.Banner;
import babysitter.ui.fx.TextEditing;
import babysitter.ui.library.SearchAround;
import babysitter.ui.library.SearchAroundDialog;
import babysitter.ui.monitor.MonitorView;
import babysitter.ui.regions.RegionsView;
import babysitter.ui.search.SearchWindow;
import babysitter.ui.setup.SetupView;
import babysitter.ui.setup.SetupViewModel;
import babysitter.ui.siblings.SiblingsPanel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

/** The babysitting window: setup on the left, charts in the centre, live controls on the right. */
public final class MainWindow extends BorderPane {
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");
    private final MainViewModel vm;
    private final SetupViewModel setup;
    private final MonitorView monitor;
    private final Columns columns;
    /** Below this window width a new run hides the setup panel, so the charts have the room. */
    static final double NARROW = 1280;
    private final CheckpointStrip strip = new CheckpointStrip(this::confirmRewind);
    private final AppContext app;
    private final WindowExports exports;
    private final RangeTestView rangeTest;

    /** The window with a context of its own (runs in {@code -Dbabysitter.runs}, default {@code runs}). */
    public MainWindow(MainViewModel vm, SetupViewModel setup) {
        this(AppContext.fromSystem(), vm, setup);
    }

    public MainWindow(AppContext app, MainViewModel vm, SetupViewModel setup) {
        this.app = app;
        this.vm = vm;
        this.setup = setup;
        this.exports = new WindowExports(this, vm, app::choosers);
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
        HBox bannerBox = Banner.of("notification", vm.notificationProperty(), vm::dismissNotification);
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.setPrefHeight(44);
        stripScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label stripLabel = new Label(Texts.get("main.checkpoints"));
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
                () -> vm.hints().isEmpty() ? Texts.get("main.hints.none")
                        : Texts.get("main.hints.some", String.join(" · ", vm.hints())), vm.hints()));
        Tooltip hintsTip = new Tooltip();
        hintsTip.setWrapText(true);
        hintsTip.setMaxWidth(600);
        hintsTip.textProperty().bind(hints.textProperty());
        hints.setTooltip(hintsTip);
        hints.pseudoClassStateChanged(NONE, true);
        vm.hints().addListener((ListChangeListener<String>) c -> hints.pseudoClassStateChanged(NONE, vm.hints().isEmpty()));
        SiblingsPanel siblingsPanel = new SiblingsPanel(vm.siblings());
        // the banner lies over the top of the charts rather than pushing them down
        bannerBox.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane charts = new StackPane(monitor, bannerBox);
        StackPane.setAlignment(bannerBox, Pos.TOP_CENTER);
        VBox centre = new VBox(hints, charts, siblingsPanel, stripBox);
        VBox.setVgrow(charts, Priority.ALWAYS);
        vm.checkpoints().addListener((ListChangeListener<Snapshot.CheckpointSummary>) c -> strip.show(vm.checkpoints()));

        // right: controls, the range test and (for 2-D data) the decision regions
        ControlsView controls = new ControlsView(vm.controls());
        controls.disableProperty().bind(vm.hasSession().not());
        rangeTest = RangeTestPane.create(vm, setup);
        VBox right = new VBox(controls, rangeTest, regionsBox());
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setPrefWidth(300);
        rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        rightScroll.setMinWidth(240);
        centre.setMinWidth(360);
        columns = new Columns(setupView, centre, rightScroll);
        setTop(new VBox(MainMenuBar.create(this, app, vm, exports), MainToolBar.create(vm)));
        setCenter(columns.pane());
        setBottom(statusBar());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        vm.announceLastRun();
    }

    void newRun() {
        Optional<RunConfig> config = setup.toConfig();
        if (config.isPresent() && (!vm.progress().live().get() || confirmNewRun())) {
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
        alert.setTitle(Texts.get("main.newRun.title"));
        alert.setHeaderText(Texts.get("main.newRun.header"));
        String dir = vm.runDirProperty().get();
        alert.setContentText(dir.isEmpty() ? Texts.get("main.newRun.content") : Texts.get("main.newRun.contentDir", dir));
        alert.getDialogPane().setId("newRunDialog");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.progress().statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("epochProgress");
        progress.progressProperty().bind(vm.progress().epochProgressProperty());
        progress.setPrefWidth(180);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, status, gap, new Label(Texts.get("main.status.epoch")), progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private Node regionsBox() {
        Label title = new Label(Texts.get("main.regions.title"));
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

    /** Asks how many epochs to add to the run (a finished run goes on, paused until Resume). */
    void moreEpochs() {
        TextInputDialog ask = new TextInputDialog("10");
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.setTitle(Texts.get("main.moreEpochs.title"));
        ask.setHeaderText(Texts.get("main.moreEpochs.header", vm.progress().epochsProperty().get()));
        ask.setContentText(Texts.get("main.moreEpochs.content"));
        ask.getDialogPane().setId("moreEpochsDialog");
        ask.showAndWait().ifPresent(text -> {
            String error = vm.commands().moreEpochs(text);
            if (error != null) {
                exports.error(error);
            }
        });
    }

    /** Asks before rewinding; the question names what will be restored. */
    private void confirmRewind(Snapshot.CheckpointSummary c) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle(Texts.get("main.rewind.title"));
        alert.setHeaderText(Texts.get(vm.hasSession().get() ? "main.rewind.headerLive" : "main.rewind.headerRecorded",
                c.id(), c.epoch(), c.step()));
        alert.setContentText(Texts.get("main.rewind.content"));
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
            vm.commands().togglePause();
            e.consume();
        } else if (new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN).match(e)) {
            vm.commands().step();
            e.consume();
        }
    }

    /**
     * Session ▸ Search around this run…: a space around the configuration the setup panel shows (the
     * loaded or running run's), edited in a form, written, then the New search form filled with it.
     */
    void searchAround() {
        Window owner = getScene().getWindow();
        setup.toConfig().ifPresent(config -> SearchAroundDialog.ask(owner, config,
                        SearchAround.spaceFile(app.runsRoot(), config.name()))
                .ifPresent(space -> SearchWindow.newSearch(app, owner, vm, space)));
    }

    /** File ▸ Open run folder…: a folder chooser in the runs folder. */
    void openRunFolder() {
        File dir = app.choosers().folder(getScene().getWindow(), Texts.get("main.openRun.title"), app.runsRoot());
        if (dir != null) {
            vm.openRun(dir.toPath());
        }
    }

    /** The window as a PNG, without its banner. */
    void writeWindowPng(Path file) throws IOException {
        exports.writeWindowPng(file);
    }

    Columns columns() {
        return columns;
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
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Scene(this, Math.min(1680, screen.getWidth()), Math.min(1050, screen.getHeight()));
    }
}
