package babysitter.search.cluster;

import babysitter.search.EarlyStopping;
import babysitter.search.Method;
import babysitter.search.Search;
import babysitter.search.Settings;
import babysitter.search.TrialState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Faults measured (docs/PERFORMANCE.md): R searches, each with a coordinator here and two worker
 * JVMs of one slot on loopback; one worker is killed with SIGKILL as soon as it has begun its first
 * trial. Counts, over all searches, the trials lost (no result in trials.jsonl) and duplicated (more
 * than one result). Not a test: run with
 * {@code java -cp target/test-classes:target/classes:<deps> babysitter.search.cluster.KillBench R TRIALS EPOCHS}.
 */
public final class KillBench {
    private KillBench() {
    }

    public static void main(String[] args) throws Exception {
        int searches = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path tmp = Files.createTempDirectory("kill-bench-");
        Path secret = Files.writeString(tmp.resolve("lab.secret"), "the bench's secret, at least 16 bytes\n",
                StandardCharsets.UTF_8);
        int lost = 0;
        int duplicated = 0;
        int killsMidTrial = 0;
        for (int r = 1; r <= searches; r++) {
            long t0 = System.nanoTime();
            int port = WorkerProcess.freePort();
            ClusterSpec spec = ClusterSpec.of("lab", List.of("127.0.0.1:" + port), "127.0.0.1:" + port,
                    ClusterSecret.read(secret));
            WorkerProcess[] victim = new WorkerProcess[1];
            int[] killedIn = {-1};
            Path dir = tmp.resolve("s" + r);
            try (ClusterExecutor ex = ClusterExecutor.start(spec, 0, e -> { });
                 WorkerProcess survivor = WorkerProcess.start("lab", port, secret, tmp.resolve("w1-" + r + ".err"), l -> { });
                 WorkerProcess doomed = WorkerProcess.start("lab", port, secret, tmp.resolve("w2-" + r + ".err"), line -> {
                     synchronized (killedIn) {
                         if (line.matches("trial \\d+ started") && killedIn[0] < 0) {
                             killedIn[0] = Integer.parseInt(line.split(" ")[1]);
                             victim[0].kill();
                         }
                     }
                 })) {
                synchronized (killedIn) {
                    victim[0] = doomed;
                }
                while (ex.members() < 3) {
                    Thread.sleep(100);
                }
                try (Search s = Search.create(dir, ClusterSearchTest.space(), Method.RANDOM, trials, 0,
                        new Settings(epochs, 1, EarlyStopping.none(), r))) {
                    s.run(ex);
                    if (s.trials().stream().anyMatch(t -> t.state() != TrialState.DONE)) {
                        System.out.println("search " + r + ": not every trial DONE: " + s.trials());
                    }
                }
            }
            Map<Integer, Integer> finished = ClusterFaultsTest.count(dir, "finished");
            int l = 0;
            int d = 0;
            for (int id = 1; id <= trials; id++) {
                int n = finished.getOrDefault(id, 0);
                l += n == 0 ? 1 : 0;
                d += n > 1 ? 1 : 0;
            }
            int startsOfKilled = killedIn[0] < 0 ? 0 : ClusterFaultsTest.count(dir, "started").getOrDefault(killedIn[0], 0);
            killsMidTrial += startsOfKilled == 2 ? 1 : 0;
            lost += l;
            duplicated += d;
            System.out.printf("search %d: worker killed in trial %d (started %d times), lost %d, duplicated %d, %.1f s%n",
                    r, killedIn[0], startsOfKilled, l, d, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("%d searches of %d trials x %d epochs, a worker killed -9 in each: %d kills mid-trial, "
                + "trials lost %d, duplicated %d%n", searches, trials, epochs, killsMidTrial, lost, duplicated);
        System.exit(lost == 0 && duplicated == 0 ? 0 : 1);
    }
}
