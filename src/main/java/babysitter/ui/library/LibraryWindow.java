package babysitter.ui.library;

import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.store.RunColumn;
import babysitter.store.RunLibrary;
import babysitter.ui.app.AppContext;
import babysitter.ui.fx.Buttons;
import babysitter.ui.fx.ToolWindow;
import babysitter.ui.monitor.ReferenceRun;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ Runs…: the table of runs above, the selected runs' curves and configurations below, the
 * actions on the selected runs at the bottom. Double-click or Enter opens a run in the main window.
 */
public final class LibraryWindow extends BorderPane {
    private final LibraryViewModel vm;
    private final TableView<RunLibrary.Entry> table = new TableView<>();

    LibraryWindow(LibraryViewModel vm) {
        this.vm = vm;
        getStyleClass().add("library-window");
        setTop(filterBar());
        SplitPane split = new SplitPane(table(), new TabPane(
                tab(Texts.get("library.tab.curves"), new OverlayPane(vm)),
                tab(Texts.get("library.tab.configuration"), new DifferencesPane(vm))));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        setBottom(actions());
    }

    /**
     * Opens the library of {@code app}'s runs folder; {@code opener} opens a run in the main window,
     * {@code monitor} draws runs as references on the main window's charts, {@code finishedHere} tells
     * whether a run the main window trains has done all its epochs, asked again whenever
     * {@code sessionState} changes.
     */
    public static Stage show(AppContext app, Window owner, Consumer<Path> opener,
                             Consumer<List<ReferenceRun>> monitor, Predicate<Path> finishedHere,
                             Observable sessionState) {
        LibraryViewModel vm = new LibraryViewModel(List.of(app.runsRoot()), Platform::runLater, app.background(),
                opener);
        vm.setMonitor(monitor);
        vm.setFinishedHere(finishedHere);
        InvalidationListener relist = o -> vm.refresh();
        sessionState.addListener(relist);
        LibraryWindow view = new LibraryWindow(vm);
        view.getStylesheets().add(LibraryWindow.class.getResource("/babysitter/ui/babysitter.css").toExternalForm());
        Stage stage = ToolWindow.create(owner, Texts.get("library.title"), view, 1300, 860);
        stage.getProperties().put(LibraryViewModel.class, vm);
        Runnable unregister = app.onClose(vm::close);
        stage.setOnHidden(e -> {
            sessionState.removeListener(relist);
            vm.close();
            unregister.run();
        });
        vm.start();
        stage.show();
        return stage;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        t.setId(title.toLowerCase(Locale.ROOT) + "Tab");
        return t;
    }

    private HBox filterBar() {
        TextField filter = new TextField();
        filter.setId("libraryFilter");
        filter.setPromptText(Texts.get("library.filterPrompt"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setTooltip(new Tooltip(Texts.get("library.filterTip", RunColumn.keys())));
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label error = new Label();
        error.setId("filterError");
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.filterErrorProperty());
        Label label = new Label(Texts.get("library.filter"));
        label.setLabelFor(filter);
        HBox bar = new HBox(8, label, filter, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private TableView<RunLibrary.Entry> table() {
        table.setId("runsTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        for (RunColumn c : RunColumn.values()) {
            TableColumn<RunLibrary.Entry, RunLibrary.Entry> col = new TableColumn<>(Names.column(c));
            col.setId("column-" + c.key());
            col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
            col.setComparator(c.order());
            col.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(RunLibrary.Entry e, boolean empty) {
                    super.updateItem(e, empty);
                    setText(empty || e == null ? null : Names.cell(c, e));
                    setTooltip(empty || e == null || c != RunColumn.NAME || e.summary().notes().note().isBlank()
                            ? null : new Tooltip(e.summary().notes().note()));
                }
            });
            col.setPrefWidth(switch (c) {
                case NAME, FOLDER -> 200;
                case CREATED -> 130;
                case DEV_ACC, DEV_COST -> 100;
                case ALPHA, BETA -> 120; // "0.0100 → 0.00200"
                default -> 80;
            });
            if (c.numeric()) {
                col.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            table.getColumns().add(col);
        }
        SortedList<RunLibrary.Entry> sorted = new SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label();
        placeholder.setId("runsPlaceholder");
        placeholder.textProperty().bind(vm.placeholderProperty());
        table.setPlaceholder(placeholder);
        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<RunLibrary.Entry>) c -> {
                    List<RunLibrary.Entry> now = List.copyOf(table.getSelectionModel().getSelectedItems());
                    if (!now.equals(vm.selected())) {
                        vm.selected().setAll(now);
                    }
                });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && one() != null) {
                vm.open(one());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && one() != null) {
                vm.open(one());
            } else if (e.getCode() == KeyCode.DELETE && !vm.selected().isEmpty()) {
                vm.delete(List.copyOf(vm.selected()));
            }
        });
        return table;
    }

    /** The one selected run, or null when none or several are selected. */
    private RunLibrary.Entry one() {
        return vm.selected().size() == 1 ? vm.selected().get(0) : null;
    }

    private VBox actions() {
        Button open = Buttons.button("openRunButton", Texts.get("library.open"), Texts.get("library.openTip"),
                () -> vm.open(one()));
        Button overlay = Buttons.button("showOnMonitorButton", Texts.get("library.showOnMonitor"),
                Texts.get("library.showOnMonitorTip"), vm::showOnMonitor);
        overlay.disableProperty().bind(Bindings.isEmpty(vm.selected()).or(vm.canShowOnMonitorProperty().not()));
        Button rename = Buttons.button("renameButton", Texts.get("library.rename"), Texts.get("library.renameTip"), this::rename);
        Button notes = Buttons.button("notesButton", Texts.get("library.notes"), Texts.get("library.notesTip"),
                this::notes);
        Button report = Buttons.button("reportButton", Texts.get("library.report"), Texts.get("library.reportTip"),
                this::exportReport);
        var oneSelected = Bindings.size(vm.selected()).isEqualTo(1);
        for (Button b : List.of(open, rename, notes, report)) {
            b.disableProperty().bind(oneSelected.not());
        }
        Button delete = Buttons.button("deleteButton", Texts.get("library.delete"), Texts.get("library.deleteTip"), () -> vm.delete(List.copyOf(vm.selected())));
        delete.disableProperty().bind(Bindings.isEmpty(vm.selected()));
        Button undo = Buttons.button("undoDeleteButton", Texts.get("library.undoDelete"),
                Texts.get("library.undoDeleteTip"),
                vm::undoDelete);
        undo.disableProperty().bind(vm.canUndoDeleteProperty().not());
        Button refresh = Buttons.button("refreshButton", Texts.get("library.refresh"), Texts.get("library.refreshTip"), vm::refresh);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, open, overlay, rename, notes, report, delete, undo, gap, refresh);
        Label status = new Label();
        status.setId("libraryStatus");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("libraryError");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
        VBox box = new VBox(4, buttons, error, status);
        box.setPadding(new Insets(8));
        return box;
    }

    private void rename() {
        RunLibrary.Entry e = one();
        TextInputDialog ask = new TextInputDialog(e.summary().notes().title().isEmpty() ? e.summary().name()
                : e.summary().notes().title());
        ask.initOwner(getScene().getWindow());
        ask.setTitle(Texts.get("library.renameTitle"));
        ask.setHeaderText(Texts.get("library.renameHeader", e.summary().folder()));
        ask.setContentText(Texts.get("library.renameContent"));
        ask.getDialogPane().setId("renameDialog");
        ask.showAndWait().ifPresent(t -> vm.rename(e, t));
    }

    private void notes() {
        RunLibrary.Entry e = one();
        NotesDialog.ask(getScene().getWindow(), e).ifPresent(n -> vm.setNotes(e, n[0], n[1]));
    }

    private void exportReport() {
        RunLibrary.Entry e = one();
        FileChooser c = new FileChooser();
        c.setTitle(Texts.get("library.reportTitle"));
        c.setInitialFileName(e.summary().folder() + ".html");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
        File f = c.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.exportReport(e, f.toPath());
        }
    }

    TableView<RunLibrary.Entry> tableView() {
        return table;
    }
}
