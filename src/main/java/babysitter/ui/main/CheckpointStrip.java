package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.session.training.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The row of checkpoint chips under the charts; clicking one asks to rewind there. While a run trains
 * the list changes every epoch: a chip that stays keeps its button, so a press that started before
 * the change still ends in a click, and a tooltip being read stays open.
 */
final class CheckpointStrip extends HBox {
    private final Consumer<Snapshot.CheckpointSummary> chosen;
    private final Map<String, Button> chips = new HashMap<>();

    CheckpointStrip(Consumer<Snapshot.CheckpointSummary> chosen) {
        super(4);
        this.chosen = chosen;
        setId("checkpointStrip");
        setAlignment(Pos.CENTER_LEFT);
    }

    /** Shows {@code checkpoints} in their order, reusing the chips of those already shown. */
    void show(List<Snapshot.CheckpointSummary> checkpoints) {
        Map<String, Button> kept = new HashMap<>();
        List<Node> row = new ArrayList<>(checkpoints.size());
        for (Snapshot.CheckpointSummary c : checkpoints) {
            Button b = chips.get(c.id()); // an id names one checkpoint for good
            if (b == null) {
                b = chip(c);
            }
            kept.put(c.id(), b);
            row.add(b);
        }
        chips.clear();
        chips.putAll(kept);
        // change only what changed: a chip taken out of the scene, even for a moment, forgets it was pressed
        getChildren().removeIf(n -> !kept.containsValue(n));
        for (int i = 0; i < row.size(); i++) {
            Node chip = row.get(i);
            if (i < getChildren().size() && getChildren().get(i) == chip) {
                continue;
            }
            getChildren().remove(chip);
            getChildren().add(i, chip);
        }
    }

    private Button chip(Snapshot.CheckpointSummary c) {
        Button b = new Button(shortName(c.id()));
        b.setId("checkpoint-" + c.id());
        b.getStyleClass().add("checkpoint");
        if (c.id().startsWith("auto-")) {
            b.getStyleClass().add("auto");
        }
        b.setTooltip(new Tooltip(Texts.get("main.checkpoint.tip", c.id(), c.step(), c.epoch(), c.branch())));
        b.setOnAction(e -> chosen.accept(c));
        return b;
    }

    /** "e12", "s340", "↶339"; a prime marks a checkpoint of a later branch with the same name. */
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
}
