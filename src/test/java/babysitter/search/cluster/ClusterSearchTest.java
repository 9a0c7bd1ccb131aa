package babysitter.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.search.EarlyStopping;
import babysitter.search.EpochPoint;
import babysitter.search.LocalExecutor;
import babysitter.search.Method;
import babysitter.search.Search;
import babysitter.search.SearchSpace;
import babysitter.search.Settings;
import babysitter.search.Trial;
import babysitter.search.TrialState;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator here and worker JVMs on 127.0.0.1 (random free ports): a search runs across the
 * members and gives the local pool's numbers and files; a member with another secret is never let
 * in; a worker killed mid-trial has its trial finished elsewhere, once.
 */
class ClusterSearchTest {
    private static final String BASE = """
            { "data": { "kind": "blobs", "n": 240, "classes": 3, "noise": 0.8, "devFraction": 0.25 },
              "network": { "hidden": [ { "units": 6, "activation": "relu", "batchNorm": false } ] },
              "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
              "epochs": 2, "seed": 3, "logEvery": 5 }""";

    /** A small space over blobs, as a space file's text. */
    static final String SPACE_JSON = """
            { "base": %s,
              "params": [
                { "name": "learningRate", "scale": "log", "min": 1e-3, "max": 0.1 },
                { "name": "units", "scale": "integer", "min": 4, "max": 12 } ] }""".formatted(BASE);

    static SearchSpace space() throws Exception {
        return SearchSpace.parse(SPACE_JSON, "test", null);
    }

    private static Path secret(Path tmp, String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aSearchRunsAcrossTwoWorkersWithTheLocalPoolsResultsAndRefusesAnotherSecret(@TempDir Path tmp) throws Exception {
        Path good = secret(tmp, "lab.secret", "the lab's secret, shared by every member\n");
        Path bad = secret(tmp, "other.secret", "a guess at the secret that is not it\n");
        int port = WorkerProcess.freePort();
        Settings settings = new Settings(3, 1, EarlyStopping.none(), 5);
        List<String> events = new CopyOnWriteArrayList<>();
        ClusterSpec spec = ClusterSpec.of("lab", List.of("127.0.0.1:" + port), "127.0.0.1:" + port, ClusterSecret.read(good));
        try (ClusterExecutor ex = ClusterExecutor.start(spec, 0, e -> events.add(e.toString()));
             WorkerProcess w1 = WorkerProcess.start("lab", port, good, tmp.resolve("w1.err"), l -> { });
             WorkerProcess w2 = WorkerProcess.start("lab", port, good, tmp.resolve("w2.err"), l -> { });
             WorkerProcess intruder = WorkerProcess.start("lab", port, bad, tmp.resolve("w3.err"), l -> { })) {
            awaitMembers(ex, 3, w1, w2);
            try (Search s = Search.create(tmp.resolve("cluster"), space(), Method.RANDOM, 6, 0, settings)) {
                s.run(ex);
                assertThat(s.trials()).allSatisfy(t -> assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE));
            }
            assertThat(ex.members()).as("the member with another secret never joined").isEqualTo(3);
            assertThat(w1.awaitExit(60)).as("w1 leaves by itself; stderr: " + Files.readString(tmp.resolve("w1.err"))).isZero();
            assertThat(w2.awaitExit(60)).isZero();
            assertThat(intruder.awaitExit(60)).isZero();
            assertThat(w1.trialsStarted()).isNotEmpty();
            assertThat(w2.trialsStarted()).isNotEmpty();
            assertThat(w1.trialsStarted().size() + w2.trialsStarted().size()).isEqualTo(6);
            assertThat(intruder.trialsStarted()).isEmpty();
            assertThat(intruder.lines()).anyMatch(l -> l.contains("1 member(s) (alone"));
        }
        try (Search s = Search.create(tmp.resolve("local"), space(), Method.RANDOM, 6, 0, settings);
             LocalExecutor local = new LocalExecutor(1)) {
            s.run(local);
        }
        try (Search cluster = Search.open(tmp.resolve("cluster")); Search local = Search.open(tmp.resolve("local"))) {
            for (Trial l : local.trials()) {
                Trial c = cluster.trial(l.id());
                assertThat(c.values()).isEqualTo(l.values());
                assertThat(bits(c.curve())).as("trial " + l.id()).isEqualTo(bits(l.curve()));
                assertThat(c.bestCheckpoint()).isEqualTo(l.bestCheckpoint());
                assertThat(c.runDir().getParent()).isEqualTo(tmp.resolve("cluster").resolve(Search.RUNS));
                assertThat(npyFiles(c.runDir())).as("weights and optimiser state of trial " + l.id())
                        .isEqualTo(npyFiles(l.runDir()));
                assertThat(lineCount(c.runDir().resolve("metrics.jsonl"))).isEqualTo(lineCount(l.runDir().resolve("metrics.jsonl")));
                assertThat(lineCount(c.runDir().resolve("events.jsonl"))).isEqualTo(lineCount(l.runDir().resolve("events.jsonl")));
            }
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aWorkerKilledMidTrialHasItsTrialFinishedElsewhereOnce(@TempDir Path tmp) throws Exception {
        Path good = secret(tmp, "lab.secret", "the lab's secret, shared by every member\n");
        int port = WorkerProcess.freePort();
        List<String> events = new CopyOnWriteArrayList<>();
        ClusterSpec spec = ClusterSpec.of("lab", List.of("127.0.0.1:" + port), "127.0.0.1:" + port, ClusterSecret.read(good));
        WorkerProcess[] victim = new WorkerProcess[1];
        int[] killedIn = {-1};
        try (ClusterExecutor ex = ClusterExecutor.start(spec, 0, e -> events.add(e.toString()));
             WorkerProcess survivor = WorkerProcess.start("lab", port, good, tmp.resolve("w1.err"), l -> { });
             WorkerProcess doomed = WorkerProcess.start("lab", port, good, tmp.resolve("w2.err"), line -> {
                 // kill -9 once its first trial has begun at home and the search has logged that start:
                 // mid-trial (40 epochs), its run folder half sent (killed before its start reached
                 // the search, the trial would have started only once, on the survivor)
                 if (line.matches("trial \\d+ started") && killedIn[0] < 0) {
                     killedIn[0] = Integer.parseInt(line.split(" ")[1]);
                     awaitLoggedStart(tmp.resolve("s").resolve(Search.TRIALS_JSONL), killedIn[0]);
                     victim[0].kill();
                 }
             })) {
            victim[0] = doomed;
            awaitMembers(ex, 3, survivor, doomed);
            try (Search s = Search.create(tmp.resolve("s"), space(), Method.RANDOM, 6, 0,
                    new Settings(40, 1, EarlyStopping.none(), 9))) {
                s.run(ex);
                assertThat(s.trials()).allSatisfy(t -> {
                    assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE);
                    assertThat(t.curve()).hasSize(40);
                });
            }
            assertThat(killedIn[0]).as("the doomed worker took a trial; its output: " + doomed.lines()).isPositive();
            assertThat(doomed.awaitExit(30)).isEqualTo(137);
            assertThat(events).anyMatch(e -> e.equals("trial " + killedIn[0] + " goes back to the queue: its member left"));
            assertThat(survivor.trialsStarted()).contains(killedIn[0]);
            assertThat(survivor.awaitExit(60)).isZero();
        }
        Map<Integer, Integer> finished = new TreeMap<>();
        Map<Integer, Integer> started = new HashMap<>();
        List<String> startedOn = new ArrayList<>();
        for (String line : Files.readAllLines(tmp.resolve("s").resolve(Search.TRIALS_JSONL))) {
            JsonNode n = Json.MAPPER.readTree(line);
            String type = n.path("type").asText();
            if (type.equals("finished")) {
                finished.merge(n.path("trial").asInt(), 1, Integer::sum);
            } else if (type.equals("started")) {
                started.merge(n.path("trial").asInt(), 1, Integer::sum);
                if (n.path("trial").asInt() == killedIn[0]) {
                    startedOn.add(n.path("member").asText());
                }
            }
        }
        assertThat(finished).hasSize(6).allSatisfy((id, n) -> assertThat(n).as("results of trial " + id).isEqualTo(1));
        assertThat(started.get(killedIn[0])).as("the killed trial started twice").isEqualTo(2);
        assertThat(startedOn).as("the log names the member of each start: the killed one, then the survivor")
                .hasSize(2).allMatch(m -> m.matches("127\\.0\\.0\\.1:\\d+")).doesNotHaveDuplicates();
        try (Stream<Path> runs = Files.list(tmp.resolve("s").resolve(Search.RUNS))) {
            assertThat(runs.filter(p -> p.getFileName().toString().contains("trial-%04d".formatted(killedIn[0]))))
                    .as("the killed attempt's partial run folder stays, the second attempt has its own").hasSize(2);
        }
    }

    /** Waits (at most 10 s) until the search's log has a start of {@code trial}. */
    private static void awaitLoggedStart(Path trialsLog, int trial) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try {
                for (String line : Files.readAllLines(trialsLog)) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    if (n.path("type").asText().equals("started") && n.path("trial").asInt() == trial) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not written yet, or a line half written: look again
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void awaitMembers(ClusterExecutor ex, int n, WorkerProcess... workers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (ex.members() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ex.members()).as("members that joined; the workers said: "
                + java.util.Arrays.stream(workers).map(WorkerProcess::lines).toList()).isEqualTo(n);
    }

    private static List<List<Long>> bits(List<EpochPoint> curve) {
        return curve.stream().map(p -> List.of(p.epoch() + 0L, Double.doubleToRawLongBits(p.trainCost()),
                Double.doubleToRawLongBits(p.devCost()), Double.doubleToRawLongBits(p.devAccuracy()))).toList();
    }

    /** Every .npy file of a run folder by its path inside it, as bytes in hex. */
    private static Map<String, String> npyFiles(Path runDir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(runDir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".npy")).toList()) {
                out.put(runDir.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static long lineCount(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }
}
