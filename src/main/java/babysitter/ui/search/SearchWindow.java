package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.EarlyStopping;
import babysitter.search.LocalExecutor;
import babysitter.search.Method;
import babysitter.search.Search;
import babysitter.search.Trial;
import babysitter.search.cluster.ClusterProbe;
import babysitter.session.configuration.ConfigException;
import babysitter.ui.app.AppContext;
import babysitter.ui.fx.ToolWindow;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File ▸ New search… and File ▸ Open search…: the form, and the Search window (a stage of its
 * own, like the Network view) around one search. Closing the window while the search runs asks
 * first, then cancels it cleanly: the unfinished trials start again when the search is opened.
 */
public final class SearchWindow {
    /** Epochs a babysat trial may train after its checkpoint (the trial's own budget is usually used up). */
    public static final int BABYSIT_EPOCHS = 20;

    private SearchWindow() {
    }

    /** Asks for a new search (the form), creates it and opens its window, running. Empty when cancelled. */
    public static Optional<Stage> newSearch(AppContext app, Window owner, TrialHost main) {
        return newSearch(app, owner, main, null);
    }

    /** As {@link #newSearch(AppContext, Window, TrialHost)}, the form filled with {@code spaceFile} (null: empty). */
    public static Optional<Stage> newSearch(AppContext app, Window owner, TrialHost main, Path spaceFile) {
        NewSearchViewModel form = new NewSearchViewModel(app.runsRoot(), Clock.systemUTC());
        ClusterForm cluster = new ClusterForm(ClusterForm.defaultMemory(), r -> {
            Thread t = new Thread(r, "cluster-look-up");
            t.setDaemon(true);
            t.start();
        }, Platform::runLater, ClusterProbe::look);
        if (spaceFile != null) {
            form.spaceFileProperty().set(spaceFile.toString());
        }
        Dialog<Search> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(Texts.get("search.new.title"));
        dialog.setHeaderText(Texts.get("search.new.header"));
        dialog.getDialogPane().setId("newSearchDialog");
        dialog.getDialogPane().getStylesheets().add(
                SearchWindow.class.getResource("/babysitter/ui/babysitter.css").toExternalForm());
        ButtonType start = new ButtonType(Texts.get("search.new.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form(app, form, cluster, dialog));
        Button ok = (Button) dialog.getDialogPane().lookupButton(start);
        ok.setId("startSearch");
        ok.disableProperty().bind(form.valid().not().or(Bindings.isNotEmpty(cluster.errorProperty())));
        Search[] created = new Search[1];
        ClusterForm.Choice[] runOn = new ClusterForm.Choice[1];
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                runOn[0] = cluster.choice().orElse(null);
            } catch (ClusterForm.InvalidChoice ex) {
                e.consume(); // the cluster fields say what is wrong
                return;
            }
            Optional<Search> s = form.create();
            if (s.isEmpty()) {
                e.consume(); // keep the dialog and what was typed; the error shows in it
            } else {
                created[0] = s.get();
                RecentSpaces.of(app.runsRoot()).remember(Path.of(form.spaceFileProperty().get().trim()));
                cluster.remember();
            }
        });
        dialog.setResultConverter(b -> b == start ? created[0] : null);
        Optional<Search> s = dialog.showAndWait();
        return s.map(search -> show(app, owner, main, search, form.parallelValue(), true, runOn[0]));
    }

    private static Node form(AppContext app, NewSearchViewModel form, ClusterForm cluster, Dialog<?> dialog) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.setPadding(new Insets(10));
        TextField space = field("spaceField", form.spaceFileProperty(), 32);
        Button browse = new Button(Texts.get("search.browse"));
        browse.setId("browseSpace");
        RecentSpaces recent = RecentSpaces.of(app.runsRoot());
        browse.setOnAction(e -> {
            Path start = Files.isDirectory(recent.spacesFolder()) ? recent.spacesFolder() : app.runsRoot();
            File f = app.choosers().openFile(dialog.getDialogPane().getScene().getWindow(), Texts.get("search.new.chooseSpace"),
                    start, Texts.get("search.new.spaceFilter"), "json");
            if (f != null) {
                form.spaceFileProperty().set(f.getPath());
            }
        });
        HBox spaceBox = new HBox(6, space, browse, RecentSpacesMenu.of(recent, form.spaceFileProperty()));
        HBox.setHgrow(space, Priority.ALWAYS);
        int row = 0;
        row = add(g, row, Texts.get("search.new.space"), spaceBox, form.spaceErrorProperty(), "spaceError");
        row = add(g, row, Texts.get("search.new.name"), field("nameField", form.nameProperty(), 20), null, null);
        ChoiceBox<Method> method = new ChoiceBox<>();
        method.setId("methodChoice");
        method.getItems().setAll(Method.RANDOM, Method.GRID);
        method.valueProperty().bindBidirectional(form.methodProperty());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(Method m) {
                return m == null ? "" : Texts.get(m == Method.RANDOM ? "search.new.methodRandom" : "search.new.methodGrid");
            }

            @Override
            public Method fromString(String s) {
                return null;
            }
        });
        row = add(g, row, Texts.get("search.new.method"), method, null, null);
        BooleanBinding grid = form.methodProperty().isEqualTo(Method.GRID);
        TextField trials = field("newTrialsField", form.trialsProperty(), 6);
        trials.disableProperty().bind(grid);
        row = add(g, row, Texts.get("search.field.trials"), trials, form.trialsErrorProperty(), "newTrialsError");
        TextField k = field("gridValuesField", form.gridValuesProperty(), 6);
        k.disableProperty().bind(grid.not());
        k.setTooltip(new Tooltip(Texts.get("search.new.gridTip")));
        row = add(g, row, Texts.get("search.field.valuesPerAxis"), k, form.gridErrorProperty(), "gridError");
        Label count = new Label();
        count.setId("gridCount");
        count.getStyleClass().add("readout");
        count.setWrapText(true);
        count.setMaxWidth(420);
        count.textProperty().bind(form.gridCountProperty());
        count.visibleProperty().bind(grid.and(Bindings.isNotEmpty(form.gridCountProperty())));
        count.managedProperty().bind(count.visibleProperty());
        g.add(count, 1, row++);
        row = ClusterFormPane.addRows(g, row, cluster, app, dialog.getOwner());
        TextField parallel = field("parallelField", form.parallelProperty(), 6);
        parallel.disableProperty().bind(cluster.onClusterProperty()); // the cluster's free slots decide
        row = add(g, row, Texts.get("search.new.parallel"), parallel, form.parallelErrorProperty(), "parallelError");
        row = add(g, row, Texts.get("search.new.epochs"), field("epochsField", form.epochsProperty(), 6),
                form.epochsErrorProperty(), "epochsError");
        ChoiceBox<EarlyStopping.Kind> stopping = new ChoiceBox<>();
        stopping.setId("stoppingChoice");
        stopping.getItems().setAll(EarlyStopping.Kind.values());
        stopping.valueProperty().bindBidirectional(form.stoppingProperty());
        stopping.setConverter(new StringConverter<>() {
            @Override
            public String toString(EarlyStopping.Kind k) {
                return k == null ? "" : Texts.get(switch (k) {
                    case NONE -> "search.stopping.none";
                    case MEDIAN -> "search.stopping.median";
                    case HALVING -> "search.stopping.halving";
                });
            }

            @Override
            public EarlyStopping.Kind fromString(String s) {
                return null;
            }
        });
        row = add(g, row, Texts.get("search.new.stopping"), stopping, null, null);
        TextField grace = field("graceField", form.graceProperty(), 6);
        grace.disableProperty().bind(form.stoppingProperty().isEqualTo(EarlyStopping.Kind.NONE));
        row = add(g, row, Texts.get("search.new.grace"), grace, form.graceErrorProperty(), "graceError");
        row = add(g, row, Texts.get("search.new.seed"), field("seedField", form.seedProperty(), 10), form.seedErrorProperty(), "seedError");
        Label folder = new Label();
        folder.getStyleClass().add("readout");
        folder.textProperty().bind(Bindings.createStringBinding(() -> Texts.get("search.new.folder", form.folder()), form.nameProperty()));
        g.add(folder, 0, row++, 2, 1);
        Label error = new Label();
        error.setId("newSearchError");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setMaxWidth(560);
        error.textProperty().bind(form.errorProperty());
        g.add(error, 0, row, 2, 1);
        return g;
    }

    private static TextField field(String id, StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static int add(GridPane g, int row, String label, Node field,
                           ReadOnlyStringProperty error, String errorId) {
        g.add(new Label(label), 0, row);
        g.add(field, 1, row++);
        if (error != null) {
            Label e = new Label();
            e.setId(errorId);
            e.getStyleClass().add("error");
            e.textProperty().bind(error);
            e.visibleProperty().bind(Bindings.isNotEmpty(error));
            e.managedProperty().bind(e.visibleProperty());
            g.add(e, 1, row++);
            if (field instanceof HBox) {
                return row; // the space's message is a prompt, not an error: no red outline
            }
            Node marked = field;
            PseudoClass invalid = PseudoClass.getPseudoClass("invalid");
            marked.pseudoClassStateChanged(invalid, !error.get().isEmpty());
            error.addListener((o, a, b) -> marked.pseudoClassStateChanged(invalid, !b.isEmpty()));
        }
        return row;
    }

    /** Asks for a search folder and opens it (not running: Resume runs its unfinished trials). */
    public static Optional<Stage> openSearch(AppContext app, Window owner, TrialHost main) {
        File dir = app.choosers().folder(owner, Texts.get("search.open.title"), app.runsRoot().resolve("searches"));
        return dir == null ? Optional.empty() : open(app, owner, main, dir.toPath());
    }

    /** Opens the search in {@code dir}; a damaged or missing search is reported in a dialog. */
    public static Optional<Stage> open(AppContext app, Window owner, TrialHost main, Path dir) {
        try {
            Search s = Search.open(dir);
            return Optional.of(show(app, owner, main, s, s.settings().parallel(), false, null));
        } catch (IOException | ConfigException | RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, SearchTexts.openProblem(e), ButtonType.OK);
            if (owner != null) {
                a.initOwner(owner);
            }
            a.setHeaderText(Texts.get("search.open.failed", dir));
            a.getDialogPane().setId("openSearchError");
            a.show();
            return Optional.empty();
        }
    }

    /** The Search window around {@code search}; if {@code start}, its trials start running. */
    public static Stage show(AppContext app, Window owner, TrialHost main, Search search, int parallel, boolean start) {
        return show(app, owner, main, search, parallel, start, null);
    }

    /** The same, its trials run on the cluster of {@code cluster} (null: on this computer). */
    public static Stage show(AppContext app, Window owner, TrialHost main, Search search, int parallel, boolean start,
                             ClusterForm.Choice cluster) {
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "search-runner");
            t.setDaemon(true);
            return t;
        });
        ExecutorService importanceWorker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "search-importance");
            t.setDaemon(true);
            return t;
        });
        SearchViewModel[] made = new SearchViewModel[1];
        SearchViewModel vm = new SearchViewModel(Platform::runLater, runner, Clock.systemUTC(),
                cluster == null ? LocalExecutor::new : workers -> ClusterTrials.join(cluster, made[0].cluster()),
                importanceWorker);
        made[0] = vm;
        vm.attach(search, parallel);
        SearchView view = new SearchView(vm);
        Stage stage = ToolWindow.create(owner, Texts.get("search.window.title", search.dir().getFileName()), view,
                1400, 900);
        vm.setBabysitter(t -> babysit(stage, owner, main, t));
        stage.getProperties().put(SearchViewModel.class, vm);
        stage.setOnCloseRequest(e -> {
            if (vm.progress().runningProperty().get()) {
                Alert a = new Alert(Alert.AlertType.CONFIRMATION);
                a.initOwner(stage);
                a.setTitle(Texts.get("search.close.title"));
                a.setHeaderText(Texts.get("search.close.header"));
                a.setContentText(Texts.get("search.close.content"));
                a.getDialogPane().setId("closeSearchDialog");
                Optional<ButtonType> answer = a.showAndWait();
                if (answer.isEmpty() || answer.get() != ButtonType.OK) {
                    e.consume();
                }
            }
        });
        // the program's end cancels a search still open
        Runnable unregister = app.onClose(vm::cancelAndClose);
        stage.setOnHidden(e -> {
            vm.cancelAndClose();
            unregister.run();
            runner.shutdown();
            importanceWorker.shutdown();
        });
        stage.show();
        if (start) {
            vm.start();
        }
        return stage;
    }

    /** Continues a finished trial by hand in the main window (asks first if a session is live there). */
    private static void babysit(Stage searchStage, Window owner, TrialHost main, Trial t) {
        if (main.hasSession().get()) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION);
            a.initOwner(searchStage);
            a.setTitle(Texts.get("search.toolbar.babysit"));
            a.setHeaderText(Texts.get("search.babysit.header", t.id()));
            a.setContentText(Texts.get("search.babysit.content", t.id(), t.bestCheckpoint(), BABYSIT_EPOCHS));
            a.getDialogPane().setId("babysitDialog");
            Optional<ButtonType> answer = a.showAndWait();
            if (answer.isEmpty() || answer.get() != ButtonType.OK) {
                return;
            }
        }
        main.openRunAndContinue(t.runDir(), t.bestCheckpoint(), BABYSIT_EPOCHS);
        if (owner instanceof Stage s) {
            s.toFront();
        }
    }
}
