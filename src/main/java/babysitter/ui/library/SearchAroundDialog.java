package babysitter.ui.library;

import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import babysitter.search.Scale;
import babysitter.search.SearchSpace;
import babysitter.session.configuration.ConfigException;
import babysitter.session.configuration.RunConfig;
import babysitter.ui.fx.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The editable form of Session ▸ Search around this run…: each parameter on or off, its scale, min
 * and max. "Write space" writes {@code space.json} (checked by the search's rules; an error keeps the
 * form open and names the parameter) and answers its path.
 */
public final class SearchAroundDialog {
    private SearchAroundDialog() {
    }

    /** Asks; the written space file, or empty when cancelled. */
    public static Optional<Path> ask(Window owner, RunConfig config, Path spaceFile) {
        List<SearchAround.Row> rows = SearchAround.around(config);
        Dialog<Path> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(Texts.get("library.around.title"));
        d.setHeaderText(Texts.get("library.around.header",
                config.name() == null ? Texts.get("library.around.thisRun") : config.name()));
        d.getDialogPane().setId("searchAroundDialog");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label(Texts.get("library.around.search")), new Label(Texts.get("library.around.parameter")),
                new Label(Texts.get("library.around.scale")), new Label(Texts.get("library.around.min")),
                new Label(Texts.get("library.around.max")));
        List<CheckBox> on = new ArrayList<>();
        List<ChoiceBox<Scale>> scales = new ArrayList<>();
        List<TextField> mins = new ArrayList<>();
        List<TextField> maxs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SearchAround.Row r = rows.get(i);
            CheckBox c = new CheckBox();
            c.setSelected(r.on());
            c.setId("on-" + r.name());
            ChoiceBox<Scale> scale = new ChoiceBox<>();
            scale.getItems().setAll(SearchSpace.NAMES.get(r.name()));
            scale.setConverter(Named.by(s -> Texts.get("words.scale." + s.name()), scale.getItems()));
            scale.setValue(r.scale());
            TextField min = new TextField(number(r.min()));
            min.setId("min-" + r.name());
            TextField max = new TextField(number(r.max()));
            max.setId("max-" + r.name());
            for (var n : List.of(scale, min, max)) {
                n.disableProperty().bind(c.selectedProperty().not());
            }
            on.add(c);
            scales.add(scale);
            mins.add(min);
            maxs.add(max);
            g.addRow(i + 1, c, new Label(r.name()), scale, min, max);
        }
        Label where = new Label(Texts.get("library.around.writtenTo", spaceFile));
        where.getStyleClass().add("readout");
        Label error = new Label();
        error.setId("searchAroundError");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setMaxWidth(560);
        g.add(where, 0, rows.size() + 1, 5, 1);
        g.add(error, 0, rows.size() + 2, 5, 1);
        d.getDialogPane().setContent(g);
        ButtonType write = new ButtonType(Texts.get("library.around.write"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(write, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(write);
        ok.setId("writeSpace");
        Path[] written = new Path[1];
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            List<SearchAround.Row> edited = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                String name = rows.get(i).name();
                double lo;
                double hi;
                try {
                    lo = Double.parseDouble(mins.get(i).getText().strip());
                    hi = Double.parseDouble(maxs.get(i).getText().strip());
                } catch (NumberFormatException bad) {
                    error.setText(Texts.get("library.around.notNumbers", name, mins.get(i).getText(), maxs.get(i).getText()));
                    e.consume();
                    return;
                }
                edited.add(new SearchAround.Row(name, on.get(i).isSelected(), scales.get(i).getValue(), lo, hi));
            }
            if (edited.stream().noneMatch(SearchAround.Row::on)) {
                error.setText(Texts.get("library.around.noneOn"));
                e.consume();
                return;
            }
            try {
                SearchAround.write(config, edited, spaceFile);
                written[0] = spaceFile;
            } catch (IOException | ConfigException | RuntimeException ex) {
                error.setText(Texts.get("library.around.cannotWrite", spaceFile, ProblemWords.say(ex)));
                e.consume();
            }
        });
        d.setResultConverter(b -> b == write ? written[0] : null);
        return d.showAndWait();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
