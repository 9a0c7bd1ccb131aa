package babysitter.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import babysitter.plot.Ticks;
import babysitter.search.EpochPoint;
import babysitter.search.Method;
import babysitter.search.Param;
import babysitter.search.Round;
import babysitter.search.SearchSpace;
import babysitter.search.Trial;
import babysitter.search.TrialNote;
import babysitter.search.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Search window's view-model without a toolkit and without training: trials are made by hand. */
class SearchViewModelTest {
    static final String SPACE = """
            { "base": { "name": "spiral",
                        "data": { "kind": "spiral", "n": 120, "arms": 2, "noise": 0.2, "devFraction": 0.25 },
                        "network": { "hidden": [ { "units": 8, "activation": "relu", "batchNorm": true } ] },
                        "optimizer": { "kind": "momentum", "learningRate": 0.01, "batchSize": 32 },
                        "epochs": 2, "seed": 1 },
              "params": [
                { "name": "learningRate", "scale": "log", "min": 1e-4, "max": 1 },
                { "name": "momentum", "scale": "one-minus-log", "min": 0.9, "max": 0.999 },
                { "name": "batchSize", "scale": "pow2", "min": 16, "max": 256 },
                { "name": "optimizer", "scale": "choice", "choices": ["momentum", "adam"] } ] }
            """;

    @TempDir
    Path dir;
    private SearchSpace space;
    private SearchViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        space = SearchSpace.parse(SPACE, "test space", dir);
        vm = new SearchViewModel(Runnable::run, Runnable::run,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), n -> {
                    throw new AssertionError("no search runs in these tests");
                });
        vm.show(List.of(new Round(0, space, Method.RANDOM, 4, 0, "initial")), List.of());
    }

    static Map<String, Object> values(double lr, double beta, int batch, String optimizer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", lr);
        m.put("momentum", beta);
        m.put("batchSize", batch);
        m.put("optimizer", optimizer);
        return m;
    }

    /** A trial with dev accuracies per epoch (and dev costs 1 - accuracy unless given). */
    static Trial trial(int id, TrialState state, Map<String, Object> values, double... devAcc) {
        List<EpochPoint> curve = new ArrayList<>();
        double best = Double.NaN;
        int bestEpoch = -1;
        for (int i = 0; i < devAcc.length; i++) {
            curve.add(new EpochPoint(i + 1, 1, 1 - devAcc[i], devAcc[i], 0.1));
            if (!(devAcc[i] <= best)) {
                best = devAcc[i];
                bestEpoch = i + 1;
            }
        }
        return new Trial(id, 0, values, state, curve, best, bestEpoch,
                bestEpoch > 0 ? "epoch-%04d".formatted(bestEpoch) : null,
                Path.of("runs", "trial-%04d".formatted(id)), TrialNote.NONE);
    }

    private static double xOf(ScatterData d, int trialId) {
        return d.points().stream().filter(p -> p.trialId() == trialId).findFirst().orElseThrow().x();
    }

    private static double tickAt(ScatterData d, String label) {
        return d.xTicks().stream().filter(t -> t.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no tick '" + label + "' in " + d.xTicks())).value();
    }

    @Test
    void knownValuesLandAtKnownPositionsOnEachScale() {
        vm.show(List.of(), List.of(
                trial(1, TrialState.DONE, values(0.01, 0.99, 64, "adam"), 0.8),
                trial(2, TrialState.DONE, values(1e-4, 0.9, 16, "momentum"), 0.6),
                trial(3, TrialState.DONE, values(1.0, 0.999, 256, "adam"), 0.7)));
        // log: 0.01 is half way between 1e-4 and 1
        ScatterData lr = vm.charts().scatter("learningRate");
        assertThat(xOf(lr, 1)).isCloseTo(0.5, within(1e-9));
        assertThat(xOf(lr, 2)).isCloseTo(0.0, within(1e-9));
        assertThat(xOf(lr, 3)).isCloseTo(1.0, within(1e-9));
        assertThat(tickAt(lr, Ticks.formatValue(0.01))).isCloseTo(0.5, within(1e-9));
        // one-minus-log: 0.9, 0.99, 0.999 evenly spaced, labelled as β
        ScatterData beta = vm.charts().scatter("momentum");
        assertThat(xOf(beta, 1)).isCloseTo(0.5, within(1e-9));
        assertThat(xOf(beta, 2)).isCloseTo(0.0, within(1e-9));
        assertThat(tickAt(beta, "0.9")).isCloseTo(0.0, within(1e-9));
        assertThat(tickAt(beta, "0.99")).isCloseTo(0.5, within(1e-9));
        assertThat(tickAt(beta, "0.999")).isCloseTo(1.0, within(1e-9));
        assertThat(beta.xLabel()).contains("1 − momentum");
        // pow2: five bins 16..256, 64 in the middle one; a tick for every power
        ScatterData batch = vm.charts().scatter("batchSize");
        assertThat(xOf(batch, 1)).isCloseTo(0.5, within(1e-9));
        assertThat(xOf(batch, 2)).isCloseTo(0.1, within(1e-9));
        assertThat(batch.xTicks()).extracting(Ticks.Tick::label).containsExactly("16", "32", "64", "128", "256");
        // choice: categories at their bin centres
        ScatterData opt = vm.charts().scatter("optimizer");
        assertThat(xOf(opt, 2)).isCloseTo(0.25, within(1e-9));
        assertThat(xOf(opt, 1)).isCloseTo(0.75, within(1e-9));
        assertThat(opt.xTicks()).extracting(Ticks.Tick::label).containsExactly("momentum", "adam");
        // y is the best dev accuracy
        assertThat(lr.points().stream().filter(p -> p.trialId() == 1).findFirst().orElseThrow().y()).isEqualTo(0.8);
    }

    @Test
    void oneMinusLogTicksAreWrittenOut() {
        assertThat(ParamAxis.oneMinusLabel(-1, 1)).isEqualTo("0.9");
        assertThat(ParamAxis.oneMinusLabel(-3, 1)).isEqualTo("0.999");
        assertThat(ParamAxis.oneMinusLabel(-2, 5)).isEqualTo("0.95");
        List<Ticks.Tick> ticks = ParamAxis.ticks(Param.oneMinusLog("beta2", 0.9, 0.9999));
        assertThat(ticks).extracting(Ticks.Tick::label).containsExactly("0.9", "0.99", "0.999", "0.9999");
        assertThat(ticks.get(1).value()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void brushingNarrowsTheNextRoundsRangesAndBrushesCombine() {
        vm.charts().brush("learningRate", 0.75, 0.25); // any order
        vm.charts().brush("momentum", 0.5, 1.0);
        vm.charts().brush("batchSize", 0.42, 0.58); // inside the middle bin only: 64 (partly covered bins would count)
        SearchSpace next = vm.charts().brushedSpace();
        Param lr = next.param("learningRate");
        assertThat(lr.scale()).isEqualTo(babysitter.search.Scale.LOG);
        assertThat(lr.min()).isCloseTo(1e-3, within(1e-12));
        assertThat(lr.max()).isCloseTo(1e-1, within(1e-12));
        Param beta = next.param("momentum");
        assertThat(beta.min()).isCloseTo(0.99, within(1e-12));
        assertThat(beta.max()).isCloseTo(0.999, within(1e-12));
        assertThat(next.param("batchSize").min()).isEqualTo(64);
        assertThat(next.param("batchSize").max()).isEqualTo(64);
        // not brushed: unchanged
        assertThat(next.param("optimizer")).isEqualTo(space.param("optimizer"));
        assertThat(next.base()).isEqualTo(space.base());
        assertThat(vm.charts().brushTextProperty().get()).contains("learningRate").contains("momentum");

        vm.charts().clearBrush("learningRate");
        assertThat(vm.charts().brushedSpace().param("learningRate")).isEqualTo(space.param("learningRate"));
        vm.charts().clearBrushes();
        assertThat(vm.charts().brushedSpace()).isEqualTo(space);
    }

    @Test
    void pointsInsideABrushAreMarked() {
        vm.show(List.of(), List.of(
                trial(1, TrialState.DONE, values(0.01, 0.99, 64, "adam"), 0.8),
                trial(2, TrialState.DONE, values(1e-4, 0.9, 16, "momentum"), 0.6)));
        vm.charts().brush("learningRate", 0.4, 0.6);
        ScatterData d = vm.charts().scatter("learningRate");
        assertThat(d.points()).filteredOn(ScatterData.Point::inBrush).extracting(ScatterData.Point::trialId)
                .containsExactly(1);
        assertThat(d.brush()).containsExactly(0.4, 0.6);
    }

    @Test
    void rowsFollowTrialUpdatesInPlace() {
        Map<String, Object> v = values(0.00123456, 0.995, 32, "adam");
        vm.show(List.of(), List.of(new Trial(1, 0, v, TrialState.PENDING, List.of(), Double.NaN, -1, null, null, TrialNote.NONE)));
        assertThat(vm.trials().rows()).hasSize(1);
        TrialRow r = vm.trials().rows().get(0);
        assertThat(r.stateText()).isEqualTo("pending");
        assertThat(r.bestText()).isEmpty();
        assertThat(vm.trials().paramNames()).containsExactly("learningRate", "momentum", "batchSize", "optimizer");
        assertThat(r.values()).containsExactly(space.param("learningRate").format(0.00123456),
                space.param("momentum").format(0.995), "32", "adam");
        assertThat(r.values().get(0)).isEqualTo("0.00123");

        vm.show(List.of(), List.of(trial(1, TrialState.RUNNING, v, 0.5)));
        assertThat(vm.trials().rows()).hasSize(1);
        assertThat(vm.trials().rows().get(0).stateText()).isEqualTo("running (epoch 1)");
        assertThat(vm.trials().rows().get(0).devCurve()).containsExactly(0.5);

        vm.show(List.of(), List.of(trial(1, TrialState.DONE, v, 0.5, 0.75, 0.7), trial(2, TrialState.PENDING, v)));
        assertThat(vm.trials().rows()).extracting(TrialRow::id).containsExactly(1, 2);
        assertThat(vm.trials().rows().get(0).bestText()).isEqualTo("0.750 (e2)");
        assertThat(vm.trials().rows().get(0).canBabysit()).isTrue();
        assertThat(vm.trials().rows().get(1).canBabysit()).isFalse();
        assertThat(vm.progress().statusProperty().get()).contains("1/2 trials done");
    }

    @Test
    void listenerUpdatesFromWorkerThreadsArriveInOrder() {
        Map<String, Object> v = values(0.01, 0.99, 64, "adam");
        vm.accept(List.of(trial(3, TrialState.RUNNING, v, 0.4), trial(3, TrialState.RUNNING, v, 0.4, 0.6)));
        assertThat(vm.trials().rows()).hasSize(1);
        assertThat(vm.trials().rows().get(0).devCurve()).containsExactly(0.4, 0.6);
    }

    @Test
    void theBestTrialIsHighlightedEverywhere() {
        Map<String, Object> v = values(0.01, 0.99, 64, "adam");
        vm.show(List.of(), List.of(
                trial(1, TrialState.DONE, v, 0.70),
                trial(2, TrialState.DONE, v, 0.60, 0.90),
                trial(3, TrialState.RUNNING, v, 0.80)));
        assertThat(vm.trials().bestTrialProperty().get()).isEqualTo(2);
        assertThat(vm.charts().scatter("learningRate").points()).filteredOn(ScatterData.Point::best)
                .extracting(ScatterData.Point::trialId).containsExactly(2);
        List<TrialCharts.Curve> curves = vm.charts().curves();
        assertThat(curves.get(curves.size() - 1).trialId()).isEqualTo(2);
        assertThat(curves.get(curves.size() - 1).best()).isTrue();
        assertThat(curves.get(curves.size() - 1).epochs()).containsExactly(1, 2);

        // a later trial does better: it becomes the best
        vm.show(List.of(), List.of(trial(3, TrialState.DONE, v, 0.80, 0.95)));
        assertThat(vm.trials().bestTrialProperty().get()).isEqualTo(3);

        // selection is marked too, and drawn on top
        vm.trials().selectedTrialProperty().set(1);
        assertThat(vm.charts().scatter("momentum").points()).filteredOn(ScatterData.Point::selected)
                .extracting(ScatterData.Point::trialId).containsExactly(1);
        assertThat(vm.charts().curves()).filteredOn(TrialCharts.Curve::selected).extracting(TrialCharts.Curve::trialId)
                .containsExactly(1);
    }

    @Test
    void tiesGoToTheLowerDevCost() {
        Map<String, Object> v = values(0.01, 0.99, 64, "adam");
        Trial a = new Trial(1, 0, v, TrialState.DONE, List.of(new EpochPoint(1, 1, 0.40, 0.9, 1)), 0.9, 1, "e",
                null, TrialNote.NONE);
        Trial b = new Trial(2, 0, v, TrialState.DONE, List.of(new EpochPoint(1, 1, 0.30, 0.9, 1)), 0.9, 1, "e",
                null, TrialNote.NONE);
        assertThat(SearchTrials.best(List.of(a, b))).isEqualTo(2);
        assertThat(SearchTrials.best(List.of())).isEqualTo(-1);
    }

    @Test
    void theTrialsCountIsValidatedInline() {
        vm.show(List.of(), List.of(trial(1, TrialState.DONE, values(0.01, 0.99, 64, "adam"), 0.8)));
        assertThat(vm.nextRound().trialsErrorProperty().get()).isEmpty();
        for (String bad : new String[] {"abc", "0", "-3", "2.5", "100000"}) {
            vm.nextRound().trialsTextProperty().set(bad);
            assertThat(vm.nextRound().trialsErrorProperty().get()).as(bad).contains("'" + bad + "'").containsIgnoringCase("trials");
            assertThat(vm.nextRound().canNextRound().get()).as(bad).isFalse();
        }
        vm.nextRound().trialsTextProperty().set("0");
        assertThat(vm.nextRound().trialsErrorProperty().get()).contains("at least 1");
        vm.nextRound().trialsTextProperty().set("abc");
        assertThat(vm.nextRound().trialsErrorProperty().get()).contains("whole number from 1 to " + NextRoundForm.MAX_TRIALS);
        vm.nextRound().trialsTextProperty().set("");
        assertThat(vm.nextRound().trialsErrorProperty().get()).isNotEmpty();
        vm.nextRound().trialsTextProperty().set(" 5 ");
        assertThat(vm.nextRound().trialsErrorProperty().get()).isEmpty();
    }

    @Test
    void babysittingNeedsAFinishedTrialWithACheckpoint() {
        Map<String, Object> v = values(0.01, 0.99, 64, "adam");
        List<Trial> handed = new ArrayList<>();
        vm.setBabysitter(handed::add);
        vm.show(List.of(), List.of(trial(1, TrialState.RUNNING, v, 0.5), trial(2, TrialState.DONE, v, 0.6, 0.7)));
        vm.trials().selectedTrialProperty().set(1);
        assertThat(vm.canBabysit().get()).isFalse();
        vm.babysitSelected();
        assertThat(handed).isEmpty();
        assertThat(vm.notificationProperty().get()).contains("#1");
        vm.trials().selectedTrialProperty().set(2);
        assertThat(vm.canBabysit().get()).isTrue();
        vm.babysitSelected();
        assertThat(handed).extracting(Trial::id).containsExactly(2);
        assertThat(handed.get(0).bestCheckpoint()).isEqualTo("epoch-0002");
    }

    @Test
    void theAxisSpansEveryRound() {
        SearchSpace narrow = space.narrowed(Map.of("learningRate", new double[] {0.5, 0.75}));
        vm.show(List.of(new Round(1, narrow, Method.RANDOM, 2, 0, "brushed on round 1")), List.of());
        Param axis = vm.trials().axis("learningRate");
        assertThat(axis.min()).isEqualTo(1e-4);
        assertThat(axis.max()).isEqualTo(1.0);
        // a brush is made on that axis but narrows the last round's space where not brushed
        assertThat(vm.charts().brushedSpace().param("learningRate")).isEqualTo(narrow.param("learningRate"));
        assertThat(vm.progress().statusProperty().get()).startsWith("Round 2 (brushed on round 1)");
    }

    @Test
    void etaFollowsTheSpeedOfThisRun() {
        vm.setEpochs(4);
        Map<String, Object> v = values(0.01, 0.99, 64, "adam");
        vm.show(List.of(), List.of(trial(1, TrialState.RUNNING, v, 0.5, 0.6), trial(2, TrialState.PENDING, v)));
        // 2 epochs in 10 s; 2 + 4 epochs left
        assertThat(vm.progress().etaSeconds(10)).isCloseTo(30, within(1e-9));
        assertThat(babysitter.report.Names.duration(75, java.util.Locale.ENGLISH)).isEqualTo("1 min 15 s");
    }

    @Test
    void eachRoundSaysHowManyDistinctValuesItTriesSoAGridsWasteShows() {
        List<Trial> ts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ts.add(trial(i + 1, TrialState.DONE, values(0.001 * (i + 1), 0.9 + 0.01 * i, 16 << (i % 2),
                    i < 2 ? "adam" : "momentum"), 0.5));
        }
        List<Map<String, Object>> grid = space.grid(2);
        for (int i = 0; i < grid.size(); i++) {
            Trial t = trial(5 + i, TrialState.PENDING, grid.get(i));
            ts.add(new Trial(t.id(), 1, t.values(), t.state(), t.curve(), t.bestDevAccuracy(), t.bestEpoch(),
                    t.bestCheckpoint(), t.runDir(), t.why()));
        }
        vm.show(List.of(new Round(1, space, Method.GRID, 16, 2, "top 3 of round 1")), ts);
        assertThat(vm.trials().roundsSummaryProperty().get()).isEqualTo(
                "round 1 · random: 4 trials → distinct values: learningRate 4 · momentum 4 · batchSize 2 · optimizer 2\n"
                + "round 2 · grid 2 per axis: 16 trials → distinct values: learningRate 2 · momentum 2 · batchSize 2"
                + " · optimizer 2");
        // grid trials are drawn square, and stack up in K columns
        Trial g = trial(5, TrialState.DONE, grid.get(0), 0.6);
        vm.show(List.of(), List.of(new Trial(5, 1, g.values(), g.state(), g.curve(), g.bestDevAccuracy(),
                g.bestEpoch(), g.bestCheckpoint(), g.runDir(), g.why())));
        ScatterData lr = vm.charts().scatter("learningRate");
        assertThat(lr.points()).filteredOn(ScatterData.Point::grid).extracting(ScatterData.Point::trialId)
                .containsExactly(5);
        assertThat(lr.points()).filteredOn(p -> !p.grid()).hasSize(4);
        // the latest rounds only, once there are many
        for (int r = 2; r < 6; r++) {
            vm.show(List.of(new Round(r, space, Method.RANDOM, 0, 0, "more")), List.of());
        }
        String[] lines = vm.trials().roundsSummaryProperty().get().split("\n");
        assertThat(lines).hasSize(SearchTrials.SHOWN_ROUND_LINES + 1);
        assertThat(lines[0]).isEqualTo("… 2 earlier rounds");
        assertThat(lines[SearchTrials.SHOWN_ROUND_LINES]).isEqualTo("round 6 · random: 0 trials → distinct values: "
                + "learningRate 0 · momentum 0 · batchSize 0 · optimizer 0");
    }

    @Test
    void theNextRoundMayBeAGridAndItsValuesPerAxisAreChecked() throws Exception {
        babysitter.search.Settings settings = new babysitter.search.Settings(2, 1,
                babysitter.search.EarlyStopping.none(), 1);
        try (babysitter.search.Search search = babysitter.search.Search.create(dir.resolve("s"), space, Method.RANDOM,
                3, 0, settings)) {
            SearchViewModel v = new SearchViewModel(Runnable::run, r -> { }, Clock.systemUTC(), n -> {
                throw new AssertionError("nothing runs here");
            });
            v.attach(search, 1);
            // the first round as if it had run
            List<Trial> done = new ArrayList<>();
            for (Trial t : search.trials()) {
                Trial f = trial(t.id(), TrialState.DONE, t.values(), 0.5 + 0.1 * t.id());
                done.add(f);
            }
            v.show(search.rounds(), done);
            assertThat(v.nextRound().canNextRound().get()).isTrue();

            v.nextRound().nextMethodProperty().set(Method.GRID);
            v.nextRound().gridValuesTextProperty().set("1");
            assertThat(v.nextRound().trialsErrorProperty().get()).contains("Values per axis").contains("'1'");
            assertThat(v.nextRound().canNextRound().get()).isFalse();
            v.nextRound().gridValuesTextProperty().set("40"); // 40 × 40 × 5 × 2 trials: over the cap
            assertThat(v.nextRound().trialsErrorProperty().get()).isEmpty();
            v.charts().brush("learningRate", 0.2, 0.6);
            v.nextRound().fromSelection();
            assertThat(v.notificationProperty().get()).contains("at most " + NextRoundForm.MAX_TRIALS + " trials")
                    .contains("40 values per axis");
            assertThat(search.rounds()).hasSize(1);

            v.nextRound().gridValuesTextProperty().set("2");
            v.nextRound().fromSelection();
            assertThat(search.rounds()).hasSize(2);
            Round r = search.rounds().get(1);
            assertThat(r.method()).isEqualTo(Method.GRID);
            assertThat(r.gridValuesPerAxis()).isEqualTo(2);
            assertThat(search.trials(1)).hasSize(16);
            assertThat(v.trials().roundsSummaryProperty().get()).endsWith(
                    "round 2 · grid 2 per axis: 16 trials → distinct values: learningRate 2 · momentum 2 · batchSize 2"
                    + " · optimizer 2");
            v.nextRound().nextMethodProperty().set(Method.RANDOM);
            v.nextRound().trialsTextProperty().set("0");
            assertThat(v.nextRound().trialsErrorProperty().get()).startsWith("Trials");
            v.cancel();
        }
    }
}
