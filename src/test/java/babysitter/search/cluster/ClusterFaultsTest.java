package babysitter.search.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.cli.Cli;
import babysitter.search.EarlyStopping;
import babysitter.search.Method;
import babysitter.search.Search;
import babysitter.search.Settings;
import babysitter.search.TrialState;
import babysitter.session.configuration.Release;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults across processes on 127.0.0.1 (random free ports): a worker stopped by SIGTERM (Ctrl+C)
 * hands its running trial back; a coordinator killed mid-search is resumed by {@code search
 * --resume} with the workers that stayed; a worker of another version is refused, naming both
 * versions; a coordinator that started alone and merged into the workers' cluster later (Hazelcast
 * renews its member UUID then) still gets its trials back.
 */
class ClusterFaultsTest {
    private static final String SECRET = "the lab's secret, shared by every member\n";

    private static Path secret(Path tmp) throws IOException {
        return Files.writeString(tmp.resolve("lab.secret"), SECRET, StandardCharsets.UTF_8);
    }

    private static ClusterSpec spec(int bindPort, Path secret, int... memberPorts) throws IOException {
        List<String> members = new ArrayList<>();
        for (int p : memberPorts) {
            members.add("127.0.0.1:" + p);
        }
        return ClusterSpec.of("lab", members, "127.0.0.1:" + bindPort, ClusterSecret.read(secret));
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aWorkerStoppedBySigtermHandsItsRunningTrialBackAndItFinishesElsewhereOnce(@TempDir Path tmp) throws Exception {
        Path secret = secret(tmp);
        int port = WorkerProcess.freePort();
        List<String> events = new CopyOnWriteArrayList<>();
        WorkerProcess[] stopped = new WorkerProcess[1];
        int[] stoppedIn = {-1};
        try (ClusterExecutor ex = ClusterExecutor.start(spec(port, secret, port), 0, e -> events.add(e.toString()));
             WorkerProcess survivor = WorkerProcess.start("lab", port, secret, tmp.resolve("w1.err"), l -> { });
             WorkerProcess leaving = WorkerProcess.start("lab", port, secret, tmp.resolve("w2.err"), line -> {
                 if (line.matches("trial \\d+ started") && stoppedIn[0] < 0) {
                     stoppedIn[0] = Integer.parseInt(line.split(" ")[1]);
                     stopped[0].terminate();
                 }
             })) {
            stopped[0] = leaving;
            awaitMembers(ex, 3, tmp, survivor, leaving);
            try (Search s = Search.create(tmp.resolve("s"), ClusterSearchTest.space(), Method.RANDOM, 4, 0,
                    new Settings(40, 1, EarlyStopping.none(), 9))) {
                s.run(ex);
                assertThat(s.trials()).allSatisfy(t -> {
                    assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE);
                    assertThat(t.curve()).hasSize(40);
                });
            }
            assertThat(stoppedIn[0]).as("the leaving worker took a trial; its output: " + leaving.lines()).isPositive();
            assertThat(leaving.awaitExit(60)).as("exit status after SIGTERM").isEqualTo(143);
            assertThat(leaving.lines()).as("its stderr: " + Files.readString(tmp.resolve("w2.err")))
                    .contains("leaving cluster lab: running trials go back to the queue");
            assertThat(survivor.trialsStarted()).contains(stoppedIn[0]);
            assertThat(survivor.awaitExit(60)).isZero();
        }
        Map<Integer, Integer> finished = count(tmp.resolve("s"), "finished");
        assertThat(finished).hasSize(4).allSatisfy((id, n) -> assertThat(n).as("results of trial " + id).isEqualTo(1));
        assertThat(count(tmp.resolve("s"), "started").get(stoppedIn[0])).as("the handed-back trial started twice").isEqualTo(2);
        assertThat(notes(tmp.resolve("s"), "cancelled")).anyMatch(n -> n.contains("shut down"));
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aCoordinatorKilledMidSearchIsResumedWithTheWorkersThatStayed(@TempDir Path tmp) throws Exception {
        Path secret = secret(tmp);
        Path space = tmp.resolve("space.json");
        Files.writeString(space, ClusterSearchTest.SPACE_JSON);
        Path dir = tmp.resolve("s");
        int coordinatorPort = WorkerProcess.freePort();
        int w1Port = WorkerProcess.freePort();
        Process[] coordinator = new Process[1];
        boolean[] killed = {false};
        try (WorkerProcess w1 = WorkerProcess.start("lab", w1Port, List.of(coordinatorPort), secret, tmp.resolve("w1.err"),
                l -> { }, List.of());
             WorkerProcess w2 = WorkerProcess.start("lab", List.of(w1Port), secret, tmp.resolve("w2.err"), line -> {
                 // kill -9 the coordinator as soon as this worker has a trial under way
                 synchronized (killed) {
                     if (line.matches("trial \\d+ started") && !killed[0]) {
                         killed[0] = true;
                         coordinator[0].destroyForcibly();
                     }
                 }
             }, List.of())) {
            awaitLine(w2, "2 member(s)", 90);
            synchronized (killed) {
                coordinator[0] = cli(tmp, "coordinator", "search", "--space", space.toString(), "--trials", "6",
                        "--epochs", "40", "--seed", "9", "--out", dir.toString(), "--cluster", "lab",
                        "--members", "127.0.0.1:" + w1Port, "--bind", "127.0.0.1:" + coordinatorPort, "--slots", "0",
                        "--secret-file", secret.toString());
            }
            assertThat(coordinator[0].waitFor(120, TimeUnit.SECONDS)).as("the coordinator was killed; its output: "
                    + Files.readString(tmp.resolve("coordinator.out"))).isTrue();
            assertThat(coordinator[0].exitValue()).isEqualTo(137);
            assertThat(count(dir, "finished").size()).as("trials finished before the kill").isLessThan(6);

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(new String[] {"search", "--resume", dir.toString(), "--cluster", "lab",
                    "--members", "127.0.0.1:" + w1Port, "--bind", "127.0.0.1:" + WorkerProcess.freePort(), "--slots", "0",
                    "--secret-file", secret.toString()}, new PrintWriter(out), new PrintWriter(err));
            assertThat(code).as("resume: " + out + err).isZero();
            assertThat(w1.trialsStarted().size() + w2.trialsStarted().size())
                    .as("every trial started once, and the one under way at the kill again after the resume")
                    .isGreaterThanOrEqualTo(7);
        }
        try (Search s = Search.open(dir)) {
            assertThat(s.trials()).hasSize(6).allSatisfy(t -> {
                assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE);
                assertThat(t.curve()).hasSize(40);
            });
        }
        assertThat(count(dir, "finished")).hasSize(6).allSatisfy((id, n) -> assertThat(n).as("results of trial " + id).isEqualTo(1));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aWorkerOfAnotherVersionIsRefusedNamingBothVersions(@TempDir Path tmp) throws Exception {
        Path secret = secret(tmp);
        int port = WorkerProcess.freePort();
        try (ClusterExecutor ex = ClusterExecutor.start(spec(port, secret, port), 0, line -> { });
             WorkerProcess other = WorkerProcess.start("lab", List.of(port), secret, tmp.resolve("w.err"), l -> { },
                     List.of("-Dbabysitter.cluster.version=0.1.9-older"))) {
            assertThat(other.awaitExit(90)).as("a usage error").isEqualTo(Cli.USAGE);
            String err = Files.readString(tmp.resolve("w.err"));
            assertThat(err).contains("this member runs Babysitter 0.1.9-older but 127.0.0.1:" + port + " runs Babysitter "
                    + Release.VERSION + ": every member of a cluster must run the same version");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ex.members() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ex.members()).as("the refused worker left").isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aCoordinatorThatStartedAloneAndMergedIntoTheWorkersClusterGetsItsTrialsBack(@TempDir Path tmp) throws Exception {
        Path secret = secret(tmp);
        int coordinatorPort = WorkerProcess.freePort();
        int w1Port = WorkerProcess.freePort();
        int w2Port = WorkerProcess.freePort();
        List<String> events = new CopyOnWriteArrayList<>();
        // the workers are not up yet: the coordinator founds a cluster of its own and queues its trials there
        try (ClusterExecutor ex = ClusterExecutor.start(spec(coordinatorPort, secret, w1Port), 0, e -> events.add(e.toString()));
             Search s = Search.create(tmp.resolve("s"), ClusterSearchTest.space(), Method.RANDOM, 4, 0,
                     new Settings(3, 1, EarlyStopping.none(), 9))) {
            assertThat(ex.members()).isEqualTo(1);
            Thread search = new Thread(() -> {
                try {
                    s.run(ex);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "search");
            search.start();
            // the workers name only each other: two of them make the bigger cluster, into which the coordinator merges
            // (they wait up to 60 s for a trial: the merge comes 10 s or more after they have met)
            try (WorkerProcess w1 = WorkerProcess.start("lab", w1Port, List.of(w2Port), secret, tmp.resolve("w1.err"),
                    l -> { }, List.of(), 60);
                 WorkerProcess w2 = WorkerProcess.start("lab", w2Port, List.of(w1Port), secret, tmp.resolve("w2.err"),
                         l -> { }, List.of(), 60)) {
                search.join(TimeUnit.SECONDS.toMillis(120));
                assertThat(search.isAlive()).as("the search finished; the workers said " + w1.lines() + w2.lines()
                        + "; the coordinator: " + events).isFalse();
                assertThat(ex.members()).isEqualTo(3);
                assertThat(s.trials()).allSatisfy(t -> assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE));
                assertThat(w1.trialsStarted().size() + w2.trialsStarted().size()).isEqualTo(4);
            }
        }
    }

    /** Waits for the workers to join (on a machine shared with other builds a JVM can take a minute to start). */
    private static void awaitMembers(ClusterExecutor ex, int n, Path tmp, WorkerProcess... workers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (ex.members() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        StringBuilder said = new StringBuilder();
        for (int i = 0; i < workers.length; i++) {
            said.append("\nworker ").append(i + 1).append(" (alive ").append(workers[i].alive()).append("): ")
                    .append(workers[i].lines()).append("; stderr: ").append(ChildOutput.tail(tmp.resolve("w" + (i + 1) + ".err")));
        }
        assertThat(ex.members()).as("members that joined" + said).isEqualTo(n);
    }

    private static void awaitLine(WorkerProcess w, String part, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (w.lines().stream().noneMatch(l -> l.contains(part)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(w.lines()).anyMatch(l -> l.contains(part));
    }

    /** The program in a JVM of its own, its output in {@code tmp/name.out} and {@code .err}. */
    private static Process cli(Path tmp, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "babysitter.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** Lines of {@code type} in the search's trials.jsonl, by trial. */
    static Map<Integer, Integer> count(Path search, String type) throws IOException {
        Map<Integer, Integer> n = new TreeMap<>();
        Path log = search.resolve(Search.TRIALS_JSONL);
        if (!Files.exists(log)) {
            return n;
        }
        for (String line : Files.readAllLines(log)) {
            try {
                JsonNode j = Json.MAPPER.readTree(line);
                if (j.path("type").asText().equals(type)) {
                    n.merge(j.path("trial").asInt(), 1, Integer::sum);
                }
            } catch (IOException torn) {
                // a line cut by the kill
            }
        }
        return n;
    }

    private static List<String> notes(Path search, String type) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(search.resolve(Search.TRIALS_JSONL))) {
            JsonNode j = Json.MAPPER.readTree(line);
            if (j.path("type").asText().equals(type)) {
                out.add(j.path("note").asText());
            }
        }
        return out;
    }
}
