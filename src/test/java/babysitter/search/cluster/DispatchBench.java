package babysitter.search.cluster;

import babysitter.search.TrialNote;
import babysitter.search.TrialTask;
import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Dispatch overhead of the cluster (docs/PERFORMANCE.md): a coordinator here and K worker JVMs of one
 * slot on loopback, trials that only sleep. Each worker prints, per trial after its first, the time
 * from the start of its previous trial's sleep to the start of this one's: the time per trial of a
 * slot that always finds work on the queue. That minus the sleep is the overhead (reporting the end
 * home, taking and claiming the next task, checking it, reading its configuration, reporting its
 * start). Not a test: run with
 * {@code java -cp target/test-classes:target/classes:<deps> babysitter.search.cluster.DispatchBench K N SLEEP_MS}.
 */
public final class DispatchBench {
    private DispatchBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("worker")) {
            worker(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long sleepMs = args.length > 2 ? Long.parseLong(args[2]) : 200;
        int port = WorkerProcess.freePort();
        Path tmp = Files.createTempDirectory("dispatch-bench-");
        ClusterSpec spec = ClusterSpec.of("bench", List.of("127.0.0.1:" + port), "127.0.0.1:" + port, null);
        List<Double> gaps = new CopyOnWriteArrayList<>();
        List<Process> workers = new ArrayList<>();
        try (ClusterExecutor ex = ClusterExecutor.start(spec, 0, e -> { })) {
            for (int i = 0; i < k; i++) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        DispatchBench.class.getName(), "worker", Integer.toString(port),
                        Integer.toString(WorkerProcess.freePort()), Long.toString(sleepMs))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                workers.add(p);
                Thread t = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            if (line.startsWith("GAP ")) {
                                gaps.add(Double.parseDouble(line.substring(4)));
                            }
                        }
                    } catch (Exception e) {
                        // gone
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            while (ex.members() < k + 1) {
                Thread.sleep(100);
            }
            RunConfig config = ConfigFiles.parse("{\"data\": {\"kind\": \"blobs\", \"n\": 30}}", "bench");
            CountDownLatch done = new CountDownLatch(n);
            long start = System.nanoTime();
            for (int id = 1; id <= n; id++) {
                ex.execute(new TrialTask(id, config, tmp.resolve("runs"), 1), new TrialTask.Callback() {
                    @Override
                    public boolean onEpoch(int trialId, babysitter.search.EpochPoint p, String checkpointId) {
                        return true;
                    }

                    @Override
                    public void onStarted(int trialId, Path runDir) {
                    }

                    @Override
                    public void onFinished(int trialId) {
                        done.countDown();
                    }

                    @Override
                    public void onFailed(int trialId, TrialNote why) {
                        System.err.println("trial " + trialId + " failed: " + why.english());
                        done.countDown();
                    }
                });
            }
            done.await(30, TimeUnit.MINUTES);
            double wall = (System.nanoTime() - start) / 1e9;
            List<Double> over = new ArrayList<>();
            gaps.forEach(g -> over.add(g - sleepMs));
            Collections.sort(over);
            System.out.printf("%d workers x 1 slot, %d trials of %d ms sleep: wall %.2f s (ideal %.2f s)%n", k, n, sleepMs,
                    wall, Math.ceil((double) n / k) * sleepMs / 1000.0);
            System.out.printf("time per trial minus %d ms, per slot (%d gaps): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    sleepMs, over.size(), over.get(over.size() / 2), over.get((int) Math.floor(over.size() * 0.95)),
                    over.get(over.size() - 1));
        } finally {
            workers.forEach(Process::destroy);
        }
    }

    private static void worker(int coordinatorPort, int port, long sleepMs) throws Exception {
        ClusterSpec spec = ClusterSpec.of("bench", List.of("127.0.0.1:" + coordinatorPort), "127.0.0.1:" + port, null);
        long[] lastStart = {0};
        Worker w = Worker.join(spec, 1, Files.createTempDirectory("dispatch-worker-"), line -> { }, (task, cb) -> {
            try {
                Path dir = Files.createDirectories(task.runsRoot().resolve("bench-" + task.config().name()));
                Files.writeString(dir.resolve("run.json"), "{}");
                cb.onStarted(task.trialId(), dir);
                long now = System.nanoTime();
                if (lastStart[0] != 0) {
                    System.out.println("GAP " + (now - lastStart[0]) / 1e6);
                    System.out.flush();
                }
                lastStart[0] = now;
                Thread.sleep(sleepMs);
                cb.onFinished(task.trialId());
            } catch (Exception e) {
                cb.onFailed(task.trialId(), TrialNote.error(e.toString()));
            }
        });
        w.start();
        w.await(15);
        w.close();
        System.exit(0);
    }
}
