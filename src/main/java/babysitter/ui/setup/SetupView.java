package babysitter.ui.setup;

import babysitter.engine.Precision;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.ui.fx.Named;
import babysitter.ui.fx.TextEditing;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The setup panel: sections Data, Network, Optimiser and Run, and a "New run" button. Built in code;
 * it only binds to a {@link SetupViewModel} (fields, errors, which fields apply, the preview) and
 * forwards the two actions (choose a file, start a run) to it.
 */
public final class SetupView extends VBox {
    private static final String HELP = "setup.help";
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final double PREVIEW_WIDTH = 220;
    static final double PREVIEW_HEIGHT = 160;

    /** What an empty "Hidden layers" field means. */
    static String noHiddenPrompt() {
        return Texts.get("setup.noHiddenPrompt");
    }

    static String noHiddenNote() {
        return Texts.get("setup.noHiddenNote", LayerText.EXAMPLE);
    }

    private final SetupViewModel vm;
    private final PreviewCanvas previewCanvas = new PreviewCanvas(PREVIEW_WIDTH, PREVIEW_HEIGHT);

    public SetupView(SetupViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        getStyleClass().add("setup-view");
        getStylesheets().add(Objects.requireNonNull(SetupView.class.getResource("setup.css"), "setup.css")
                .toExternalForm());
        setPrefWidth(310);
        setMinWidth(280);

        VBox sections = new VBox(8, dataSection(), networkSection(), optimiserSection(), runSection());
        sections.getStyleClass().add("setup-sections");
        sections.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button newRun = new Button(Texts.get("setup.newRun"));
        newRun.setId("newRun");
        newRun.getStyleClass().add("new-run");
        newRun.disableProperty().bind(vm.canStartProperty().not());
        newRun.setOnAction(e -> vm.newRun());
        Label configError = new Label();
        configError.setId("configError");
        configError.getStyleClass().add("field-error");
        configError.setWrapText(true);
        configError.textProperty().bind(vm.configErrorProperty());
        showWhen(configError, vm.configErrorProperty().isNotEmpty());
        HBox bar = new HBox(8, newRun);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(6));
        getChildren().addAll(scroll, configError, bar);
        VBox.setMargin(configError, new Insets(0, 6, 0, 6));
    }

    /** What the "New run" button does when the configuration is valid (the main window supplies it). */
    public void setOnNewRun(Runnable action) {
        vm.setOnNewRun(action);
    }

    public SetupViewModel viewModel() {
        return vm;
    }

    // ---- sections --------------------------------------------------------------------------

    private Node dataSection() {
        GridPane grid = grid();
        Form form = new Form(grid);

        ComboBox<String> kind = new ComboBox<>();
        kind.setId("dataKind");
        kind.getItems().setAll(vm.dataKinds());
        kind.setConverter(Named.by(Names::dataKind, kind.getItems()));
        kind.valueProperty().bindBidirectional(vm.dataKindProperty());
        form.row(Texts.get("setup.kind"), kind, null, null);

        form.textRow("n", Texts.get("setup.points"), "600");
        form.textRow("arms", Texts.get("setup.arms"), "3");
        form.textRow("classes", Texts.get("setup.classes"), "3");
        form.textRow("noise", Texts.get("setup.noise"), "0.2");

        TextField path = textField("path", "");
        path.setPromptText(Texts.get("setup.pathPrompt"));
        Button choose = new Button(Texts.get("setup.choose"));
        choose.setId("choosePath");
        choose.setMinWidth(Control.USE_PREF_SIZE);
        choose.setOnAction(e -> choosePath());
        HBox pathBox = new HBox(4, path, choose);
        HBox.setHgrow(path, Priority.ALWAYS);
        form.wide().row(Texts.get("setup.path"), pathBox, vm.error("path"), vm.appliesProperty("path"), path);

        ComboBox<String> label = new ComboBox<>(vm.csvColumns());
        label.setId("labelColumn");
        label.setEditable(true);
        label.setPromptText(Texts.get("setup.labelColumnPrompt"));
        label.valueProperty().bindBidirectional(vm.labelColumnProperty());
        form.row(Texts.get("setup.labelColumn"), label, vm.error("labelColumn"), vm.appliesProperty("labelColumn"), label);

        CheckBox header = new CheckBox(Texts.get("setup.header"));
        header.setId("header");
        header.selectedProperty().bindBidirectional(vm.headerProperty());
        form.row("", header, null, vm.appliesProperty("header"));

        form.textRow("devFraction", Texts.get("setup.devFraction"), "0.2");
        form.textRow("testFraction", Texts.get("setup.testFraction"), "0");

        CheckBox standardize = new CheckBox(Texts.get("setup.standardize"));
        standardize.setId("standardize");
        standardize.selectedProperty().bindBidirectional(vm.standardizeProperty());
        form.row("", standardize, null, vm.appliesProperty("standardize"));

        previewCanvas.setId("preview");
        previewCanvas.getStyleClass().add("preview");
        vm.previewProperty().addListener((obs, old, now) -> previewCanvas.draw(now));
        previewCanvas.draw(vm.previewProperty().get());
        VBox previewBox = new VBox(previewCanvas);
        previewBox.getStyleClass().add("preview-box");
        previewBox.setMaxWidth(Control.USE_PREF_SIZE);
        showWhen(previewBox, Bindings.createBooleanBinding(() -> !vm.previewProperty().get().isEmpty(),
                vm.previewProperty()));
        grid.add(previewBox, 0, form.nextRow(), 2, 1);
        GridPane.setHalignment(previewBox, HPos.CENTER);
        GridPane.setMargin(previewBox, new Insets(6, 0, 2, 0));
        return section("sectionData", Texts.get("setup.section.data"), grid);
    }

    private Node networkSection() {
        GridPane grid = grid();
        Form form = new Form(grid);
        // an empty field is a real choice (no hidden layer: softmax regression), not a default: the
        // prompt and a note under the field say so, instead of a grey example that looks like one
        TextField layers = form.wide().textRow("layers", Texts.get("setup.hiddenLayers"), noHiddenPrompt());
        Label none = new Label(noHiddenNote());
        none.setId("layersNote");
        none.getStyleClass().add("field-note");
        none.setWrapText(true);
        showWhen(none, Bindings.createBooleanBinding(() -> layers.getText() == null || layers.getText().isBlank(),
                layers.textProperty()));
        grid.add(none, 0, form.nextRow(), 2, 1);
        Tooltip help = new Tooltip(Texts.get("setup.layersHelp", String.join(", ", LayerText.activationNames())));
        layers.getProperties().put(HELP, help);
        if (layers.getTooltip() == null) {
            layers.setTooltip(help);
        }
        ComboBox<Precision> precision = new ComboBox<>();
        precision.setId("precision");
        precision.getItems().setAll(Precision.values());
        precision.setConverter(Named.by(Names::precision, precision.getItems()));
        precision.valueProperty().bindBidirectional(vm.precisionProperty());
        form.row(Texts.get("setup.precision"), precision, null, null);
        return section("sectionNetwork", Texts.get("setup.section.network"), grid);
    }

    private Node optimiserSection() {
        GridPane grid = grid();
        Form form = new Form(grid);
        ComboBox<OptimizerKind> kind = new ComboBox<>();
        kind.setId("optimizer");
        kind.getItems().setAll(OptimizerKind.values());
        kind.setConverter(Named.by(Names::optimizer, kind.getItems()));
        kind.valueProperty().bindBidirectional(vm.optimizerProperty());
        form.row(Texts.get("setup.optimiser"), kind, null, null);
        form.textRow("learningRate", Texts.get("setup.learningRate"), "0.01");
        form.textRow("momentum", Texts.get("setup.momentum"), "0.9");
        form.textRow("batchSize", Texts.get("setup.batchSize"), "32");
        form.textRow("l2", Texts.get("setup.l2"), "0");
        return section("sectionOptimiser", Texts.get("setup.section.optimiser"), grid);
    }

    private Node runSection() {
        GridPane grid = grid();
        Form form = new Form(grid);
        form.textRow("epochs", Texts.get("setup.epochs"), "40");
        form.textRow("seed", Texts.get("setup.seed"), "1");
        return section("sectionRun", Texts.get("setup.section.run"), grid);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void choosePath() {
        String kind = vm.dataKindProperty().get();
        File chosen;
        if ("idx".equals(kind)) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Texts.get("setup.idxFolder"));
            chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("setup.csvFile"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(Texts.get("setup.delimitedText"), "*.csv", "*.tsv", "*.csv.gz", "*.tsv.gz"),
                    new FileChooser.ExtensionFilter(Texts.get("setup.allFiles"), "*"));
            chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        }
        if (chosen != null) {
            vm.choosePath(Path.of(chosen.getPath()));
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("setup-grid");
        grid.setHgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(100);
        labels.setPrefWidth(100);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static TitledPane section(String id, String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setId(id);
        pane.getStyleClass().add("setup-section");
        return pane;
    }

    private TextField textField(String field, String prompt) {
        TextField text = new TextField();
        text.setId(field);
        text.setPromptText(prompt);
        text.textProperty().bindBidirectional(vm.text(field));
        // Enter ends the edit (the field is already in the model); it never starts a run
        TextEditing.install(text);
        return text;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Adds rows to a grid: label left, field right, an error label under the field. */
    private final class Form {
        private final GridPane grid;
        private int row;
        /** The next row puts its label above a field as wide as the panel. */
        private boolean wide;

        Form wide() {
            wide = true;
            return this;
        }

        Form(GridPane grid) {
            this.grid = grid;
        }

        int nextRow() {
            return row++;
        }

        TextField textRow(String field, String label, String prompt) {
            TextField text = textField(field, prompt);
            row(label, text, vm.error(field), vm.appliesProperty(field), text);
            return text;
        }

        void row(String label, Node field, ReadOnlyStringProperty error, ObservableBooleanValue applies) {
            row(label, field, error, applies, field instanceof Control c ? c : null);
        }

        void row(String label, Node field, ReadOnlyStringProperty error, ObservableBooleanValue applies,
                 Control marked) {
            Label name = new Label(label);
            name.getStyleClass().add("field-label");
            name.setMinWidth(Control.USE_PREF_SIZE);
            if (field.getId() != null) {
                name.setLabelFor(field);
            } else if (marked != null) {
                name.setLabelFor(marked);
            }
            if (field instanceof Control c) {
                c.setMaxWidth(Double.MAX_VALUE);
            } else if (field instanceof HBox box) {
                box.setMaxWidth(Double.MAX_VALUE);
            }
            Insets gap = new Insets(3, 0, 3, 0);
            GridPane.setMargin(name, gap);
            GridPane.setMargin(field, gap);
            if (wide) {
                // long values (a path, a list of layers) get the panel's whole width, label above
                grid.add(name, 0, row++, 2, 1);
                grid.add(field, 0, row, 2, 1);
                wide = false;
            } else {
                grid.add(name, 0, row);
                grid.add(field, 1, row);
            }
            row++;
            if (applies != null) {
                showWhen(name, applies);
                showWhen(field, applies);
            }
            if (error != null) {
                Label message = new Label();
                String id = marked != null && marked.getId() != null ? marked.getId() : field.getId();
                message.setId(id + "Error");
                message.getStyleClass().add("field-error");
                message.setWrapText(true);
                message.textProperty().bind(error);
                showWhen(message, applies == null ? error.isNotEmpty() : error.isNotEmpty().and(applies));
                grid.add(message, 1, row);
                GridPane.setMargin(message, new Insets(0, 0, 3, 0));
                row++;
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(error);
                Control target = marked;
                if (target != null) {
                    target.pseudoClassStateChanged(INVALID, !error.get().isEmpty());
                    error.addListener((obs, old, now) -> {
                        target.pseudoClassStateChanged(INVALID, !now.isEmpty());
                        target.setTooltip(now.isEmpty() ? (Tooltip) target.getProperties().get(HELP) : tip);
                    });
                    if (!error.get().isEmpty()) {
                        target.setTooltip(tip);
                    }
                }
            }
        }
    }
}
