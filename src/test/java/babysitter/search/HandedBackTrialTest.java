package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial handed back by its executor (its cluster member left) is pending again, runs again from
 * scratch, and ends once: one result per trial in trials.jsonl, and the log replays to the same.
 */
class HandedBackTrialTest {
    @Test
    void aHandedBackTrialRunsAgainAndEndsOnce(@TempDir Path tmp) throws Exception {
        Set<Integer> handedBack = ConcurrentHashMap.newKeySet();
        TrialExecutor losesTrial2Once = new TrialExecutor() {
            private final ScriptedExecutor inner = new ScriptedExecutor(2, (task, e) -> 0.5 + 0.01 * e);

            @Override
            public int workers() {
                return 2;
            }

            @Override
            public void execute(TrialTask task, TrialTask.Callback cb) {
                if (task.trialId() == 2 && handedBack.add(2)) {
                    new Thread(() -> {
                        try {
                            cb.onStarted(2, Files.createDirectories(task.runsRoot().resolve("lost-attempt")));
                            cb.onEpoch(2, new EpochPoint(1, 0.9, 0.9, 0.1, 0.01), "epoch-0001");
                            cb.onReturned(2, TrialNote.memberLeft());
                        } catch (Exception e) {
                            cb.onFailed(2, TrialNote.error(e.toString()));
                        }
                    }).start();
                    return;
                }
                inner.execute(task, cb);
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        Path dir = tmp.resolve("s");
        try (Search s = Search.create(dir, SearchTest.space(), Method.RANDOM, 3, 0, new Settings(3, 2, EarlyStopping.none(), 4));
             losesTrial2Once) {
            s.run(losesTrial2Once);
            assertThat(s.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.DONE));
            Trial t2 = s.trial(2);
            assertThat(t2.curve()).extracting(EpochPoint::epoch).containsExactly(1, 2, 3);
            assertThat(t2.runDir().getFileName().toString()).isNotEqualTo("lost-attempt");
        }
        Map<Integer, Integer> finished = new HashMap<>();
        int cancelled = 0;
        for (String line : Files.readAllLines(dir.resolve(Search.TRIALS_JSONL))) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.path("type").asText().equals("finished")) {
                finished.merge(n.path("trial").asInt(), 1, Integer::sum);
            }
            if (n.path("type").asText().equals("cancelled")) {
                cancelled++;
                assertThat(n.path("note").asText()).isEqualTo("its member left the cluster; restarts from scratch");
            }
        }
        assertThat(finished).containsOnly(Map.entry(1, 1), Map.entry(2, 1), Map.entry(3, 1));
        assertThat(cancelled).isEqualTo(1);
        try (Search reopened = Search.open(dir)) {
            assertThat(reopened.trial(2).state()).isEqualTo(TrialState.DONE);
            assertThat(reopened.trial(2).curve()).hasSize(3);
        }
    }
}
