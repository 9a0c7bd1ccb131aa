package babysitter.ui.main;

import babysitter.i18n.Texts;
import babysitter.ui.app.Choosers;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.fx.Banner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** File ▸ Export …: asks where, writes a chart, the window, the metrics or the report, and says so when it cannot. */
final class WindowExports {
    private final Node window;
    private final MainViewModel vm;
    private final Supplier<Choosers> choosers;

    WindowExports(Node window, MainViewModel vm, Supplier<Choosers> choosers) {
        this.window = window;
        this.vm = vm;
        this.choosers = choosers;
    }

    /** A file to write, or null when the person cancels. */
    Path choose(String title, String name, String extension) {
        File f = choosers.get().saveFile(window.getScene().getWindow(), title, name, extension);
        return f == null ? null : f.toPath();
    }

    void chart(LineChartCanvas chart, double scale) {
        write(Texts.get("main.export.chartTitle"), "chart.png", "png", file -> chart.exportPng(file, scale));
    }

    void windowPng() {
        write(Texts.get("main.export.windowTitle"), "babysitter.png", "png", this::writeWindowPng);
    }

    /** The window as a PNG, without its banner. */
    void writeWindowPng(Path file) throws IOException {
        Banner.without(window.getScene().getRoot(),
                () -> Snapshots.writePng(window.getScene().getRoot(), 1, file));
    }

    void csv() {
        write(Texts.get("main.export.metricsTitle"), "metrics.csv", "csv", file -> vm.monitor().writeCsv(file));
    }

    void report() {
        Path file = choose(Texts.get("main.export.reportTitle"), "report.html", "html");
        if (file != null) {
            vm.exports().report(file);
        }
    }

    void configuration() {
        Path file = choose(Texts.get("main.export.configurationTitle"), "run.json", "json");
        if (file != null) {
            vm.exports().configuration(file);
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
                error(Texts.get("main.export.writeFailed", file, ex.getMessage()));
            }
        }
    }

    void error(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(window.getScene().getWindow());
        a.showAndWait();
    }
}
