package babysitter.search;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {

    static final String BASE = """
            { "data": { "kind": "blobs", "n": 240, "classes": 3, "noise": 0.8, "devFraction": 0.25 },
              "network": { "hidden": [ { "units": 6, "activation": "relu", "batchNorm": false } ] },
              "optimizer": { "kind": "adam", "learningRate": 0.01, "batchSize": 32 },
              "epochs": 2, "seed": 3, "logEvery": 5 }""";

    static SearchSpace space() throws ConfigException {
        return SearchSpace.parse("""
                { "base": %s,
                  "params": [
                    { "name": "learningRate", "scale": "log", "min": 1e-3, "max": 0.1 },
                    { "name": "batchSize", "scale": "pow2", "min": 16, "max": 64 },
                    { "name": "units", "scale": "integer", "min": 4, "max": 12 } ] }""".formatted(BASE), "test", null);
    }

    @Test
    void aSmallRandomSearchFinishesEveryTrialWithItsRunFolder(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        try (Search s = Search.create(dir, space(), Method.RANDOM, 4, 0, new Settings(2, 2, EarlyStopping.none(), 7));
             LocalExecutor ex = new LocalExecutor(2)) {
            s.run(ex);
            List<Trial> trials = s.trials();
            assertThat(trials).hasSize(4);
            for (Trial t : trials) {
                assertThat(t.state()).as(t.note()).isEqualTo(TrialState.DONE);
                assertThat(t.curve()).hasSize(2);
                assertThat(t.runDir()).isDirectory();
                assertThat(t.runDir().getFileName().toString()).endsWith(t.name());
                assertThat(t.bestDevAccuracy()).isBetween(0.0, 1.0);
                assertThat(t.runDir().resolve("checkpoints").resolve(t.bestCheckpoint())).isDirectory();
            }
            assertThat(s.best(2)).hasSize(2);
            assertThat(s.best(2).get(0).bestDevAccuracy()).isGreaterThanOrEqualTo(s.best(2).get(1).bestDevAccuracy());
        }
        assertThat(dir.resolve(Search.SEARCH_JSON)).exists();
        assertThat(Files.readAllLines(dir.resolve(Search.TRIALS_JSONL))).isNotEmpty();
    }

    /** Accuracy rises with log α towards α = 0.1 (the top of the range). */
    static double byRate(TrialTask t, int epoch) {
        double a = t.config().optimizer().learningRate();
        return Math.min(0.99, (Math.log10(a) + 3.5) / 3 * (0.5 + 0.1 * epoch));
    }

    @Test
    void sameSeedSameValuesAndWithOneWorkerIdenticalResults(@TempDir Path tmp) throws Exception {
        List<List<Trial>> runs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            try (Search s = Search.create(tmp.resolve(name), space(), Method.RANDOM, 3, 0,
                    new Settings(2, 1, EarlyStopping.none(), 11)); LocalExecutor ex = new LocalExecutor(1)) {
                s.run(ex);
                runs.add(s.trials());
            }
        }
        for (int i = 0; i < 3; i++) {
            Trial a = runs.get(0).get(i);
            Trial b = runs.get(1).get(i);
            assertThat(a.values()).isEqualTo(b.values());
            assertThat(a.curve().stream().map(p -> List.of(p.trainCost(), p.devCost(), p.devAccuracy())).toList())
                    .isEqualTo(b.curve().stream().map(p -> List.of(p.trainCost(), p.devCost(), p.devAccuracy())).toList());
        }
        try (Search other = Search.create(tmp.resolve("c"), space(), Method.RANDOM, 3, 0,
                new Settings(2, 1, EarlyStopping.none(), 12))) {
            assertThat(other.trials().get(0).values()).isNotEqualTo(runs.get(0).get(0).values());
        }
    }

    @Test
    void aDivergingTrialFailsWithANoteAndTheSearchGoesOn(@TempDir Path tmp) throws Exception {
        SearchSpace s = SearchSpace.parse("""
                { "base": %s,
                  "params": [ { "name": "learningRate", "scale": "log", "min": 1e-2, "max": 1e12 },
                              { "name": "optimizer", "scale": "choice", "choices": ["sgd"] } ] }"""
                .formatted(BASE), "test", null);
        try (Search search = Search.create(tmp.resolve("s"), s, Method.GRID, 0, 2, new Settings(2, 1, EarlyStopping.none(), 1));
             LocalExecutor ex = new LocalExecutor(1)) {
            search.run(ex);
            Trial ok = search.trials().get(0);
            Trial bad = search.trials().get(1);
            assertThat(ok.state()).as(ok.note()).isEqualTo(TrialState.DONE);
            assertThat(bad.state()).isEqualTo(TrialState.FAILED);
            assertThat(bad.note()).startsWith("diverged at epoch 1: cost ").contains("α=1.00e+12");
        }
    }

    @Test
    void anInvalidCombinationFailsWithTheMessage(@TempDir Path tmp) throws Exception {
        SearchSpace s = SearchSpace.parse("""
                { "base": %s,
                  "params": [ { "name": "layers", "scale": "integer", "min": 0, "max": 1 },
                              { "name": "units", "scale": "integer", "min": 4, "max": 4 } ] }"""
                .formatted(BASE), "test", null);
        try (Search search = Search.create(tmp.resolve("s"), s, Method.GRID, 0, 2, new Settings(1, 1, EarlyStopping.none(), 1));
             ScriptedExecutor ex = new ScriptedExecutor(1, (t, e) -> 0.5)) {
            search.run(ex);
            Trial none = search.trials().get(0);
            assertThat(none.values()).containsEntry("layers", 0);
            assertThat(none.state()).isEqualTo(TrialState.FAILED);
            assertThat(none.note()).contains("invalid combination").contains("units").contains("no hidden layer");
            assertThat(search.trials().get(1).state()).isEqualTo(TrialState.DONE);
        }
    }

    @Test
    void medianEarlyStoppingIsRecordedPerTrial(@TempDir Path tmp) throws Exception {
        try (Search search = Search.create(tmp.resolve("s"), space(), Method.RANDOM, 12, 0,
                new Settings(4, 1, EarlyStopping.median(2), 5));
             ScriptedExecutor ex = new ScriptedExecutor(1, SearchTest::byRate)) {
            search.run(ex);
            List<Trial> stopped = search.trials().stream().filter(t -> t.state() == TrialState.STOPPED).toList();
            assertThat(stopped).isNotEmpty();
            for (Trial t : stopped) {
                assertThat(t.note()).contains("median rule");
                assertThat(t.curve()).hasSizeBetween(2, 3);
            }
            assertThat(search.trials()).allMatch(t -> t.state() == TrialState.DONE || t.state() == TrialState.STOPPED);
            // the three first trials have no three others to compare with
            assertThat(search.trials().subList(0, 3)).allMatch(t -> t.state() == TrialState.DONE);
        }
        try (Search reopened = Search.open(tmp.resolve("s"))) {
            List<Trial> stopped = reopened.trials().stream().filter(t -> t.state() == TrialState.STOPPED).toList();
            assertThat(stopped).isNotEmpty();
            // read back with its kind and values, not only as a sentence: the window words it in its language
            assertThat(stopped).allSatisfy(t -> assertThat(t.why().kind()).isEqualTo(TrialNote.Kind.MEDIAN));
        }
    }

    @Test
    void topSpaceIsTheBoxOfTheBestAndANextRoundRunsInIt(@TempDir Path tmp) throws Exception {
        try (Search search = Search.create(tmp.resolve("s"), space(), Method.RANDOM, 20, 0,
                new Settings(2, 2, EarlyStopping.none(), 5));
             ScriptedExecutor ex = new ScriptedExecutor(2, (t, e) -> t.config().optimizer().learningRate() * 5)) {
            search.run(ex);
            Trial best = search.best(1).get(0);
            double rate = (Double) best.values().get("learningRate");
            assertThat(search.trials().stream().mapToDouble(t -> (Double) t.values().get("learningRate")).max().orElseThrow())
                    .isEqualTo(rate);
            SearchSpace top = search.topSpace(0, 5);
            List<Trial> five = search.best(0, 5);
            assertThat(top.param("learningRate").max()).isEqualTo(rate);
            assertThat(top.param("learningRate").min()).isEqualTo(
                    five.stream().mapToDouble(t -> (Double) t.values().get("learningRate")).min().orElseThrow());
            Round r2 = search.addRound(top, Method.RANDOM, 4, 0, "top 5 of round 1");
            assertThat(r2.index()).isEqualTo(1);
            search.run(ex);
            assertThat(search.trials(1)).hasSize(4).allMatch(t -> t.state() == TrialState.DONE && t.id() > 20);
            assertThat(search.rounds()).hasSize(2);
        }
    }

    @Test
    void edgeWarningsNameEachParameterWhoseBestValueSitsAtAnEnd(@TempDir Path tmp) throws Exception {
        // the grid holds both ends of every range; the best point: the largest α, the smallest batch, units in the middle
        try (Search search = Search.create(tmp.resolve("g"), space(), Method.GRID, 0, 3,
                new Settings(1, 1, EarlyStopping.none(), 5));
             ScriptedExecutor ex = new ScriptedExecutor(2, (t, e) -> {
                 var o = t.config().optimizer();
                 int units = t.config().network().hidden().get(0).units();
                 return o.learningRate() * 2 + (o.batchSize() == 16 ? 0.5 : 0) + (units == 8 ? 0.2 : 0);
             })) {
            search.run(ex);
            Trial best = search.best(1).get(0);
            assertThat(best.values()).containsEntry("learningRate", 0.1).containsEntry("batchSize", 16).containsEntry("units", 8);
            List<EdgeWarning> w = search.edgeWarnings(0);
            assertThat(w).extracting(EdgeWarning::param).containsExactly("learningRate", "batchSize");
            assertThat(w.get(0).side()).isEqualTo(Param.Edge.HIGH);
            assertThat(w.get(0).message()).isEqualTo("learningRate: the best trial (#" + best.id() + ", learningRate = 0.1)"
                    + " sits at the top of its range"
                    + " [0.001, 0.1]: grow the range, don't shrink it");
            assertThat(w.get(1).side()).isEqualTo(Param.Edge.LOW);
            assertThat(w.get(1).message()).contains("batchSize: the best trial (#" + best.id() + ", batchSize = 16) sits at the bottom of its range [16, 64]");
            assertThat(w.get(1).value()).isEqualTo(16);
        }
    }

    @Test
    void aCancelledSearchReopensAndFinishesEveryTrialOnce(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        CountDownLatch twoEpochs = new CountDownLatch(3);
        List<Trial> seen = new CopyOnWriteArrayList<>();
        try (Search s = Search.create(dir, space(), Method.RANDOM, 8, 0, new Settings(3, 2, EarlyStopping.none(), 9));
             ScriptedExecutor ex = new ScriptedExecutor(2, (t, e) -> {
                 try {
                     Thread.sleep(30);
                 } catch (InterruptedException ie) {
                     Thread.currentThread().interrupt();
                 }
                 return byRate(t, e);
             })) {
            s.addListener(new SearchListener() {
                @Override
                public void onTrial(Trial t) {
                    seen.add(t);
                    if (t.state() == TrialState.DONE) {
                        twoEpochs.countDown();
                    }
                }
            });
            Thread runner = new Thread(() -> {
                try {
                    s.run(ex);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            runner.start();
            assertThat(twoEpochs.await(20, TimeUnit.SECONDS)).isTrue();
            s.cancel();
            runner.join(20_000);
            assertThat(runner.isAlive()).isFalse();
            long finished = s.trials().stream().filter(t -> t.state().finished()).count();
            assertThat(finished).isBetween(3L, 7L);
            assertThat(s.trials()).noneMatch(t -> t.state() == TrialState.RUNNING);
        }
        Map<Integer, Map<String, Object>> values = new HashMap<>();
        try (Search s = Search.open(dir); ScriptedExecutor ex = new ScriptedExecutor(2, SearchTest::byRate)) {
            s.trials().forEach(t -> values.put(t.id(), t.values()));
            assertThat(s.trials()).filteredOn(t -> !t.state().finished()).allMatch(t -> t.state() == TrialState.PENDING
                    && t.curve().isEmpty() && t.runDir() == null);
            s.run(ex);
            assertThat(s.trials()).hasSize(8).allMatch(t -> t.state() == TrialState.DONE && t.curve().size() == 3);
        }
        // the log: every trial created once and finished exactly once, its curve complete
        Map<Integer, Integer> finishedLines = new HashMap<>();
        for (JsonNode n : TrialLog.read(dir.resolve(Search.TRIALS_JSONL))) {
            if (n.path("type").asText().equals("finished")) {
                finishedLines.merge(n.path("trial").asInt(), 1, Integer::sum);
            }
        }
        assertThat(finishedLines).hasSize(8).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        try (Search s = Search.open(dir)) {
            assertThat(s.trials()).allMatch(t -> t.state() == TrialState.DONE && t.curve().size() == 3);
            s.trials().forEach(t -> assertThat(t.values()).isEqualTo(values.get(t.id())));
        }
    }

    @Test
    void aTornLastLineIsSkippedAndCutBeforeAppending(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        try (Search s = Search.create(dir, space(), Method.RANDOM, 2, 0, new Settings(2, 1, EarlyStopping.none(), 9));
             ScriptedExecutor ex = new ScriptedExecutor(1, SearchTest::byRate)) {
            s.run(ex);
        }
        Files.writeString(dir.resolve(Search.TRIALS_JSONL), "{\"type\":\"finished\",\"tri",
                java.nio.file.StandardOpenOption.APPEND);
        try (Search s = Search.open(dir)) {
            assertThat(s.trials()).hasSize(2).allMatch(t -> t.state() == TrialState.DONE);
            s.addRound(s.topSpace(0, 2), Method.RANDOM, 1, 0, "top 2 of round 1");
        }
        try (Search s = Search.open(dir)) {
            assertThat(s.trials()).hasSize(3);
            assertThat(s.rounds()).hasSize(2);
            assertThat(s.rounds().get(1).origin()).isEqualTo("top 2 of round 1");
            assertThat(s.rounds().get(1).space()).isEqualTo(s.topSpace(0, 2));
        }
    }

    @Test
    void createRefusesAFolderWithASearch(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        Search.create(dir, space(), Method.RANDOM, 1, 0, new Settings(1, 1, null, 1)).close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Search.create(dir, space(), Method.RANDOM, 1, 0,
                new Settings(1, 1, null, 1))).hasMessageContaining("already holds a search");
    }
}
