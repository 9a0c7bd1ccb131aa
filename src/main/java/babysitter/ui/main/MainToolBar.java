package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.report.Names;
import babysitter.session.live.Pace;
import babysitter.session.reports.Report;
import babysitter.ui.fx.Buttons;
import babysitter.ui.fx.Icons;
import babysitter.ui.fx.Named;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's tool bar: start/pause, step, epoch, stop, checkpoint, undo, the pace, and the run's folder. */
final class MainToolBar {
    private MainToolBar() {
    }

    static ToolBar create(MainViewModel vm) {
        Button pause = new Button();
        pause.setId("pauseButton");
        pause.textProperty().bind(Bindings.createStringBinding(() -> {
            Report.State s = vm.progress().stateProperty().get();
            return Texts.get(s == Report.State.RUNNING ? "main.tool.pause"
                    : s == null || s == Report.State.IDLE ? "main.tool.start" : "main.tool.resume");
        }, vm.progress().stateProperty()));
        FontIcon pauseIcon = Icons.of(Icons.PLAY);
        vm.progress().stateProperty().addListener((o, a, now) ->
                pauseIcon.setIconLiteral(now == Report.State.RUNNING ? Icons.PAUSE : Icons.PLAY));
        pause.setGraphic(pauseIcon);
        pause.setTooltip(new Tooltip(Texts.get("main.tool.pauseTip")));
        pause.setOnAction(e -> vm.commands().togglePause());
        pause.disableProperty().bind(vm.progress().canPauseOrResume().not());
        Button step = Icons.on(Buttons.button("stepButton", Texts.get("main.tool.step"), Texts.get("main.tool.stepTip"), vm.commands()::step), Icons.STEP);
        step.disableProperty().bind(vm.progress().canStep().not());
        Button epoch = Icons.on(Buttons.button("epochButton", Texts.get("main.tool.epoch"), Texts.get("main.tool.epochTip"),
                vm.commands()::runEpoch), Icons.EPOCH);
        epoch.disableProperty().bind(vm.progress().canStep().not());
        Button stop = Icons.on(Buttons.button("stopButton", Texts.get("main.tool.stop"), Texts.get("main.tool.stopTip"), vm.commands()::stop),
                Icons.STOP);
        stop.disableProperty().bind(vm.progress().live().not());
        Button checkpoint = Icons.on(Buttons.button("checkpointButton", Texts.get("main.tool.checkpoint"), Texts.get("main.tool.checkpointTip"),
                vm.commands()::checkpoint), Icons.CHECKPOINT);
        checkpoint.disableProperty().bind(vm.hasSession().not());
        Button undo = Icons.on(Buttons.button("undoButton", Texts.get("main.tool.undo"),
                Texts.get("main.tool.undoTip"), vm::undoLastChange), Icons.UNDO);
        undo.disableProperty().bind(vm.canUndo().not());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label run = new Label();
        run.textProperty().bind(vm.runDirProperty());
        run.getStyleClass().add("run-dir");
        return new ToolBar(pause, step, epoch, stop, checkpoint, undo, paceChoice(vm), gap, run);
    }

    /** The pace of a running session: as fast as possible, N epochs a second, or epoch by epoch. */
    private static Node paceChoice(MainViewModel vm) {
        ChoiceBox<Pace> box = new ChoiceBox<>();
        box.setId("paceChoice");
        box.getItems().addAll(Pace.FASTEST, new Pace(50), new Pace(20), new Pace(10), Pace.WATCHABLE, new Pace(2),
                new Pace(1), Pace.EPOCH_BY_EPOCH);
        box.setConverter(Named.by(Names::pace, box.getItems()));
        box.valueProperty().bindBidirectional(vm.paceProperty());
        box.setTooltip(new Tooltip(Texts.get("main.tool.paceTip")));
        Label label = new Label(Texts.get("main.tool.pace"));
        label.setLabelFor(box);
        HBox paceBox = new HBox(4, label, box);
        paceBox.setAlignment(Pos.CENTER_LEFT);
        return paceBox;
    }
}
