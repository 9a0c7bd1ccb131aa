package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.plot.SeriesBuffer;
import babysitter.search.Method;
import babysitter.ui.chart.ChartSeries;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.fx.Banner;
import babysitter.ui.fx.Buttons;
import babysitter.ui.fx.Icons;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.StringConverter;

/**
 * The Search window's content: actions on top, the trials table beside the overlaid dev curves,
 * one scatter per hyperparameter below, the selection, edge warnings and progress at the bottom.
 * It only binds to {@link SearchViewModel}.
 */
public final class SearchView extends BorderPane {
    private static final Color CURVE = Color.web("#8796a8");
    private static final Color BEST = Color.web("#d62728");
    private static final Color SELECTED = Color.web("#ff7f0e");
    static final String BEST_ROW = TrialsTable.BEST_ROW;

    private final SearchViewModel vm;
    private final TrialsTable table;
    private final LineChartCanvas curves = new LineChartCanvas(Texts.get("search.curves.title"),
            Texts.get("search.axis.epoch"), Texts.get("search.axis.devAccuracy"));
    private final GridPane scatterGrid = new GridPane();
    private final Map<String, ScatterCanvas> scatterCanvases = new HashMap<>();
    private final ParallelCanvas parallel = new ParallelCanvas();

    public SearchView(SearchViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("main-window", "search-window");
        getStylesheets().add(SearchView.class.getResource("/babysitter/ui/babysitter.css").toExternalForm());

        setTop(new VBox(toolBar(), trialsErrorLabel(), banner()));

        table = new TrialsTable(vm);
        curves.setId("curvesChart");
        curves.setPrefSize(460, 280);
        curves.setMinSize(240, 160);
        SplitPane upper = new SplitPane(table, curves);
        upper.setDividerPositions(0.6);

        scatterGrid.setId("scatters");
        scatterGrid.setHgap(6);
        scatterGrid.setVgap(6);
        scatterGrid.setPadding(new Insets(6));
        ScrollPane scatterScroll = new ScrollPane(scatterGrid);
        scatterScroll.setFitToWidth(true);
        scatterScroll.setFitToHeight(true);
        scatterScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label scatterHint = new Label();
        scatterHint.setId("brushText");
        scatterHint.getStyleClass().add("readout");
        scatterHint.textProperty().bind(vm.charts().brushTextProperty());
        Button clear = button("clearBrushes", Texts.get("search.clearSelection"), Texts.get("search.clearSelectionTip"),
                vm.charts()::clearBrushes);
        HBox scatterBar = new HBox(10, scatterHint, clear);
        scatterBar.setAlignment(Pos.CENTER_LEFT);
        scatterBar.setPadding(new Insets(2, 8, 0, 8));
        Label roundLines = new Label();
        roundLines.setId("roundsSummary");
        roundLines.getStyleClass().add("readout");
        roundLines.setPadding(new Insets(4, 8, 0, 8));
        roundLines.setTooltip(new Tooltip(Texts.get("search.rounds.tip")));
        roundLines.textProperty().bind(vm.trials().roundsSummaryProperty());
        parallel.setId("parallelCoordinates");
        parallel.setOnBrush(vm.charts()::brushAxis);
        parallel.setOnClearBrush(vm.charts()::clearBrush);
        TabPane views = new TabPane(
                new Tab(Texts.get("search.tab.scatters"), scatterScroll),
                new Tab(Texts.get("search.tab.parallel"), parallel));
        views.setId("searchViews");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane viewsAndImportance = new SplitPane(views, new ImportancePane(vm.importance()));
        viewsAndImportance.setDividerPositions(0.72);
        VBox lower = new VBox(roundLines, scatterBar, viewsAndImportance);
        VBox.setVgrow(viewsAndImportance, Priority.ALWAYS);

        SplitPane centre = new SplitPane(upper, lower);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.5);
        setCenter(centre);
        setBottom(bottom());

        vm.charts().scatters().addListener((ListChangeListener<ScatterData>) c -> showScatters());
        vm.charts().versionProperty().addListener((o, a, b) -> {
            showCurves();
            parallel.show(vm.charts().parallel());
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        showScatters();
        showCurves();
        parallel.show(vm.charts().parallel());
    }

    // ------------------------------------------------------------------ top

    private Node toolBar() {
        Button cancel = button("cancelSearch", Texts.get("search.toolbar.cancel"), Texts.get("search.toolbar.cancelTip"),
                vm::cancel);
        Icons.on(cancel, Icons.STOP);
        cancel.disableProperty().bind(vm.progress().runningProperty().not());
        Button resume = button("resumeSearch", Texts.get("search.toolbar.resume"), Texts.get("search.toolbar.resumeTip"),
                vm::resume);
        Icons.on(resume, Icons.PLAY);
        resume.disableProperty().bind(vm.canResume().not());
        Label trialsLabel = new Label();
        TextField trials = new TextField();
        trials.setId("trialsField");
        trials.setPrefColumnCount(4);
        trials.textProperty().bindBidirectional(vm.nextRound().trialsTextProperty());
        trials.setTooltip(new Tooltip(Texts.get("search.toolbar.trialsTip", NextRoundForm.MAX_TRIALS)));
        BooleanBinding grid = vm.nextRound().nextMethodProperty().isEqualTo(Method.GRID);
        trials.visibleProperty().bind(grid.not());
        trials.managedProperty().bind(trials.visibleProperty());
        TextField gridValues = new TextField();
        gridValues.setId("gridValuesField");
        gridValues.setPrefColumnCount(3);
        gridValues.textProperty().bindBidirectional(vm.nextRound().gridValuesTextProperty());
        gridValues.setTooltip(new Tooltip(Texts.get("search.toolbar.gridValuesTip")));
        gridValues.visibleProperty().bind(grid);
        gridValues.managedProperty().bind(gridValues.visibleProperty());
        trialsLabel.textProperty().bind(Bindings.when(grid).then(Texts.get("search.toolbar.valuesPerAxis"))
                .otherwise(Texts.get("search.toolbar.trials")));
        vm.nextRound().trialsErrorProperty().addListener((o, a, b) -> {
            trials.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), !b.isEmpty());
            gridValues.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), !b.isEmpty());
        });
        ChoiceBox<Method> method = new ChoiceBox<>();
        method.setId("nextMethod");
        method.getItems().setAll(Method.RANDOM, Method.GRID);
        method.valueProperty().bindBidirectional(vm.nextRound().nextMethodProperty());
        method.setTooltip(new Tooltip(Texts.get("search.toolbar.methodTip")));
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(Method m) {
                return m == null ? "" : Texts.get(m == Method.RANDOM ? "search.method.random" : "search.method.grid");
            }

            @Override
            public Method fromString(String s) {
                return null;
            }
        });
        Button fromSelection = button("nextFromSelection", Texts.get("search.toolbar.fromSelection"),
                Texts.get("search.toolbar.fromSelectionTip"), vm.nextRound()::fromSelection);
        fromSelection.disableProperty().bind(vm.nextRound().canNextFromSelection().not());
        Spinner<Integer> k = new Spinner<>(1, 50, vm.nextRound().topKProperty().get());
        k.setId("topK");
        k.setPrefWidth(70);
        k.setEditable(true);
        k.valueProperty().addListener((o, a, b) -> vm.nextRound().topKProperty().set(b == null ? NextRoundForm.DEFAULT_TOP_K : b));
        vm.nextRound().topKProperty().addListener((o, a, b) -> k.getValueFactory().setValue(b.intValue()));
        Button fromTop = button("nextFromTop", Texts.get("search.toolbar.fromTop"), Texts.get("search.toolbar.fromTopTip"),
                vm.nextRound()::fromTopK);
        fromTop.disableProperty().bind(vm.nextRound().canNextRound().not());
        Button important = button("nextOnImportant", Texts.get("search.toolbar.important"),
                Texts.get("search.toolbar.importantTip"), vm.nextRound()::onImportant);
        important.disableProperty().bind(vm.nextRound().canNextRound().not());
        Button babysit = button("babysit", Texts.get("search.toolbar.babysit"), Texts.get("search.toolbar.babysitTip"),
                vm::babysitSelected);
        babysit.disableProperty().bind(vm.canBabysit().not());
        babysit.setDefaultButton(false);
        return new ToolBar(cancel, resume, new Separator(Orientation.VERTICAL), method, trialsLabel, trials, gridValues,
                fromSelection,
                new Label("k"), k, fromTop, important, new Separator(Orientation.VERTICAL), babysit);
    }

    private Node trialsErrorLabel() {
        Label error = new Label();
        error.setId("trialsError");
        error.getStyleClass().add("error");
        error.setPadding(new Insets(0, 10, 2, 10));
        error.textProperty().bind(vm.nextRound().trialsErrorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.nextRound().trialsErrorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Node banner() {
        return Banner.of("searchNotification", vm.notificationProperty(), vm::dismissNotification);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        return Buttons.button(id, text, tip, action);
    }

    // ------------------------------------------------------------------ charts

    private void showCurves() {
        for (ChartSeries s : List.copyOf(curves.series())) {
            curves.removeSeries(s);
        }
        for (TrialCharts.Curve c : vm.charts().curves()) {
            SeriesBuffer data = new SeriesBuffer(c.epochs().length + 1);
            for (int i = 0; i < c.epochs().length; i++) {
                if (Double.isFinite(c.devAccuracy()[i])) {
                    data.add(c.epochs()[i], c.devAccuracy()[i]);
                }
            }
            if (c.best()) {
                curves.addSeries(Texts.get("search.curves.best", c.trialId()), BEST, 2.5, 1.0, data);
            } else if (c.selected()) {
                curves.addSeries(Texts.get("search.curves.selected", c.trialId()), SELECTED, 2.0, 1.0, data);
            } else {
                curves.addSeries("", CURVE, 1.0, 0.55, data);
            }
        }
        curves.requestRedraw();
    }

    private void showScatters() {
        List<ScatterData> all = List.copyOf(vm.charts().scatters());
        int n = all.size();
        int columns = Math.max(1, Math.min(4, n));
        boolean rebuild = n != scatterGrid.getChildren().size()
                || !all.stream().allMatch(d -> scatterCanvases.containsKey(d.param()));
        if (rebuild) {
            scatterGrid.getChildren().clear();
            scatterGrid.getColumnConstraints().clear();
            scatterGrid.getRowConstraints().clear();
            scatterCanvases.clear();
            for (int c = 0; c < columns; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(100.0 / columns);
                cc.setHgrow(Priority.ALWAYS);
                scatterGrid.getColumnConstraints().add(cc);
            }
            for (int r = 0; r < (n + columns - 1) / columns; r++) {
                RowConstraints rc = new RowConstraints();
                rc.setVgrow(Priority.ALWAYS);
                rc.setMinHeight(170);
                scatterGrid.getRowConstraints().add(rc);
            }
            for (int i = 0; i < n; i++) {
                String name = all.get(i).param();
                ScatterCanvas canvas = new ScatterCanvas();
                canvas.setId("scatter-" + name);
                canvas.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                canvas.setOnBrush((lo, hi) -> vm.charts().brush(name, lo, hi));
                canvas.setOnClearBrush(() -> vm.charts().clearBrush(name));
                canvas.setOnSelect(id -> vm.trials().selectedTrialProperty().set(id));
                scatterCanvases.put(name, canvas);
                scatterGrid.add(canvas, i % columns, i / columns);
            }
        }
        for (ScatterData d : all) {
            scatterCanvases.get(d.param()).show(d);
        }
    }

    // ------------------------------------------------------------------ bottom

    private Node bottom() {
        Label warnings = new Label();
        warnings.setId("edgeWarnings");
        warnings.getStyleClass().add("edge-warnings");
        warnings.setWrapText(true);
        warnings.setMaxWidth(Double.MAX_VALUE);
        warnings.textProperty().bind(vm.edgeWarningsProperty());
        warnings.visibleProperty().bind(Bindings.isNotEmpty(vm.edgeWarningsProperty()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        Label status = new Label();
        status.setId("searchStatus");
        status.textProperty().bind(vm.progress().statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, status, gap);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return new VBox(warnings, clusterBar(), bar);
    }

    /** The cluster line and its newest event (the tooltip and a click list them all); hidden off a cluster. */
    private Node clusterBar() {
        ClusterLine c = vm.cluster();
        Label line = new Label();
        line.setId("clusterLine");
        line.textProperty().bind(c.textProperty());
        Label event = new Label();
        event.setId("clusterEvent");
        event.getStyleClass().add("readout");
        event.textProperty().bind(c.lastEventProperty());
        Tooltip all = new Tooltip();
        all.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                c.events().subList(Math.max(0, c.events().size() - 30), c.events().size())), c.events()));
        event.setTooltip(all);
        HBox bar = new HBox(16, line, event);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 0, 10));
        bar.visibleProperty().bind(c.activeProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof Node n && isInside(n, table)) {
            vm.babysitSelected();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+B").match(e)) {
            vm.babysitSelected();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+Shift+N").match(e)) {
            vm.nextRound().fromSelection();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+I").match(e)) {
            vm.nextRound().onImportant();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+T").match(e)) {
            vm.nextRound().fromTopK();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+R").match(e)) {
            vm.resume();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+Shift+C").match(e)) {
            vm.cancel();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+W").match(e) && getScene() != null) {
            Window w = getScene().getWindow(); // closes as the window's close box does (asks if running)
            w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
            e.consume();
        }
    }

    private static boolean isInside(Node n, Node parent) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == parent) {
                return true;
            }
        }
        return false;
    }

    public TableView<TrialRow> table() {
        return table;
    }

    public LineChartCanvas curvesChart() {
        return curves;
    }

    public ParallelCanvas parallelCoordinates() {
        return parallel;
    }

    /** The scatter of one hyperparameter, or null. */
    public ScatterCanvas scatter(String param) {
        return scatterCanvases.get(param);
    }
}
