package babysitter.ui;

import babysitter.bench.ThreadCpu;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.session.training.Runs;
import babysitter.session.training.Trainer;
import babysitter.ui.chart.LineChartCanvas;
import babysitter.ui.chart.Png;
import babysitter.ui.main.MainViewModel;
import babysitter.ui.main.MainWindow;
import babysitter.ui.setup.SetupViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Training throughput with the window open and its charts live, against the headless trainer on
 * the same configuration in the same sitting, and the longest gap between two JavaFX pulses while
 * it trains. Usage: {@code WindowBenchmark [config.json] [epochs]} (default: Fashion-MNIST's
 * reference network, 4 epochs); run it with a display (Xvfb), see docs/PERFORMANCE.md.
 *
 * <p>The window first trains {@code -Dbench.windowWarmUpEpochs} (default 4) epochs that are not
 * measured, so that the JIT has compiled the window's code as it had the trainer's. It prints how
 * often each chart was drawn and where the process's CPU time went, by thread, while the headless
 * trainer and the window trained ({@link ThreadCpu}); with {@code -Dbench.screenshot=FILE.png} it
 * saves what the window showed at the end of the measured run.
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
        ThreadCpu headlessFrom = ThreadCpu.read();
        double headless = headless(config, runs);
        System.out.printf("headless trainer: median %,.0f samples/s%n", headless);
        System.out.println("  CPU by thread, headless: " + ThreadCpu.read().since(headlessFrom));
        double session = sessionOnly(config, runs);
        System.out.printf("session without a window: median %,.0f samples/s (%.3f of headless)%n", session,
                session / headless);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        BabysitterApp app = new BabysitterApp();
        MainViewModel vm = openWindow(app, config);
        // The window's own code (charts, controls, JavaFX) is new to the JIT here, as the trainer's
        // was before the headless warm-up: the compiler works for the first tens of seconds.
        int warmUp = Integer.getInteger("bench.windowWarmUpEpochs", 4);
        if (warmUp > 0) {
            trainInWindow(vm, config.withEpochs(warmUp), null, new ArrayList<>(), new ArrayList<>());
        }
        List<String> gaps = Collections.synchronizedList(new ArrayList<>());
        StallProbe probe = new StallProbe();
        List<Long> epochEnds = Collections.synchronizedList(new ArrayList<>());
        probe.log = w -> gaps.add(String.format("waited %.1f ms (CPU: JavaFX thread %.1f ms, renderer %.1f ms), at JVM uptime %.3f s, %.0f ms after the last epoch end",
                w, probe.lastCpuMillis(), probe.lastRenderCpuMillis(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, (System.nanoTime() - epochEnds.get(epochEnds.size() - 1)) / 1e6));
        Map<String, Long> drawsBefore = chartRedraws();
        long measuredFrom = System.nanoTime();
        List<CompletableFuture<ThreadCpu>> windowCpu = Collections.synchronizedList(new ArrayList<>());
        trainInWindow(vm, config, Boolean.getBoolean("bench.noProbe") ? null : probe, epochEnds, windowCpu);
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        Map<String, Long> drawsAfter = chartRedraws();
        drawsAfter.forEach((chart, n) -> System.out.printf("  chart '%s' drawn %.1f times a second%n",
                chart, (n - drawsBefore.getOrDefault(chart, 0L)) / seconds));
        int rows = trainRows(config);
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i < epochEnds.size(); i++) {
            rates.add(rows / ((epochEnds.get(i) - epochEnds.get(i - 1)) / 1e9));
        }
        System.out.printf("window, each epoch from the 2nd: %s%n",
                rates.stream().map(r -> String.format("%,.0f", r)).collect(Collectors.joining(" ")));
        Collections.sort(rates);
        double window = rates.get(rates.size() / 2);
        System.out.printf("window, charts live: median %,.0f samples/s (epochs 2..%d, after %d epochs in the window not measured)%n",
                window, epochs, warmUp);
        System.out.printf("window / headless: %.3f%n", window / headless);
        if (windowCpu.size() == 2) {
            System.out.println("  CPU by thread, window, epochs 2.." + (epochs - 1) + ": "
                    + windowCpu.get(1).join().since(windowCpu.get(0).join()));
        }
        gaps.forEach(g -> System.out.println("  " + g));
        if (!Boolean.getBoolean("bench.noProbe")) {
            probe.printSamples();
        }
        System.out.printf("longest time the JavaFX thread kept a task waiting while training: %.1f ms%n",
                probe.longestMillis());
        Platform.exit();
        System.exit(0);
    }

    /** How many times each chart of the window has been drawn so far, by title. */
    private static Map<String, Long> chartRedraws() throws Exception {
        CompletableFuture<Map<String, Long>> counts = new CompletableFuture<>();
        Platform.runLater(() -> {
            Map<String, Long> m = new TreeMap<>();
            for (Window w : Window.getWindows()) {
                w.getScene().getRoot().lookupAll(".line-chart-canvas").forEach(n -> {
                    LineChartCanvas c = (LineChartCanvas) n;
                    m.merge(c.title(), c.redrawCount(), Long::sum);
                });
            }
            counts.complete(m);
        });
        return counts.get(30, TimeUnit.SECONDS);
    }

    /** Shows the main window with {@code config} in its setup; returns its view model. */
    private static MainViewModel openWindow(BabysitterApp app, RunConfig config) throws Exception {
        CompletableFuture<MainViewModel> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            MainViewModel vm = app.createViewModel(Executors.newSingleThreadExecutor());
            SetupViewModel setup = new SetupViewModel();
            setup.load(config);
            Stage stage = new Stage();
            stage.setScene(new MainWindow(vm, setup).scene());
            stage.show();
            shown.complete(vm);
        });
        return shown.get(30, TimeUnit.SECONDS);
    }

    /**
     * Trains a new run of {@code config} in the window until its last epoch, adding the times its
     * epochs end to {@code ends}, then closes its session. The probe, if any, runs from the end of
     * the first epoch (start-up and data loading are not training) to the end of the last.
     */
    private static void trainInWindow(MainViewModel vm, RunConfig config, StallProbe probe, List<Long> ends,
            List<CompletableFuture<ThreadCpu>> cpu) throws Exception {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        ChangeListener<Number> onEpoch = (o, a, b) -> {
            if (b.longValue() <= a.longValue()) {
                return; // a new run's progress starting at 0
            }
            ends.add(System.nanoTime());
            if (b.longValue() == 1 && probe != null) {
                probe.start();
            }
            // From the end of the first epoch to the end of the last but one: the trainer's thread
            // ends with the last, and its time with it. Read off the JavaFX thread, which the
            // probe is timing.
            if (b.longValue() == 1 || b.longValue() == config.epochs() - 1) {
                cpu.add(CompletableFuture.supplyAsync(ThreadCpu::read));
            }
            if (b.longValue() >= config.epochs()) {
                String shot = System.getProperty("bench.screenshot");
                if (shot != null) { // what the window showed while it trained
                    try {
                        Png.write(Window.getWindows().get(0).getScene().snapshot(null),
                                Path.of(shot));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                finished.complete(null);
            }
        };
        Platform.runLater(() -> {
            vm.progress().epochProperty().addListener(onEpoch);
            vm.newRun(config);
        });
        finished.get(30, TimeUnit.MINUTES);
        if (probe != null) {
            probe.stop();
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            vm.progress().epochProperty().removeListener(onEpoch);
            vm.closeSession();
            closed.complete(null);
        });
        closed.get(30, TimeUnit.SECONDS);
    }

    /** The live session on its thread, with a listener that takes every report, but no window. */
    private static double sessionOnly(RunConfig config, Path runs) throws Exception {
        Trainer t = Runs.start(config, runs, null, Clock.systemUTC());
        int rows = t.data().split().train().rows();
        List<Long> ends = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        try (babysitter.session.live.TrainingSession s = new babysitter.session.live.TrainingSession(t)) {
            s.addListener(r -> {
                if (r instanceof babysitter.session.reports.Report.EpochReport) {
                    ends.add(System.nanoTime());
                    if (ends.size() >= config.epochs()) {
                        done.complete(null);
                    }
                }
            });
            s.open().submit(new babysitter.session.live.Command.Start());
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
     * long delay, whether or not anything animates). While a task is pending, a watchdog samples
     * the JavaFX thread's state and stack every 2 ms; the samples taken during waits over 40 ms
     * are counted by their top frames and printed by {@link #printSamples()}, and each long wait
     * is logged with the CPU time the JavaFX thread used during it (about the wait: the thread
     * was busy; far less: it was runnable but not running, or blocked).
     */
    static final class StallProbe {
        private static final double LONG_MS = 40;
        private volatile boolean on;
        java.util.function.DoubleConsumer log;
        private volatile double longest;
        private volatile double lastCpuMillis;
        private Thread thread;
        private Thread watchdog;
        private volatile long pendingSince; // 0 when no task is pending
        private final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        private final List<StackTraceElement[]> current = new ArrayList<>();
        private final List<Thread.State> currentStates = new ArrayList<>();
        private final Map<String, Integer> topFrames = new java.util.HashMap<>();
        private final Map<String, Integer> ownFrames = new java.util.HashMap<>();
        private final Map<String, Integer> stacks = new java.util.HashMap<>();
        private final List<StackTraceElement[]> renderCurrent = new ArrayList<>();
        private final List<Thread.State> renderStates = new ArrayList<>();
        private final Map<String, Integer> renderTop = new java.util.HashMap<>();
        private final Map<String, Integer> renderStacks = new java.util.HashMap<>();
        private volatile double lastRenderCpuMillis;
        private int longSamples;

        void start() {
            on = true;
            long fxId = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst()
                    .orElseThrow().getId();
            long renderId = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst()
                    .orElseThrow().getId();
            thread = new Thread(() -> {
                while (on) {
                    long fxCpu = mx.getThreadCpuTime(fxId);
                    long renderCpu = mx.getThreadCpuTime(renderId);
                    long posted = System.nanoTime();
                    CompletableFuture<Void> ran = new CompletableFuture<>();
                    pendingSince = posted;
                    Platform.runLater(() -> {
                        double waited = (System.nanoTime() - posted) / 1e6;
                        pendingSince = 0;
                        longest = Math.max(longest, waited);
                        boolean isLong = waited > LONG_MS;
                        synchronized (current) {
                            if (isLong) {
                                harvest();
                            }
                            current.clear();
                            currentStates.clear();
                            renderCurrent.clear();
                            renderStates.clear();
                        }
                        if (isLong && log != null) {
                            lastCpuMillis = (mx.getCurrentThreadCpuTime() - fxCpu) / 1e6;
                            lastRenderCpuMillis = (mx.getThreadCpuTime(renderId) - renderCpu) / 1e6;
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
            watchdog = new Thread(() -> {
                while (on) {
                    if (pendingSince != 0) {
                        java.lang.management.ThreadInfo info = mx.getThreadInfo(fxId, 40);
                        java.lang.management.ThreadInfo render = mx.getThreadInfo(renderId, 40);
                        if (info != null && render != null) {
                            synchronized (current) {
                                if (pendingSince != 0) {
                                    current.add(info.getStackTrace());
                                    currentStates.add(info.getThreadState());
                                    renderCurrent.add(render.getStackTrace());
                                    renderStates.add(render.getThreadState());
                                }
                            }
                        }
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "stall-watchdog");
            watchdog.setDaemon(true);
            watchdog.setPriority(Thread.MAX_PRIORITY);
            thread.start();
            watchdog.start();
        }

        /** Counts the samples of the wait that just ended (caller holds the lock). */
        private void harvest() {
            for (int i = 0; i < current.size(); i++) {
                StackTraceElement[] st = current.get(i);
                String state = currentStates.get(i).toString();
                longSamples++;
                String top = st.length == 0 ? "(no frames)" : frame(st[0]);
                topFrames.merge(state + " " + top, 1, Integer::sum);
                String own = "(no babysitter frame)";
                for (StackTraceElement e : st) {
                    if (e.getClassName().startsWith("babysitter.")) {
                        own = frame(e);
                        break;
                    }
                }
                ownFrames.merge(own, 1, Integer::sum);
                StringBuilder b = new StringBuilder(state);
                for (int k = 0; k < Math.min(st.length, 14); k++) {
                    b.append("\n        at ").append(frame(st[k]));
                }
                stacks.merge(b.toString(), 1, Integer::sum);
            }
            for (int i = 0; i < renderCurrent.size(); i++) {
                StackTraceElement[] st = renderCurrent.get(i);
                String state = renderStates.get(i).toString();
                renderTop.merge(state + " " + (st.length == 0 ? "(no frames)" : frame(st[0])), 1, Integer::sum);
                StringBuilder b = new StringBuilder(state);
                for (int k = 0; k < Math.min(st.length, 22); k++) {
                    b.append("\n        at ").append(frame(st[k]));
                }
                renderStacks.merge(b.toString(), 1, Integer::sum);
            }
        }

        private static String frame(StackTraceElement e) {
            return e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
        }

        double lastCpuMillis() {
            return lastCpuMillis;
        }

        double lastRenderCpuMillis() {
            return lastRenderCpuMillis;
        }

        void printSamples() {
            synchronized (current) {
                System.out.printf("JavaFX thread samples during waits over %.0f ms: %d (every 2 ms)%n", LONG_MS,
                        longSamples);
                print("top frame", topFrames, 12);
                print("first babysitter frame", ownFrames, 12);
                print("stack (top 14 frames)", stacks, 6);
                System.out.println("QuantumRenderer thread, same instants:");
                print("top frame", renderTop, 12);
                print("stack (top 22 frames)", renderStacks, 8);
            }
        }

        private void print(String title, Map<String, Integer> counts, int n) {
            System.out.println(" by " + title + ":");
            counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(n).forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
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
