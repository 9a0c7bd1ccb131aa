package babysitter.ui.main;

import babysitter.ui.chart.LineChartCanvas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

/** File ▸ Export …: asks where, writes a chart, the window, the metrics or the report, and says so when it cannot. */
final class WindowExports {
    private final Node window;
    private final MainViewModel vm;

    WindowExports(Node window, MainViewModel vm) {
        this.window = window;
        this.vm = vm;
    }

    /** A file to write, or null when the person cancels. */
    Path choose(String title, String name, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT),
                "*." + extension));
        java.io.File f = chooser.showSaveDialog(window.getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    void chart(LineChartCanvas chart, double scale) {
        write("Export chart", "chart.png", "png", file -> chart.exportPng(file, scale));
    }

    void windowPng() {
        write("Export window", "babysitter.png", "png", this::writeWindowPng);
    }

    /** The window as a PNG, without its banner. */
    void writeWindowPng(Path file) throws IOException {
        babysitter.ui.fx.Banner.without(window.getScene().getRoot(),
                () -> Snapshots.writePng(window.getScene().getRoot(), 1, file));
    }

    void csv() {
        write("Export metrics", "metrics.csv", "csv", file -> vm.monitor().writeCsv(file));
    }

    void report() {
        Path file = choose("Export report", "report.html", "html");
        if (file != null) {
            vm.exportReport(file);
        }
    }

    void configuration() {
        Path file = choose("Save as configuration", "run.json", "json");
        if (file != null) {
            vm.saveConfiguration(file);
        }
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    private void write(String title, String name, String extension, Writer writer) {
        Path file = choose(title, name, extension);
        if (file != null) {
            try {
                writer.write(file);
            } catch (IOException | RuntimeException ex) {
                error("Could not write " + file + ": " + ex.getMessage());
            }
        }
    }

    void error(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(window.getScene().getWindow());
        a.showAndWait();
    }
}
