package babysitter.ui.controls;

import babysitter.engine.LrDecay;
import babysitter.engine.optim.OptimizerKind;
import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.ui.fx.Named;
import babysitter.ui.fx.TextEditing;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;

/** The right-hand panel: live hyperparameter controls and the automatic rules. Binds only. */
public final class ControlsView extends VBox {

    public ControlsView(ControlsViewModel vm) {
        getStyleClass().add("controls-panel");
        setSpacing(8);
        setPadding(new Insets(8));
        setPrefWidth(280);

        // α on a log scale
        Label alphaTitle = heading(Texts.get("controls.alpha"));
        Slider alpha = new Slider(ControlsViewModel.LOG_ALPHA_MIN, ControlsViewModel.LOG_ALPHA_MAX, vm.logAlphaProperty().get());
        alpha.setId("alphaSlider");
        // room for the end ticks' labels, which are centred on the track's ends
        alpha.setPadding(new Insets(0, 12, 0, 8));
        alpha.setBlockIncrement(0.1);
        alpha.setMajorTickUnit(1);
        alpha.setMinorTickCount(0);
        alpha.setShowTickMarks(true);
        alpha.setShowTickLabels(true);
        alpha.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return "1e" + Math.round(v);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.substring(2));
            }
        });
        alpha.valueProperty().bindBidirectional(vm.logAlphaProperty());
        settleThenSend(alpha, vm::alphaSliderMoved, vm::alphaSliderSettled);
        alpha.setTooltip(new Tooltip(Texts.get("controls.alphaTip", Names.alphaRange())));
        TextField alphaField = new TextField();
        alphaField.setId("alphaField");
        alphaField.setPrefColumnCount(8);
        alphaField.textProperty().bindBidirectional(vm.alphaTextProperty());
        TextEditing.install(alphaField, vm::commitAlphaText, vm::revertAlphaText);
        alphaField.focusedProperty().addListener((o, was, now) -> {
            if (!now && !vm.alphaErrorProperty().get().isEmpty()) {
                vm.revertAlphaText();
            }
        });
        Label alphaError = error(vm.alphaErrorProperty());
        alphaError.setId("alphaError");
        alphaField.pseudoClassStateChanged(INVALID, false);
        vm.alphaErrorProperty().addListener((o, a, b) -> alphaField.pseudoClassStateChanged(INVALID, !b.isEmpty()));

        // the optimiser's β (momentum's β, Adam's β1, RMSprop's β2) on the log10(1 − β) scale
        Label betaTitle = heading("");
        betaTitle.setId("betaTitle");
        betaTitle.textProperty().bind(vm.betaTitleProperty());
        Slider beta = new Slider(ControlsViewModel.BETA_SCALE_MIN, ControlsViewModel.BETA_SCALE_MAX,
                vm.betaScaleProperty().get());
        beta.setId("betaSlider");
        beta.setPadding(new Insets(0, 18, 0, 8));
        beta.setBlockIncrement(0.1);
        beta.setMajorTickUnit(1);
        beta.setMinorTickCount(0);
        beta.setShowTickMarks(true);
        beta.setShowTickLabels(true);
        beta.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return ControlsViewModel.betaAt(v);
            }

            @Override
            public Double fromString(String s) {
                return -Math.log10(1 - Double.parseDouble(s));
            }
        });
        beta.valueProperty().bindBidirectional(vm.betaScaleProperty());
        settleThenSend(beta, vm::betaSliderMoved, vm::betaSliderSettled);
        beta.disableProperty().bind(vm.betaDisabledProperty());
        Tooltip betaTip = new Tooltip();
        betaTip.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.betaKindProperty().get()) {
            case NONE -> Texts.get("controls.betaTip.none");
            case MOMENTUM -> Texts.get("controls.betaTip.momentum");
            case BETA1 -> Texts.get("controls.betaTip.beta1");
            case BETA2 -> Texts.get("controls.betaTip.beta2");
        }, vm.betaKindProperty()));
        beta.setTooltip(betaTip);
        Label betaReadout = new Label();
        betaReadout.setId("betaReadout");
        betaReadout.textProperty().bind(vm.betaReadoutProperty());
        betaReadout.getStyleClass().add("readout");

        // optimiser and the rest
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.setId("optimizer");
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(vm.optimizerProperty());
        optimizer.setConverter(Named.by(Names::optimizer, optimizer.getItems()));
        TextField batch = field("batchSize", vm.batchSizeProperty(), vm);
        ComboBox<LrDecay> decay = new ComboBox<>();
        decay.setId("decay");
        decay.getItems().setAll(LrDecay.values());
        decay.setConverter(Named.by(Names::decay, decay.getItems()));
        decay.valueProperty().bindBidirectional(vm.decayProperty());
        TextField decayRate = field("decayRate", vm.decayRateProperty(), vm);
        TextField l2 = field("l2", vm.l2Property(), vm);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(Texts.get("controls.optimiser")), optimizer);
        grid.addRow(1, new Label(Texts.get("controls.miniBatch")), batch);
        grid.addRow(2, new Label(Texts.get("controls.decay")), decay);
        grid.addRow(3, new Label(Texts.get("controls.decayRate")), decayRate);
        grid.addRow(4, new Label(Texts.get("controls.l2")), l2);
        Tooltip.install(batch, new Tooltip(Texts.get("controls.batchTip")));

        GridPane adv = new GridPane();
        adv.setHgap(8);
        adv.setVgap(6);
        adv.addRow(0, new Label("β1"), field("beta1", vm.beta1Property(), vm));
        adv.addRow(1, new Label("β2"), field("beta2", vm.beta2Property(), vm));
        TitledPane advanced = new TitledPane(Texts.get("controls.advanced"), adv);
        advanced.setExpanded(false);
        advanced.setId("advanced");

        Label fieldError = error(vm.fieldErrorProperty());
        fieldError.setId("fieldError");

        VBox rules = new VBox(6, heading(Texts.get("controls.rules")),
                toggle("guardSwitch", Texts.get("controls.guard"), vm.guardProperty()),
                toggle("guardRewindSwitch", Texts.get("controls.guardRewind"), vm.guardAutoRewindProperty()),
                toggle("plateauSwitch", Texts.get("controls.plateau"), vm.reduceOnPlateauProperty()),
                toggle("earlyStopSwitch", Texts.get("controls.earlyStop"), vm.earlyStopProperty()));

        getChildren().addAll(alphaTitle, alpha, alphaField, alphaError, betaTitle, beta, betaReadout, grid, fieldError,
                advanced, rules);
        VBox.setVgrow(advanced, Priority.NEVER);
    }

    /** How long the keys must rest on a slider before its value is sent. */
    static final Duration SETTLE = Duration.millis(400);

    /**
     * One gesture on a slider is one change: every move previews, and the value is sent when a drag
     * ends, or (keys, clicks on the track) when the slider has not moved for {@link #SETTLE}.
     */
    private static void settleThenSend(Slider slider, Runnable moved, Runnable settled) {
        PauseTransition rest = new PauseTransition(SETTLE);
        rest.setOnFinished(e -> settled.run());
        slider.valueProperty().addListener((o, a, b) -> {
            moved.run();
            if (slider.isValueChanging()) {
                rest.stop();
            } else {
                rest.playFromStart();
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                rest.stop();
                settled.run();
            }
        });
    }

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }

    /**
     * A message under a field. It always keeps room for two lines, so the controls below do not
     * jump when a message comes or goes.
     */
    private static Label error(ObservableStringValue text) {
        Label l = new Label();
        l.getStyleClass().add("error");
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.setAlignment(Pos.TOP_LEFT);
        l.minHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            Text probe = new Text("Ag\nAg");
            probe.setFont(l.getFont());
            return Math.ceil(probe.getLayoutBounds().getHeight() + l.getInsets().getTop() + l.getInsets().getBottom());
        }, l.fontProperty(), l.insetsProperty()));
        return l;
    }

    private static TextField field(String id, StringProperty p, ControlsViewModel vm) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        f.textProperty().bindBidirectional(p);
        TextEditing.install(f, vm::commitFields, vm::revertFields);
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.commitFields();
            }
        });
        return f;
    }

    private static ToggleSwitch toggle(String id, String text, BooleanProperty p) {
        ToggleSwitch t = new ToggleSwitch(text);
        t.setId(id);
        t.selectedProperty().bindBidirectional(p);
        return t;
    }
}
