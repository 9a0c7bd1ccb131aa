package babysitter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes on one folder and real memory limits: a second writer of a search is turned away
 * with the first one's process id, a lock left by a killed process does not block, and requests too
 * large to hold are refused in a small heap before anything is allocated.
 */
class TwoProcessesTest {

    static final String SPACE = """
            { "base": { "data": { "kind": "spiral", "n": 120, "devFraction": 0.2 },
                        "network": { "hidden": [ { "units": 8 } ] },
                        "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 }, "epochs": 1 },
              "params": [ { "name": "learningRate", "scale": "log", "min": 0.001, "max": 0.1 } ] }""";

    @Test
    void aSecondWriterOfASearchIsTurnedAwayAndAKilledOneDoesNotBlock(@TempDir Path tmp) throws Exception {
        Path space = tmp.resolve("space.json");
        Files.writeString(space, SPACE);
        Path search = tmp.resolve("search");
        // a search whose trials wait: made, not run
        try (babysitter.search.Search s = babysitter.search.Search.create(search,
                babysitter.search.SearchSpace.read(space), babysitter.search.Method.RANDOM, 3, 0,
                new babysitter.search.Settings(1, 1, babysitter.search.EarlyStopping.none(), 1))) {
            assertThat(s.trials()).hasSize(3);
        }
        Process holder = ChildJvm.start(tmp, "holder", "256m", SearchLockHolderMain.class.getName(), search.toString());
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!ChildJvm.read(tmp, "holder.out").contains("LOCKED")) {
                assertThat(holder.isAlive()).as(ChildJvm.read(tmp, "holder.err")).isTrue();
                assertThat(System.nanoTime()).as("the holder locks the search").isLessThan(deadline);
                Thread.sleep(100);
            }
            ChildJvm.Result second = ChildJvm.run(tmp, "second", "256m", "search", "--resume", search.toString());
            assertThat(second.code()).as(second.err()).isEqualTo(2);
            assertThat(second.err()).contains(search + " is in use by process " + holder.pid()).doesNotContain("\tat ");
            ChildJvm.Result fresh = ChildJvm.run(tmp, "fresh", "256m", "search", "--space", space.toString(), "--out",
                    search.toString(), "--trials", "2");
            assertThat(fresh.code()).as(fresh.err()).isEqualTo(2);
            assertThat(fresh.err()).contains(search + " already holds a search");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // killed with SIGKILL: its lock went with it
        ChildJvm.Result resumed = ChildJvm.run(tmp, "resumed", "384m", "search", "--resume", search.toString(),
                "--parallel", "1");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        Map<Integer, Integer> finished = new HashMap<>();
        for (String line : Files.readAllLines(search.resolve("trials.jsonl"))) {
            JsonNode n = babysitter.store.Json.MAPPER.readTree(line);
            if (n.path("type").asText().equals("finished")) {
                finished.merge(n.path("trial").asInt(), 1, Integer::sum);
            }
        }
        assertThat(finished).as("every trial finished exactly once").containsOnlyKeys(1, 2, 3).allSatisfy((k, v) ->
                assertThat(v).isEqualTo(1));
    }

    @Test
    void requestsTooLargeToHoldAreRefusedInASmallHeapBeforeAllocating(@TempDir Path tmp) throws Exception {
        // one JVM of 64 MB runs a search whose grid would have 10^12 points, a network of 2e9 units and
        // an IDX label file that claims 2^31 - 1 labels
        Path space = tmp.resolve("space.json");
        Files.writeString(space, SPACE.replace("\"params\": [ ", "\"params\": [ { \"name\": \"momentum\", \"scale\":"
                + " \"one_minus_log\", \"min\": 0.8, \"max\": 0.99 }, { \"name\": \"l2\", \"scale\": \"log\", \"min\": 1e-5,"
                + " \"max\": 1e-2 }, { \"name\": \"beta2\", \"scale\": \"one_minus_log\", \"min\": 0.9, \"max\": 0.999 }, "));
        ChildJvm.Result grid = ChildJvm.run(tmp, "grid", "64m", "search", "--space", space.toString(), "--out",
                tmp.resolve("s").toString(), "--grid", "1000");
        assertThat(grid.code()).as(grid.err()).isEqualTo(2);
        assertThat(grid.err()).contains("--grid 1000").contains("1000").doesNotContain("OutOfMemory").doesNotContain("\tat ");
        assertThat(tmp.resolve("s")).doesNotExist();

        Path wide = tmp.resolve("wide.json");
        Files.writeString(wide, "{\"data\": {\"kind\": \"xor\", \"n\": 100}, \"network\": {\"hidden\": [{\"units\": 2000000000}]}}");
        ChildJvm.Result units = ChildJvm.run(tmp, "units", "64m", "train", "--config", wide.toString(), "--out",
                tmp.resolve("runs").toString());
        assertThat(units.code()).as(units.err()).isEqualTo(2);
        assertThat(units.err()).contains("wide.json").contains("network.hidden[0].units").doesNotContain("bad_alloc")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }
}
