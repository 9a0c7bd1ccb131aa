package babysitter.ui.chart;

import babysitter.plot.SeriesBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

/**
 * How long {@link LineChartCanvas} takes to draw a million points at 800 × 400: the median of 50
 * redraws on the FX thread (decimation plus recording the canvas commands), the same followed by
 * a synchronous software render of the whole window (a scene snapshot, so rasterisation and a
 * read-back of the pixels are included), and one append of 1,000 points plus a redraw.
 *
 * <p>Runs headless on Monocle with the software pipeline unless {@code -Dchart.bench.display=true}
 * (then it uses the real display, e.g. under {@code xvfb-run}). An optional argument names a PNG
 * to write the chart to (at 2×), to look at.
 *
 * <p>Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=babysitter.ui.chart.ChartBenchmark -Dexec.classpathScope=test}
 */
public final class ChartBenchmark {
    private static final int POINTS = 1_000_000;
    private static final int RUNS = 50;

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("chart.bench.display")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
        }
        Path png = args.length > 0 ? Path.of(args[0]) : null;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start");
        }
        try {
            FutureTask<String> task = new FutureTask<>(ChartBenchmark::run);
            Platform.runLater(task);
            System.out.println(task.get(10, TimeUnit.MINUTES));
            if (png != null) {
                LineChartCanvas chart = shown;
                chart.exportPng(png, 2);
                System.out.println("wrote " + png.toAbsolutePath());
            }
        } finally {
            Platform.exit();
        }
    }

    private static LineChartCanvas shown;

    private static String run() {
        Stage stage = new Stage();
        LineChartCanvas chart = new LineChartCanvas("Cost per step", "step", "cost");
        ChartSeries cost = chart.addSeries("cost", Color.rgb(31, 119, 180), 1, 0.9);
        SplittableRandom random = new SplittableRandom(42);
        SeriesBuffer data = cost.data();
        data.ensureCapacity(POINTS);
        for (int i = 0; i < POINTS; i++) {
            data.add(i, noisyCost(i, random));
        }
        chart.addMarker(200_000, "lr 0.01", Color.rgb(214, 39, 40));
        chart.addMarker(230_000, "rewind", Color.rgb(148, 103, 189));
        chart.addMarker(600_000, "checkpoint", Color.rgb(44, 160, 44));
        Scene scene = new Scene(chart, 800, 400);
        stage.setScene(scene);
        stage.show();
        chart.applyCss();
        chart.layout();
        shown = chart;

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "JavaFX %s, pipeline %s, glass %s, %d points, chart %.0f x %.0f, %s%n",
                System.getProperty("javafx.runtime.version"), System.getProperty("prism.order", "default"),
                System.getProperty("glass.platform", "default"), data.size(), chart.getWidth(), chart.getHeight(),
                Runtime.version()));
        for (int i = 0; i < 30; i++) { // warm-up for the JIT
            chart.redrawNow();
            scene.snapshot(null);
        }
        out.append(line("redraw, 1M points, linear y", time(chart::redrawNow)));
        out.append(line("redraw + software render of the window", time(() -> {
            chart.redrawNow();
            scene.snapshot(null);
        })));
        out.append(line("software render of the window alone", time(() -> scene.snapshot(null))));
        chart.setLogY(true);
        out.append(line("redraw, 1M points, log y", time(chart::redrawNow)));
        chart.setLogY(false);
        chart.setXRange(400_000, 500_000);
        out.append(line("redraw, zoomed to 100k of the 1M points", time(chart::redrawNow)));
        chart.resetZoom();
        chart.redrawNow();
        int[] next = {POINTS};
        out.append(line("append 1,000 points + redraw", time(() -> {
            for (int k = 0; k < 1_000; k++) {
                data.add(next[0], noisyCost(next[0], random));
                next[0]++;
            }
            chart.redrawNow();
        })));
        out.append(line("append 1,000 points + redraw + render", time(() -> {
            for (int k = 0; k < 1_000; k++) {
                data.add(next[0], noisyCost(next[0], random));
                next[0]++;
            }
            chart.redrawNow();
            scene.snapshot(null);
        })));
        out.append(String.format(Locale.ROOT, "(%d points at the end)", data.size()));
        return out.toString();
    }

    /** A decaying cost with multiplicative noise and an occasional spike. */
    private static double noisyCost(int step, SplittableRandom random) {
        double base = 0.25 + 2.0 * Math.exp(-step / 150_000.0);
        double noise = 1 + 0.25 * (random.nextDouble() - 0.5) + (random.nextInt(50_000) == 0 ? 1.5 : 0);
        return base * noise;
    }

    /** Milliseconds of each of {@link #RUNS} runs, sorted. */
    private static double[] time(Runnable action) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static String line(String what, double[] sortedMs) {
        return String.format(Locale.ROOT, "%-44s median %6.2f ms   min %6.2f   p90 %6.2f   max %6.2f%n", what,
                sortedMs[sortedMs.length / 2], sortedMs[0], sortedMs[(int) (sortedMs.length * 0.9)],
                sortedMs[sortedMs.length - 1]);
    }
}
