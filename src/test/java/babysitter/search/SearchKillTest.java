package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a searching process with SIGKILL in the middle of a trial, reopens the search and
 * finishes it: every trial ends with exactly one finished record, and the interrupted trial,
 * restarted from scratch, trains exactly as in a search that was never killed.
 */
class SearchKillTest {
    private static final int TRIALS = 4;
    private static final int EPOCHS = 6;

    @Test
    void aKilledSearchResumesAndFinishesEveryTrialOnce(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("killed");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = tmp.resolve("child-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SearchKillMain.class.getName(),
                dir.toString(), Integer.toString(TRIALS), Integer.toString(EPOCHS)).redirectError(stderr.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        int killedIn = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int finished = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("FINISHED ")) {
                    finished++;
                }
                // kill in the middle of the third trial
                if (finished >= 2 && line.startsWith("EPOCH ") && line.endsWith(" " + (EPOCHS / 2))) {
                    killedIn = Integer.parseInt(line.split(" ")[1]);
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        if (killedIn < 0) {
            fail("the search process ended before it could be killed; stderr: " + Files.readString(stderr));
        }
        assertThat(p.exitValue()).isEqualTo(137);

        try (Search s = Search.open(dir)) {
            Trial interrupted = s.trial(killedIn);
            assertThat(interrupted.state()).isEqualTo(TrialState.PENDING);
            assertThat(interrupted.curve()).isEmpty();
            assertThat(s.trials().stream().filter(t -> t.state() == TrialState.DONE).count()).isGreaterThanOrEqualTo(2);
            try (LocalExecutor ex = new LocalExecutor(1)) {
                s.run(ex);
            }
            assertThat(s.trials()).hasSize(TRIALS).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.DONE);
                assertThat(t.curve()).extracting(EpochPoint::epoch).containsExactly(1, 2, 3, 4, 5, 6);
                assertThat(t.runDir().resolve("checkpoints").resolve(t.bestCheckpoint())).isDirectory();
            });
        }
        Map<Integer, Integer> finishedLines = new HashMap<>();
        for (JsonNode n : TrialLog.read(dir.resolve(Search.TRIALS_JSONL))) {
            if (n.path("type").asText().equals("finished")) {
                finishedLines.merge(n.path("trial").asInt(), 1, Integer::sum);
            }
        }
        assertThat(finishedLines).hasSize(TRIALS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));

        // the same search never killed: the same values and the same curves
        try (Search ref = Search.create(tmp.resolve("reference"), SearchTest.space(), Method.RANDOM, TRIALS, 0,
                new Settings(EPOCHS, 1, EarlyStopping.none(), 21)); LocalExecutor ex = new LocalExecutor(1);
             Search resumed = Search.open(dir)) {
            ref.run(ex);
            for (int id = 1; id <= TRIALS; id++) {
                Trial a = ref.trial(id);
                Trial b = resumed.trial(id);
                assertThat(b.values()).isEqualTo(a.values());
                assertThat(costs(b.curve())).as("trial " + id).isEqualTo(costs(a.curve()));
            }
        }
    }

    private static List<List<Double>> costs(List<EpochPoint> curve) {
        return curve.stream().map(p -> List.of(p.trainCost(), p.devCost(), p.devAccuracy())).toList();
    }
}
