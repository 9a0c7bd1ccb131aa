package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.ui.app.AppContext;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The New search form's "Run on" rows: this computer or a cluster, and the cluster's fields. Only binds. */
final class ClusterFormPane {
    private ClusterFormPane() {
    }

    /** Adds the rows to {@code g} from {@code row}; returns the next free row. */
    static int addRows(GridPane g, int row, ClusterForm form, AppContext app, Window owner) {
        ToggleGroup where = new ToggleGroup();
        RadioButton here = new RadioButton(Texts.get("search.cluster.here"));
        here.setId("runHere");
        here.setToggleGroup(where);
        RadioButton cluster = new RadioButton();
        cluster.setId("runOnCluster");
        cluster.setToggleGroup(where);
        cluster.textProperty().bind(form.clusterTextProperty());
        (form.onClusterProperty().get() ? cluster : here).setSelected(true);
        where.selectedToggleProperty().addListener((o, a, b) -> form.onClusterProperty().set(b == cluster));
        Button lookUp = new Button(Texts.get("search.cluster.lookUp"));
        lookUp.setId("lookUpCluster");
        lookUp.setTooltip(new Tooltip(Texts.get("search.cluster.lookUpTip")));
        lookUp.setOnAction(e -> form.lookUp());
        lookUp.disableProperty().bind(form.onClusterProperty().not());
        HBox choice = new HBox(12, here, cluster, lookUp);
        g.add(new Label(Texts.get("search.cluster.runOn")), 0, row);
        g.add(choice, 1, row++);

        VBox fields = new VBox(4);
        fields.setId("clusterFields");
        GridPane c = new GridPane();
        c.setHgap(8);
        c.setVgap(4);
        int r = 0;
        r = add(c, r, Texts.get("search.cluster.name"), field("clusterName", form.nameProperty(), 12,
                Texts.get("search.cluster.nameTip")));
        r = add(c, r, Texts.get("search.cluster.members"), field("clusterMembers", form.membersProperty(), 28,
                Texts.get("search.cluster.membersTip")));
        TextField secret = field("clusterSecret", form.secretFileProperty(), 24, Texts.get("search.cluster.secretTip"));
        Button browse = new Button(Texts.get("search.browse"));
        browse.setId("browseSecret");
        browse.setOnAction(e -> {
            File f = app.choosers().openFile(owner, Texts.get("search.cluster.chooseSecret"), app.runsRoot(),
                    Texts.get("search.cluster.secretFilter"), "secret");
            if (f != null) {
                form.secretFileProperty().set(f.getPath());
            }
        });
        HBox secretBox = new HBox(6, secret, browse);
        HBox.setHgrow(secret, Priority.ALWAYS);
        r = add(c, r, Texts.get("search.cluster.secret"), secretBox);
        r = add(c, r, Texts.get("search.cluster.bind"), field("clusterBind", form.bindProperty(), 16,
                Texts.get("search.cluster.bindTip")));
        add(c, r, Texts.get("search.cluster.slots"), field("clusterSlots", form.slotsProperty(), 4,
                Texts.get("search.cluster.slotsTip")));
        Label error = new Label();
        error.setId("clusterError");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.textProperty().bind(Bindings.when(Bindings.isNotEmpty(form.errorProperty()))
                .then(form.errorProperty()).otherwise(form.problemProperty()));
        error.visibleProperty().bind(Bindings.isNotEmpty(error.textProperty()));
        error.managedProperty().bind(error.visibleProperty());
        fields.getChildren().addAll(c, error);
        fields.visibleProperty().bind(form.onClusterProperty());
        fields.managedProperty().bind(fields.visibleProperty());
        fields.visibleProperty().addListener((o, a, b) -> {
            if (g.getScene() != null && g.getScene().getWindow() != null) {
                g.getScene().getWindow().sizeToScene();
            }
        });
        g.add(fields, 1, row++);
        return row;
    }

    private static TextField field(String id, StringProperty p, int columns, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static int add(GridPane g, int row, String label, Node field) {
        g.add(new Label(label), 0, row);
        g.add(field, 1, row);
        return row + 1;
    }
}
