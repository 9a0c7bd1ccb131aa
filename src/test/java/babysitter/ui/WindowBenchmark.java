package babysitter.ui;

import babysitter.session.ConfigFiles;
import babysitter.session.RunConfig;
import babysitter.session.Runs;
import babysitter.session.Trainer;
import babysitter.ui.main.MainViewModel;
import babysitter.ui.main.MainWindow;
import babysitter.ui.setup.SetupViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Training throughput with the window open and its charts live, against the headless trainer on
 * the same configuration in the same sitting, and the longest gap between two JavaFX pulses while
 * it trains. Usage: {@code WindowBenchmark [config.json] [epochs]} (default: Fashion-MNIST's
 * reference network, 4 epochs); run it with a display (Xvfb), see docs/PERFORMANCE.md.
 */
public final class WindowBenchmark {
    private WindowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path configFile = Path.of(args.length > 0 ? args[0] : "assets/examples/fashion-mnist.json");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        RunConfig config = ConfigFiles.read(configFile).withEpochs(epochs);
        Path runs = Files.createTempDirectory("babysitter-bench");
        System.setProperty("babysitter.runs", runs.toString());

        headless(config.withEpochs(2), runs); // warm-up: JIT and first-touch of the data, not measured
        double headless = headless(config, runs);
        System.out.printf("headless trainer: median %,.0f samples/s%n", headless);
        double session = sessionOnly(config, runs);
        System.out.printf("session without a window: median %,.0f samples/s (%.3f of headless)%n", session,
                session / headless);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        BabysitterApp app = new BabysitterApp();
        MainViewModel[] vm = new MainViewModel[1];
        List<Long> epochEnds = Collections.synchronizedList(new ArrayList<>());
        List<String> gaps = Collections.synchronizedList(new ArrayList<>());
        StallProbe probe = new StallProbe();
        probe.log = w -> gaps.add(String.format("waited %.1f ms, %.0f ms after the last epoch end", w,
                (System.nanoTime() - epochEnds.get(epochEnds.size() - 1)) / 1e6));
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Platform.runLater(() -> {
            vm[0] = app.createViewModel(Executors.newSingleThreadExecutor());
            SetupViewModel setup = new SetupViewModel();
            setup.load(config);
            MainWindow window = new MainWindow(vm[0], setup);
            Stage stage = new Stage();
            stage.setScene(window.scene());
            stage.show();
            vm[0].epochProperty().addListener((o, a, b) -> {
                epochEnds.add(System.nanoTime());
                if (b.longValue() == 1 && !Boolean.getBoolean("bench.noProbe")) {
                    probe.start(); // start-up and data loading are not training
                }
                if (b.longValue() >= epochs) {
                    finished.complete(null);
                }
            });
            vm[0].newRun(config);
        });
        finished.get(30, TimeUnit.MINUTES);
        int rows = trainRows(config);
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i < epochEnds.size(); i++) {
            rates.add(rows / ((epochEnds.get(i) - epochEnds.get(i - 1)) / 1e9));
        }
        Collections.sort(rates);
        double window = rates.get(rates.size() / 2);
        probe.stop();
        CompletableFuture<Double> gap = new CompletableFuture<>();
        Platform.runLater(() -> {
            gap.complete(probe.longestMillis());
            vm[0].closeSession();
        });
        System.out.printf("window, charts live: median %,.0f samples/s (epochs 2..%d)%n", window, epochs);
        System.out.printf("window / headless: %.3f%n", window / headless);
        gaps.forEach(g -> System.out.println("  " + g));
        System.out.printf("longest time the JavaFX thread kept a task waiting while training: %.1f ms%n",
                gap.get(30, TimeUnit.SECONDS));
        Platform.exit();
        System.exit(0);
    }

    /** The live session on its thread, with a listener that takes every report, but no window. */
    private static double sessionOnly(RunConfig config, Path runs) throws Exception {
        Trainer t = Runs.start(config, runs, null, Clock.systemUTC());
        int rows = t.data().split().train().rows();
        List<Long> ends = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (babysitter.session.TrainingSession s = new babysitter.session.TrainingSession(t)) {
            s.addListener(r -> {
                if (r instanceof babysitter.session.Report.EpochReport) {
                    ends.add(System.nanoTime());
                    if (ends.size() >= config.epochs()) {
                        done.complete(null);
                    }
                }
            });
            s.open().submit(new babysitter.session.Command.Start());
            done.get(30, TimeUnit.MINUTES);
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i < ends.size(); i++) {
            rates.add(rows / ((ends.get(i) - ends.get(i - 1)) / 1e9));
        }
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }

    /**
     * Measures how long the JavaFX thread makes work wait: every 5 ms a probe thread posts a task
     * and records the delay until the JavaFX thread runs it (a stall of the thread shows as a
     * long delay, whether or not anything animates).
     */
    static final class StallProbe {
        private volatile boolean on;
        java.util.function.DoubleConsumer log;
        private volatile double longest;
        private Thread thread;

        void start() {
            on = true;
            thread = new Thread(() -> {
                while (on) {
                    long posted = System.nanoTime();
                    CompletableFuture<Void> ran = new CompletableFuture<>();
                    Platform.runLater(() -> {
                        double waited = (System.nanoTime() - posted) / 1e6;
                        longest = Math.max(longest, waited);
                        if (waited > 40 && log != null) {
                            log.accept(waited);
                        }
                        ran.complete(null);
                    });
                    try {
                        ran.get(10, TimeUnit.SECONDS);
                        Thread.sleep(5);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "stall-probe");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            on = false;
        }

        double longestMillis() {
            return longest;
        }
    }

    private static int trainRows(RunConfig config) {
        return config.data().load(config.seed()).split().train().rows();
    }

    /** The same run without a window; the median samples/s of epochs 2.. (epoch time includes the dev evaluation, as in the window). */
    private static double headless(RunConfig config, Path runs) throws Exception {
        Trainer t = Runs.start(config, runs, null, Clock.systemUTC());
        int rows = t.data().split().train().rows();
        List<Double> rates = new ArrayList<>();
        for (int e = 0; e < config.epochs(); e++) {
            long start = System.nanoTime();
            t.trainEpoch();
            if (e > 0) {
                rates.add(rows / ((System.nanoTime() - start) / 1e9));
            }
        }
        t.close();
        Collections.sort(rates);
        return rates.get(rates.size() / 2);
    }
}
