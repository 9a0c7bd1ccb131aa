package babysitter.ui.monitor;

import babysitter.i18n.Texts;
import babysitter.plot.SeriesBuffer;
import babysitter.report.ExportFile;
import babysitter.report.SvgChart;
import babysitter.ui.chart.ChartMarker;
import babysitter.ui.chart.ChartSeries;
import babysitter.ui.chart.FxColors;
import babysitter.ui.chart.LegendEntry;
import babysitter.ui.chart.LineChartCanvas;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A chart on screen as a vector SVG figure: its visible series in their screen colours and styles,
 * its markers, legend and log scale.
 */
public final class ChartExport {
    private ChartExport() {
    }

    /** The SVG text of what the chart shows (visible series only; hidden ones are left out). */
    public static String svg(LineChartCanvas chart) {
        SvgChart svg = new SvgChart(chart.title(), chart.xLabel(), chart.yLabel()).logY(chart.isLogY())
                .logScaleSuffix(Texts.get("report.logScale"));
        int unnamed = 0;
        for (ChartSeries s : chart.series()) {
            if (!s.isVisible() || s.data().isEmpty()) {
                continue;
            }
            SeriesBuffer b = s.data();
            double[] xs = new double[b.size()];
            double[] ys = new double[b.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = b.x(i);
                ys[i] = b.y(i);
            }
            String name = s.name().isBlank() ? Texts.get("monitor.earlierBranch", ++unnamed) : s.name();
            svg.series(new SvgChart.Series(name, xs, ys, FxColors.hex(s.color()), s.lineWidth(), s.opacity(),
                    s.isDashed()));
        }
        svg.legend(chart.legend().stream().map(ChartExport::entry).toList());
        for (ChartMarker m : chart.markers()) {
            svg.marker(m.x(), m.label(), FxColors.hex(m.color()));
        }
        return svg.toSvg();
    }

    private static SvgChart.LegendEntry entry(LegendEntry e) {
        return new SvgChart.LegendEntry(e.name(), FxColors.hex(e.color()), e.lineWidth(), e.opacity(), e.dashed());
    }

    /** Writes {@link #svg} to {@code file}, readable by everyone (via a temporary file beside it). */
    public static void writeSvg(LineChartCanvas chart, Path file) throws IOException {
        ExportFile.write(file, svg(chart));
    }
}
