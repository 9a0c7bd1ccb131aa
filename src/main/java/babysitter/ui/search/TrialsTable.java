package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.search.TrialState;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;

/**
 * The Search window's trials table: id, round, state, the member that trained it (on a cluster),
 * one column per hyperparameter, best dev
 * accuracy, a sparkline of the dev curve and the note; the best trial's row marked; its selection
 * kept in step with the view-model's selected trial (double-click babysits).
 */
final class TrialsTable extends TableView<TrialRow> {
    static final String BEST_ROW = "best-trial";
    private static final Color BEST = Color.web("#d62728");

    private final SearchViewModel vm;
    private final TableView<TrialRow> table = this;
    private boolean syncingSelection;
    private double sparkMin = 0;
    private double sparkMax = 1;

    TrialsTable(SearchViewModel vm) {
        this.vm = vm;
        buildTable();
        vm.trials().paramNames().addListener((ListChangeListener<String>) c -> buildParamColumns());
        vm.trials().rows().addListener((ListChangeListener<TrialRow>) c -> afterRowsChanged());
        vm.trials().bestTrialProperty().addListener((o, a, b) -> refresh());
        vm.trials().selectedTrialProperty().addListener((o, a, b) -> selectRowOf(b.intValue()));
        vm.cluster().versionProperty().addListener((o, a, b) -> refresh());
        buildParamColumns();
        afterRowsChanged();
    }

    private void buildTable() {
        table.setId("trialsTable");
        table.setPlaceholder(new Label(Texts.get("search.table.empty")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setItems(vm.trials().rows());
        table.setRowFactory(t -> {
            TableRow<TrialRow> row = new TableRow<>() {
                @Override
                protected void updateItem(TrialRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove(BEST_ROW);
                    if (!empty && item != null && item.id() == vm.trials().bestTrialProperty().get()) {
                        getStyleClass().add(BEST_ROW);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.trials().selectedTrialProperty().set(row.getItem().id());
                    vm.babysitSelected();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncingSelection && b != null) {
                vm.trials().selectedTrialProperty().set(b.id());
            }
        });
    }

    private void buildParamColumns() {
        table.getColumns().clear();
        table.getColumns().add(column("#", 44, r -> Integer.toString(r.id())));
        table.getColumns().add(column(Texts.get("search.col.round"), 50, r -> Integer.toString(SearchTexts.displayRound(r.round()))));
        table.getColumns().add(column(Texts.get("search.col.state"), 120, TrialRow::stateText));
        TableColumn<TrialRow, String> member = column(Texts.get("search.col.member"), 120,
                // a pending trial waits for a member (again, when its member left)
                r -> r.state() == TrialState.PENDING ? "" : vm.cluster().memberOf(r.id()));
        member.setId("memberColumn");
        member.visibleProperty().bind(vm.cluster().activeProperty()); // only a search on a cluster has members
        table.getColumns().add(member);
        List<String> names = List.copyOf(vm.trials().paramNames());
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            table.getColumns().add(column(names.get(i), Math.max(70, names.get(i).length() * 8 + 16),
                    r -> index < r.values().size() ? r.values().get(index) : ""));
        }
        table.getColumns().add(column(Texts.get("search.col.bestDevAccuracy"), 112, TrialRow::bestText));
        TableColumn<TrialRow, TrialRow> spark = new TableColumn<>(Texts.get("search.col.devAccuracy"));
        spark.setPrefWidth(110);
        spark.setSortable(false);
        spark.setCellValueFactory(f -> new SimpleObjectProperty<>(f.getValue()));
        spark.setCellFactory(c -> new TableCell<>() {
            private final Sparkline line = new Sparkline(96, 18);

            @Override
            protected void updateItem(TrialRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    line.show(item.devCurve(), sparkMin, sparkMax,
                            item.id() == vm.trials().bestTrialProperty().get() ? BEST : Color.web("#1f77b4"));
                    setGraphic(line);
                }
            }
        });
        table.getColumns().add(spark);
        table.getColumns().add(column(Texts.get("search.col.note"), 220, TrialRow::note));
    }

    private static TableColumn<TrialRow, String> column(String title, double width,
                                                        Function<TrialRow, String> value) {
        TableColumn<TrialRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private void afterRowsChanged() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrialRow r : vm.trials().rows()) {
            for (double v : r.devCurve()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        sparkMin = Double.isFinite(lo) ? lo : 0;
        sparkMax = Double.isFinite(hi) && hi > sparkMin ? hi : sparkMin + 1;
        selectRowOf(vm.trials().selectedTrialProperty().get());
    }

    private void selectRowOf(int id) {
        syncingSelection = true;
        try {
            TrialRow current = table.getSelectionModel().getSelectedItem();
            if (current != null && current.id() == id) {
                return;
            }
            for (int i = 0; i < vm.trials().rows().size(); i++) {
                if (vm.trials().rows().get(i).id() == id) {
                    table.getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
            table.getSelectionModel().clearSelection();
        } finally {
            syncingSelection = false;
        }
    }
}
