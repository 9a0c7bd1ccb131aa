package babysitter.ui.monitor;

import babysitter.report.SvgChart;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.chart.SeriesBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A chart on screen as a vector SVG figure: its visible series, markers, legend and log scale. */
public final class ChartExport {
    private ChartExport() {
    }

    /** The SVG text of what the chart shows (visible series only; hidden ones are left out). */
    public static String svg(LineChartCanvas chart) {
        SvgChart svg = new SvgChart(chart.title(), chart.xLabel(), chart.yLabel()).logY(chart.isLogY());
        int unnamed = 0;
        for (LineChartCanvas.Series s : chart.series()) {
            if (!s.isVisible() || s.data().isEmpty()) {
                continue;
            }
            SeriesBuffer b = s.data();
            double[] x = new double[b.size()];
            double[] y = new double[b.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = b.x(i);
                y[i] = b.y(i);
            }
            String name = s.name().isBlank() ? "earlier branch " + (++unnamed) : s.name();
            svg.series(name, x, y);
        }
        for (LineChartCanvas.Marker m : chart.markers()) {
            svg.marker(m.x(), m.label());
        }
        return svg.toSvg();
    }

    /** Writes {@link #svg} to {@code file} (via a temporary file beside it). */
    public static void writeSvg(LineChartCanvas chart, Path file) throws IOException {
        babysitter.store.AtomicFiles.write(file, svg(chart).getBytes(StandardCharsets.UTF_8));
    }
}
